package com.agentnexus.gateway.protocol;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.ResourcesSampled;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps events to the messages of the WebSocket protocol. The shapes keep the reference's
 * documented JSON ({@code log}, {@code status}, {@code metrics}, {@code error},
 * {@code pong}), plus {@code seq} for resuming. Thread-safe.
 */
public final class ServerMessages {

    private final ObjectMapper mapper = JsonMapper.builder().build();

    private final Clock clock;

    public ServerMessages(Clock clock) {
        this.clock = clock;
    }

    public String event(ExecutionEvent event) {
        ObjectNode message = mapper.createObjectNode();
        ObjectNode data = mapper.createObjectNode();
        String type = event.accept(new ExecutionEvent.Visitor<String>() {
            @Override
            public String log(LogLineEmitted log) {
                data.put("log", log.line());
                data.put("stream", log.stream().wireName());
                return "log";
            }

            @Override
            public String status(ExecutionStatusChanged status) {
                statusData(data, status);
                return "status";
            }

            @Override
            public String resources(ResourcesSampled resources) {
                data.put("memoryUsage", resources.memoryBytes());
                data.put("cpuUsage", resources.cpuPercent());
                data.put("duration", resources.durationMs());
                return "metrics";
            }
        });
        message.put("type", type);
        message.put("executionId", event.executionId().toString());
        message.put("seq", event.seq());
        message.set("data", data);
        message.put("timestamp", event.timestamp());
        return mapper.writeValueAsString(message);
    }

    private void statusData(ObjectNode data, ExecutionStatusChanged status) {
        data.put("status", status.status().name());
        data.put("agentName", status.agentName());
        if (status.priceWei() != null) {
            // Wei exceed 2^53: a JSON number would lose precision in JavaScript clients
            data.put("priceWei", status.priceWei().toString());
        }
        if (status.outputJson() != null) {
            data.set("output", mapper.readTree(status.outputJson()));
        }
        if (status.error() != null) {
            data.put("error", status.error());
        }
        if (status.exitCode() != null) {
            data.put("exitCode", status.exitCode());
        }
        if (status.durationMs() != null) {
            data.put("durationMs", status.durationMs());
        }
        if (status.eventCount() != null) {
            data.put("eventCount", status.eventCount());
        }
        if (status.logChecksum() != null) {
            data.put("logChecksum", status.logChecksum());
        }
    }

    public String error(@Nullable ExecutionId executionId, ErrorCode code, String text) {
        ObjectNode message = mapper.createObjectNode();
        message.put("type", "error");
        if (executionId != null) {
            message.put("executionId", executionId.toString());
        }
        ObjectNode data = message.putObject("data");
        data.put("code", code.name());
        data.put("message", text);
        message.put("timestamp", clock.millis());
        return mapper.writeValueAsString(message);
    }

    public String pong() {
        ObjectNode message = mapper.createObjectNode();
        message.put("type", "pong");
        message.put("timestamp", clock.millis());
        return mapper.writeValueAsString(message);
    }

}
