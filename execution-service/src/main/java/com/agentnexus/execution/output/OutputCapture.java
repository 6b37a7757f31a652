package com.agentnexus.execution.output;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers an agent's output: the last stdout line that parses as a JSON object
 * PostgreSQL can store, in compact form.
 */
public final class OutputCapture {

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private @Nullable String lastObject;

    public synchronized void offer(String stdoutLine) {
        String trimmed = stdoutLine.trim();
        // Most lines are plain text; only try the parser on ones that could be an object.
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            return;
        }
        try {
            JsonNode node = MAPPER.readTree(trimmed);
            // An object PostgreSQL's jsonb cannot hold (a \u0000 escape) could never be
            // recorded: the row would retry its end for good. It is not taken as the
            // output (the line itself is still published).
            if (node != null && node.isObject() && StorableJson.firstUnstorable(node) == null) {
                lastObject = MAPPER.writeValueAsString(node);
            }
        }
        catch (JacksonException e) {
            // Not JSON after all: ordinary output that happens to look like an object.
        }
    }

    public synchronized @Nullable String output() {
        return lastObject;
    }

}
