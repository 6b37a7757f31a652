package com.agentnexus.gateway.protocol;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.ResourcesSampled;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps events to the messages of the WebSocket protocol. The shapes keep the reference's
 * documented JSON ({@code log}, {@code status}, {@code metrics}, {@code error},
 * {@code pong}), plus {@code seq} for resuming. Thread-safe.
 *
 * <p>
 * Messages are written with a streaming generator, field by field, and encoded to UTF-8
 * once. The live fan-out hands one event instance to every subscriber in turn on one
 * thread, so {@link #event} remembers, per thread, the last event it encoded: the second
 * and every later subscriber of that event get the same {@link OutboundMessage}, and the
 * event is encoded once however many watch it (and not at all if nobody may see it).
 */
public final class ServerMessages {

    private final ObjectMapper mapper = JsonMapper.builder().build();

    private final Clock clock;

    private final ThreadLocal<@Nullable LastEncoded> last = new ThreadLocal<>();

    public ServerMessages(Clock clock) {
        this.clock = clock;
    }

    /**
     * The message for {@code event}; the same instance as the previous call on this
     * thread if that was for the same event instance.
     */
    public OutboundMessage event(ExecutionEvent event) {
        LastEncoded previous = last.get();
        if (previous != null && previous.event == event) {
            return previous.message;
        }
        var message = new OutboundMessage(utf8(encode(event)), event.timestamp());
        last.set(new LastEncoded(event, message));
        return message;
    }

    private String encode(ExecutionEvent event) {
        var out = new StringWriter(192);
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("type", switch (event.type()) {
                case LOG -> "log";
                case STATUS -> "status";
                case RESOURCE -> "metrics";
            });
            json.writeStringProperty("executionId", event.executionId().toString());
            json.writeNumberProperty("seq", event.seq());
            json.writeName("data");
            json.writeStartObject();
            event.accept(new ExecutionEvent.Visitor<Void>() {
                @Override
                public Void log(LogLineEmitted log) {
                    json.writeStringProperty("log", log.line());
                    json.writeStringProperty("stream", log.stream().wireName());
                    return null;
                }

                @Override
                public Void status(ExecutionStatusChanged status) {
                    statusData(json, status);
                    return null;
                }

                @Override
                public Void resources(ResourcesSampled resources) {
                    json.writeNumberProperty("memoryUsage", resources.memoryBytes());
                    json.writeNumberProperty("cpuUsage", resources.cpuPercent());
                    json.writeNumberProperty("duration", resources.durationMs());
                    return null;
                }
            });
            json.writeEndObject();
            json.writeNumberProperty("timestamp", event.timestamp());
            json.writeEndObject();
        }
        return out.toString();
    }

    private void statusData(JsonGenerator json, ExecutionStatusChanged status) {
        json.writeStringProperty("status", status.status().name());
        json.writeStringProperty("agentName", status.agentName());
        if (status.priceWei() != null) {
            // Wei exceed 2^53: a JSON number would lose precision in JavaScript clients
            json.writeStringProperty("priceWei", status.priceWei().toString());
        }
        if (status.outputJson() != null) {
            // through a tree, as before: the output is re-written compactly, whatever its
            // spacing
            json.writeName("output");
            json.writeTree(mapper.readTree(status.outputJson()));
        }
        if (status.error() != null) {
            json.writeStringProperty("error", status.error());
        }
        if (status.exitCode() != null) {
            json.writeNumberProperty("exitCode", status.exitCode());
        }
        if (status.durationMs() != null) {
            json.writeNumberProperty("durationMs", status.durationMs());
        }
        if (status.eventCount() != null) {
            json.writeNumberProperty("eventCount", status.eventCount());
        }
        if (status.logChecksum() != null) {
            json.writeStringProperty("logChecksum", status.logChecksum());
        }
    }

    public OutboundMessage error(@Nullable ExecutionId executionId, ErrorCode code, String text) {
        var out = new StringWriter(128);
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("type", "error");
            if (executionId != null) {
                json.writeStringProperty("executionId", executionId.toString());
            }
            json.writeName("data");
            json.writeStartObject();
            json.writeStringProperty("code", code.name());
            json.writeStringProperty("message", text);
            json.writeEndObject();
            json.writeNumberProperty("timestamp", clock.millis());
            json.writeEndObject();
        }
        return new OutboundMessage(utf8(out.toString()), OutboundMessage.NO_EVENT);
    }

    public OutboundMessage pong() {
        return new OutboundMessage(utf8("{\"type\":\"pong\",\"timestamp\":" + clock.millis() + "}"),
                OutboundMessage.NO_EVENT);
    }

    /**
     * Written as text, then encoded: the bytes are exactly Java's UTF-8 of the JSON text,
     * as when the socket encoded each message itself.
     */
    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private record LastEncoded(ExecutionEvent event, OutboundMessage message) {
    }

}
