package com.agentnexus.launcher.faults;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One event of an execution as a client saw it, read either from Kafka (docs/events.md)
 * or from the gateway (docs/protocol.md): its seq, the log line if it is one, and the
 * terminal status if it is that.
 */
record ObservedEvent(long seq, long timestamp, @Nullable String line, @Nullable String status,
        @Nullable Terminal terminal) {

    /** What a terminal status carries: the ordering barrier and the final state. */
    record Terminal(String status, @Nullable String error, @Nullable Integer exitCode, long eventCount,
            String logChecksum) {
    }

    boolean isLog() {
        return line != null;
    }

    /** An event as it is on Kafka: flat envelope plus the type's fields. */
    static ObservedEvent fromKafka(JsonNode event) {
        return of(event.path("type").asString(), event, event.path("line"), event);
    }

    /**
     * A gateway message: envelope with the type's fields under {@code data}, the line as
     * {@code log}.
     */
    static ObservedEvent fromGateway(JsonNode message) {
        JsonNode data = message.path("data");
        return of(message.path("type").asString(), message, data.path("log"), data);
    }

    private static ObservedEvent of(String type, JsonNode envelope, JsonNode line, JsonNode fields) {
        long seq = envelope.path("seq").asLong(-1);
        long timestamp = envelope.path("timestamp").asLong();
        if ("log".equals(type)) {
            return new ObservedEvent(seq, timestamp, line.asString(), null, null);
        }
        if (!"status".equals(type)) {
            return new ObservedEvent(seq, timestamp, null, null, null);
        }
        String status = fields.path("status").asString();
        if (status.equals("PENDING") || status.equals("RUNNING")) {
            return new ObservedEvent(seq, timestamp, null, status, null);
        }
        var terminal = new Terminal(status, fields.hasNonNull("error") ? fields.path("error").asString() : null,
                fields.hasNonNull("exitCode") ? fields.path("exitCode").asInt() : null,
                fields.path("eventCount").asLong(-1), fields.path("logChecksum").asString());
        return new ObservedEvent(seq, timestamp, null, status, terminal);
    }
}
