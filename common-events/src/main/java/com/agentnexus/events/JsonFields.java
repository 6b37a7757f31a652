package com.agentnexus.events;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Typed, field-naming reads from one JSON object. */
final class JsonFields {

    private final JsonNode node;

    JsonFields(JsonNode node) {
        this.node = node;
    }

    ExecutionId executionId() {
        String text = requiredText("executionId");
        try {
            return ExecutionId.parse(text);
        }
        catch (IllegalArgumentException e) {
            throw new EventDecodingException("executionId", "executionId must be a UUIDv7: " + e.getMessage());
        }
    }

    AgentId agentId() {
        return new AgentId(requiredNonBlank("agentId"));
    }

    UserId userId() {
        return new UserId(requiredNonBlank("userId"));
    }

    long seq() {
        long seq = requiredLong("seq");
        if (seq < 1) {
            throw new EventDecodingException("seq", "seq must be >= 1, was " + seq);
        }
        return seq;
    }

    long timestamp() {
        return requiredNonNegativeLong("timestamp");
    }

    long requiredNonNegativeLong(String field) {
        long value = requiredLong(field);
        if (value < 0) {
            throw new EventDecodingException(field, "field '" + field + "' must not be negative");
        }
        return value;
    }

    String requiredText(String field) {
        JsonNode value = required(field);
        if (!value.isString()) {
            throw wrongType(field, "a string");
        }
        return value.stringValue();
    }

    private String requiredNonBlank(String field) {
        String text = requiredText(field);
        if (text.isBlank()) {
            throw new EventDecodingException(field, "field '" + field + "' must not be blank");
        }
        return text;
    }

    @Nullable String optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw wrongType(field, "a string");
        }
        return value.stringValue();
    }

    long requiredLong(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, "an integer");
        }
        return value.longValue();
    }

    int requiredInt(String field) {
        long value = requiredLong(field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw wrongType(field, "a 32-bit integer");
        }
        return (int) value;
    }

    @Nullable Long optionalLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, "an integer");
        }
        return value.longValue();
    }

    double requiredNonNegativeDouble(String field) {
        JsonNode value = required(field);
        if (!value.isNumber()) {
            throw wrongType(field, "a number");
        }
        if (value.doubleValue() < 0) {
            throw new EventDecodingException(field, "field '" + field + "' must not be negative");
        }
        return value.doubleValue();
    }

    @Nullable JsonNode optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(field, "a JSON object");
        }
        return value;
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new EventDecodingException(field, "missing required field '" + field + "'");
        }
        return value;
    }

    private static EventDecodingException wrongType(String field, String expected) {
        return new EventDecodingException(field, "field '" + field + "' must be " + expected);
    }

}
