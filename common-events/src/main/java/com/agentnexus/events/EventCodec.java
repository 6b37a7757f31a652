package com.agentnexus.events;

import java.io.StringWriter;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strict JSON codec of the event contract. Decoding rejects an unknown {@code type},
 * an unsupported schema version, a missing required field or a field of the wrong type
 * with an {@link EventDecodingException} that names the field. Unknown extra fields are
 * ignored so that producers may add optional fields. Thread-safe.
 */
public final class EventCodec {

    /** The schema version this codec writes and reads, carried in the {@code v} field. */
    public static final int SCHEMA_VERSION = 1;

    // compiled once: every status event is checked against it
    private static final Pattern PRICE = Pattern.compile("\\d{1,78}");

    private final ObjectMapper mapper = JsonMapper.builder().build();

    /**
     * Encodes an event as one compact JSON object. Written with a streaming generator,
     * not a tree: the execution service encodes every log line of every agent, so this is
     * on its hottest path.
     */
    public String encode(ExecutionEvent event) {
        var out = new StringWriter(160);
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberProperty("v", SCHEMA_VERSION);
            json.writeStringProperty("type", event.type().wireName());
            json.writeStringProperty("executionId", event.executionId().toString());
            json.writeStringProperty("agentId", event.agentId().value());
            json.writeStringProperty("userId", event.userId().value());
            json.writeNumberProperty("seq", event.seq());
            json.writeNumberProperty("timestamp", event.timestamp());
            event.accept(new ExecutionEvent.Visitor<Void>() {
                @Override
                public Void log(LogLineEmitted log) {
                    json.writeStringProperty("stream", log.stream().wireName());
                    json.writeStringProperty("line", log.line());
                    return null;
                }

                @Override
                public Void status(ExecutionStatusChanged status) {
                    writeStatus(json, status);
                    return null;
                }

                @Override
                public Void resources(ResourcesSampled resources) {
                    json.writeNumberProperty("memoryBytes", resources.memoryBytes());
                    json.writeNumberProperty("cpuPercent", resources.cpuPercent());
                    json.writeNumberProperty("durationMs", resources.durationMs());
                    return null;
                }
            });
            json.writeEndObject();
        }
        return out.toString();
    }

    private void writeStatus(JsonGenerator json, ExecutionStatusChanged status) {
        json.writeStringProperty("status", status.status().name());
        json.writeStringProperty("agentName", status.agentName());
        writeIfPresent(json, "priceWei", status.priceWei() == null ? null : status.priceWei().toString());
        if (status.outputJson() != null) {
            JsonNode output = mapper.readTree(status.outputJson());
            // fail at the producer: an event every consumer rejects would silently lose
            // the terminal status
            if (output == null || !output.isObject()) {
                throw new IllegalArgumentException("outputJson must be a JSON object");
            }
            json.writeName("output");
            json.writeTree(output);
        }
        writeIfPresent(json, "error", status.error());
        if (status.exitCode() != null) {
            json.writeNumberProperty("exitCode", status.exitCode());
        }
        if (status.durationMs() != null) {
            json.writeNumberProperty("durationMs", status.durationMs());
        }
        if (status.eventCount() != null) {
            json.writeNumberProperty("eventCount", status.eventCount());
        }
        writeIfPresent(json, "logChecksum", status.logChecksum());
    }

    private static void writeIfPresent(JsonGenerator json, String field, @Nullable String value) {
        if (value != null) {
            json.writeStringProperty(field, value);
        }
    }

    /**
     * Decodes one JSON object into an event.
     * @throws EventDecodingException naming the field at fault
     */
    public ExecutionEvent decode(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        }
        catch (JacksonException e) {
            throw new EventDecodingException("$", "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new EventDecodingException("$", "an event must be a JSON object");
        }
        var fields = new JsonFields(node);
        int version = fields.requiredInt("v");
        if (version != SCHEMA_VERSION) {
            throw new EventDecodingException("v", "unsupported schema version " + version);
        }
        String typeName = fields.requiredText("type");
        EventType type = EventType.fromWireName(typeName)
            .orElseThrow(() -> new EventDecodingException("type", "unknown event type '" + excerpt(typeName) + "'"));
        try {
            return switch (type) {
                case LOG -> decodeLog(fields);
                case STATUS -> decodeStatus(fields);
                case RESOURCE -> decodeResources(fields);
            };
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new EventDecodingException("$", "invalid " + type.wireName() + " event: " + e.getMessage(), e);
        }
    }

    /**
     * Values from the wire are echoed in messages that consumers log, so they are cut
     * short.
     */
    private static String excerpt(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }

    private LogLineEmitted decodeLog(JsonFields f) {
        String streamName = f.requiredText("stream");
        LogStream stream = LogStream.fromWireName(streamName)
            .orElseThrow(() -> new EventDecodingException("stream", "unknown stream '" + excerpt(streamName) + "'"));
        return new LogLineEmitted(f.executionId(), f.agentId(), f.userId(), f.seq(), f.timestamp(), stream,
                f.requiredText("line"));
    }

    private ExecutionStatusChanged decodeStatus(JsonFields f) {
        String statusName = f.requiredText("status");
        ExecutionStatus status;
        try {
            status = ExecutionStatus.valueOf(statusName);
        }
        catch (IllegalArgumentException e) {
            throw new EventDecodingException("status", "unknown status '" + excerpt(statusName) + "'");
        }
        String price = f.optionalText("priceWei");
        BigInteger priceWei = null;
        if (price != null) {
            if (!PRICE.matcher(price).matches()) {
                throw new EventDecodingException("priceWei", "priceWei must be a non-negative decimal integer string");
            }
            priceWei = new BigInteger(price);
        }
        JsonNode output = f.optionalObject("output");
        Long exitCode = f.optionalLong("exitCode");
        if (exitCode != null && (exitCode < Integer.MIN_VALUE || exitCode > Integer.MAX_VALUE)) {
            throw new EventDecodingException("exitCode", "exitCode out of range");
        }
        long seq = f.seq();
        if (status.isTerminal()) {
            requireBarrier(f, seq);
        }
        return new ExecutionStatusChanged(f.executionId(), f.agentId(), f.userId(), seq, f.timestamp(), status,
                f.requiredText("agentName"), priceWei, output == null ? null : mapper.writeValueAsString(output),
                f.optionalText("error"), exitCode == null ? null : exitCode.intValue(), f.optionalLong("durationMs"),
                f.optionalLong("eventCount"), f.optionalText("logChecksum"));
    }

    /**
     * A terminal status is the ordering barrier; without these fields a subscriber cannot
     * prove completeness.
     */
    private static void requireBarrier(JsonFields f, long seq) {
        f.requiredNonNegativeLong("durationMs");
        f.requiredText("logChecksum");
        if (f.requiredLong("eventCount") != seq) {
            throw new EventDecodingException("eventCount", "a terminal status must carry eventCount equal to its seq");
        }
    }

    private ResourcesSampled decodeResources(JsonFields f) {
        return new ResourcesSampled(f.executionId(), f.agentId(), f.userId(), f.seq(), f.timestamp(),
                f.requiredNonNegativeLong("memoryBytes"), f.requiredNonNegativeDouble("cpuPercent"),
                f.requiredNonNegativeLong("durationMs"));
    }

}
