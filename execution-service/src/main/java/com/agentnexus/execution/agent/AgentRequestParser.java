package com.agentnexus.execution.agent;

import com.agentnexus.events.AgentId;
import com.agentnexus.execution.problem.ApiProblem;
import com.agentnexus.support.StorableText;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a raw {@code POST /api/agents} body into an {@link Agent}, or says precisely why
 * not (400 / 413).
 */
final class AgentRequestParser {

    static final long MAX_BODY_BYTES = 128 * 1024;

    private static final int MAX_SCRIPT_BYTES = 64 * 1024;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    // Wei are unsigned integers up to uint256 (78 digits); a decimal string because they
    // exceed 2^53.
    private static final Pattern WEI = Pattern.compile("0|[1-9][0-9]{0,77}");

    private static final long DEFAULT_TIMEOUT_MS = Duration.ofMinutes(5).toMillis();

    private static final long MAX_TIMEOUT_MS = Duration.ofHours(1).toMillis();

    private final JsonMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    Agent parse(@Nullable String body) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw ApiProblem.tooLarge("The request body exceeds " + MAX_BODY_BYTES + " bytes.");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body == null ? "" : body);
        }
        catch (JacksonException e) {
            throw ApiProblem.badRequest("The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.badRequest("The request body must be a JSON object.");
        }
        String id = requiredString(root, "id");
        if (!ID.matcher(id).matches()) {
            throw ApiProblem
                .badRequest("'id' must be 2-63 characters of a-z, 0-9 and '-', starting with a letter" + " or digit.");
        }
        String name = requiredString(root, "name");
        if (name.length() > 200) {
            throw ApiProblem.badRequest("'name' must be at most 200 characters.");
        }
        String price = requiredString(root, "priceWei");
        if (!WEI.matcher(price).matches()) {
            throw ApiProblem.badRequest("'priceWei' must be a decimal string of a non-negative integer (Wei).");
        }
        String script = requiredString(root, "script");
        if (script.getBytes(StandardCharsets.UTF_8).length > MAX_SCRIPT_BYTES) {
            throw ApiProblem.tooLarge("'script' exceeds " + MAX_SCRIPT_BYTES + " bytes.");
        }
        long timeoutMs = optionalLong(root, "timeoutMs", DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS);
        return new Agent(new AgentId(id), name, new BigInteger(price), Duration.ofMillis(timeoutMs), script,
                container(root));
    }

    private static AgentContainer container(JsonNode root) {
        AgentContainer defaults = AgentContainer.DEFAULT;
        JsonNode image = root.get("image");
        if (image != null && !image.isNull() && (!image.isString() || image.stringValue().isBlank())) {
            throw ApiProblem.badRequest("'image' must be a non-empty string.");
        }
        long memory = optionalLong(root, "memoryBytes", defaults.memoryBytes(), AgentContainer.MIN_MEMORY_BYTES,
                Long.MAX_VALUE);
        long pids = optionalLong(root, "pidsLimit", defaults.pidsLimit(), 1, 1_000_000);
        double cpus = defaults.cpus();
        JsonNode cpuNode = root.get("cpus");
        if (cpuNode != null && !cpuNode.isNull()) {
            if (!cpuNode.isNumber() || !(cpuNode.doubleValue() > 0) || cpuNode.doubleValue() > 64) {
                throw ApiProblem.badRequest("'cpus' must be a number in (0, 64].");
            }
            cpus = cpuNode.doubleValue();
        }
        return new AgentContainer(
                image == null || image.isNull() ? defaults.image() : storable("image", image.stringValue()), memory,
                cpus, pids);
    }

    private static String requiredString(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw ApiProblem.badRequest("'" + field + "' is required and must be a non-empty string.");
        }
        return storable(field, node.stringValue());
    }

    private static String storable(String field, String value) {
        if (!StorableText.isStorable(value)) {
            throw ApiProblem.badRequest("'" + field + "' " + StorableText.REASON + ".");
        }
        return value;
    }

    private static long optionalLong(JsonNode root, String field, long fallback, long min, long max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw ApiProblem.badRequest("'" + field + "' must be an integer in [" + min + ", " + max + "].");
        }
        return node.longValue();
    }

}
