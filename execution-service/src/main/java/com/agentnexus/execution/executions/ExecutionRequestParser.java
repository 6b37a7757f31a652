package com.agentnexus.execution.executions;

import com.agentnexus.events.AgentId;
import com.agentnexus.execution.output.StorableJson;
import com.agentnexus.support.StorableText;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a raw {@code POST /api/executions} body into an {@link ExecutionRequest}, or says
 * precisely why not.
 */
final class ExecutionRequestParser {

    private final JsonMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private final long maxInputBytes;

    ExecutionRequestParser(long maxInputBytes) {
        this.maxInputBytes = maxInputBytes;
    }

    ExecutionRequest parse(@Nullable String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body == null ? "" : body);
        }
        catch (JacksonException e) {
            throw ExecutionProblem.badRequest("The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ExecutionProblem.badRequest("The request body must be a JSON object.");
        }
        JsonNode agentId = root.get("agentId");
        if (agentId == null || !agentId.isString() || agentId.stringValue().isBlank()) {
            throw ExecutionProblem.badRequest("'agentId' is required and must be a non-empty string.");
        }
        if (!StorableText.isStorable(agentId.stringValue())) {
            throw ExecutionProblem.badRequest("'agentId' " + StorableText.REASON + ".");
        }
        JsonNode input = root.get("input");
        String inputJson = "{}";
        if (input != null && !input.isNull()) {
            if (!input.isObject()) {
                throw ExecutionProblem.badRequest("'input' must be a JSON object.");
            }
            String unstorable = StorableJson.firstUnstorable(input);
            if (unstorable != null) {
                throw ExecutionProblem.badRequest("'input' " + StorableText.REASON + " at " + unstorable + ".");
            }
            inputJson = mapper.writeValueAsString(input);
        }
        if (inputJson.getBytes(StandardCharsets.UTF_8).length > maxInputBytes) {
            throw ExecutionProblem.tooLarge("'input' exceeds " + maxInputBytes + " bytes.");
        }
        return new ExecutionRequest(new AgentId(agentId.stringValue()), inputJson);
    }

}
