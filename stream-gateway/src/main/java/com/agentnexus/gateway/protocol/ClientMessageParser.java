package com.agentnexus.gateway.protocol;

import com.agentnexus.events.ExecutionId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses client frames strictly; every rejection names a stable {@link ErrorCode}.
 * Thread-safe.
 */
public final class ClientMessageParser {

    private final ObjectMapper mapper = JsonMapper.builder().build();

    /**
     * @throws ProtocolViolation if the frame is not a valid client message
     */
    public ClientMessage parse(String frame) {
        JsonNode node = readObject(frame);
        JsonNode type = node.get("type");
        if (type == null || !type.isString()) {
            throw new ProtocolViolation(ErrorCode.UNKNOWN_TYPE, "a message needs a string 'type'", null);
        }
        switch (type.stringValue()) {
            case "subscribe": {
                ExecutionId executionId = executionId(node);
                return new ClientMessage.Subscribe(executionId, fromSeq(node, executionId));
            }
            case "unsubscribe":
                return new ClientMessage.Unsubscribe(executionId(node));
            case "ping":
                return new ClientMessage.Ping();
            default:
                throw new ProtocolViolation(ErrorCode.UNKNOWN_TYPE,
                        "unknown type; expected subscribe, unsubscribe or ping", null);
        }
    }

    private JsonNode readObject(String frame) {
        JsonNode node;
        try {
            node = mapper.readTree(frame);
        }
        catch (JacksonException e) {
            throw new ProtocolViolation(ErrorCode.INVALID_JSON, "the message is not valid JSON", null);
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolViolation(ErrorCode.INVALID_JSON, "the message must be a JSON object", null);
        }
        return node;
    }

    private static ExecutionId executionId(JsonNode node) {
        JsonNode value = node.get("executionId");
        if (value == null || !value.isString()) {
            throw new ProtocolViolation(ErrorCode.INVALID_EXECUTION_ID, "'executionId' is required", null);
        }
        try {
            return ExecutionId.parse(value.stringValue());
        }
        catch (IllegalArgumentException e) {
            throw new ProtocolViolation(ErrorCode.INVALID_EXECUTION_ID, "'executionId' must be a UUIDv7", null);
        }
    }

    private static long fromSeq(JsonNode node, ExecutionId executionId) {
        @Nullable JsonNode value = node.get("fromSeq");
        if (value == null || value.isNull()) {
            return 0;
        }
        // MAX_VALUE is refused too: resuming "after" it would overflow the next expected
        // seq
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0
                || value.longValue() == Long.MAX_VALUE) {
            throw new ProtocolViolation(ErrorCode.INVALID_FROM_SEQ,
                    "'fromSeq' must be an integer from 0 to " + (Long.MAX_VALUE - 1), executionId);
        }
        return value.longValue();
    }

}
