package com.agentnexus.gateway.protocol;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.ResourcesSampled;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streaming encoder writes exactly the bytes the former tree-based mapping wrote
 * (kept below as the golden reference, as it was): same fields, same order, same
 * escaping.
 */
class ServerMessagesGoldenTest {

    private static final long NOW = 1_696_656_000_000L;

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

    private static final String HOSTILE = "<script>alert(\"x\")</script> 'single' back\\slash /slash "
            + "tab\t nl\n cr\r nul\u0000 bell\u0007 us\u001f del\u007f é ü 中文 😀 \u2028\u2029 \ufeff end";

    private final ServerMessages messages = new ServerMessages(CLOCK);

    private final TreeReference reference = new TreeReference(CLOCK);

    static Stream<ExecutionEvent> events() {
        ExecutionFixture run = anExecution().ownedBy("alice")
            .ofAgent("demo-worker", "Demo \"worker\" <b>", "1000000000000000000");
        run.pending();
        run.running();
        run.stdout("hello");
        run.stderr(HOSTILE);
        run.stdout("");
        run.stdout("x".repeat(20_000));
        run.resources(134_217_728, 45.2);
        run.resources(0, 0.0);
        run.resources(Long.MAX_VALUE, 1e-7);
        run.resources(1, 1.0E10);
        run.resources(1, 100.0);
        run.completed("{\"answer\":42,\"text\":\""
                + HOSTILE.replace("\\", "\\\\")
                    .replace("\"", "\\\"")
                    .replace("\t", "\\t")
                    .replace("\n", "\\n")
                    .replace("\r", "\\r")
                    .replace("\u0000", "\\u0000")
                    .replace("\u0007", "\\u0007")
                    .replace("\u001f", "\\u001f")
                + "\",\"nested\":{\"list\":[1,2.5,true,null,\"s\"]},\"big\":12345678901234567890}");
        ExecutionFixture failed = anExecution().ownedBy("bob");
        failed.pending();
        failed.terminal(ExecutionStatus.FAILED, null, "agent said: " + HOSTILE, 137);
        ExecutionFixture spaced = anExecution().ownedBy("carol");
        spaced.pending();
        spaced.completed("{ \"a\" : [ 1 , 2 ] , \"b\" : { } }");
        return Stream.of(run.events(), failed.events(), spaced.events()).flatMap(List::stream);
    }

    @ParameterizedTest
    @MethodSource("events")
    void anEventIsEncodedToTheSameBytesAsBefore(ExecutionEvent event) {
        OutboundMessage message = messages.event(event);

        assertThat(message.utf8()).isEqualTo(reference.event(event).getBytes(StandardCharsets.UTF_8));
        assertThat(message.eventTimestamp()).isEqualTo(event.timestamp());
    }

    @Test
    void errorsAndPongsAreEncodedToTheSameBytesAsBefore() {
        ExecutionId id = anExecution().executionId();
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(messages.error(id, code, HOSTILE).utf8())
                .isEqualTo(reference.error(id, code, HOSTILE).getBytes(StandardCharsets.UTF_8));
            assertThat(messages.error(null, code, "plain").utf8())
                .isEqualTo(reference.error(null, code, "plain").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(messages.pong().utf8()).isEqualTo(reference.pong().getBytes(StandardCharsets.UTF_8));
        assertThat(messages.pong().eventTimestamp()).isEqualTo(OutboundMessage.NO_EVENT);
    }

    @Test
    void theSameEventOnTheSameThreadIsEncodedOnce() throws Exception {
        ExecutionFixture run = anExecution();
        LogLineEmitted first = run.stdout("one");
        LogLineEmitted second = run.stdout("two");

        OutboundMessage once = messages.event(first);
        assertThat(messages.event(first)).isSameAs(once);
        OutboundMessage other = messages.event(second);
        assertThat(other).isNotSameAs(once);
        assertThat(messages.event(second)).isSameAs(other);
        // another thread encodes for itself, to the same bytes
        OutboundMessage elsewhere = CompletableFuture.supplyAsync(() -> messages.event(second)).get();
        assertThat(elsewhere.utf8()).isEqualTo(other.utf8());
        // an equal but different event instance is encoded anew, never confused with it
        LogLineEmitted equal = new LogLineEmitted(second.executionId(), second.agentId(), second.userId(), second.seq(),
                second.timestamp(), second.stream(), second.line());
        assertThat(messages.event(equal)).isNotSameAs(other);
    }

    @Test
    void anUntimedCopySharesTheBytesWithoutTheEventTime() {
        OutboundMessage timed = messages.event(anExecution().stdout("history"));

        OutboundMessage untimed = timed.untimed();

        assertThat(untimed.frame()).isSameAs(timed.frame());
        assertThat(untimed.eventTimestamp()).isEqualTo(OutboundMessage.NO_EVENT);
        assertThat(timed.eventTimestamp()).isNotEqualTo(OutboundMessage.NO_EVENT);
        assertThat(untimed.untimed()).isSameAs(untimed);
    }

    /**
     * Each message is one final, unmasked text frame around its JSON, whatever the length
     * field's size: Netty's client-side decoder reads it back to the same text.
     */
    @ParameterizedTest
    @MethodSource("lengthsAroundTheFrameHeaderSizes")
    void eachMessageIsOneTextFrameAClientDecodes(int textLength) {
        String text = "é中😀" + "x".repeat(textLength);
        OutboundMessage message = messages.error(null, ErrorCode.INVALID_JSON, text);
        var client = new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 1 << 20));

        client.writeInbound(Unpooled.wrappedBuffer(message.frame()));

        TextWebSocketFrame frame = client.readInbound();
        try {
            assertThat(frame.isFinalFragment()).isTrue();
            assertThat(frame.text()).isEqualTo(message.text()).contains(text);
            assertThat(message.utf8()).isEqualTo(message.text().getBytes(StandardCharsets.UTF_8));
            assertThat((Object) client.readInbound()).isNull();
        }
        finally {
            frame.release();
            client.finishAndReleaseAll();
        }
    }

    static Stream<Integer> lengthsAroundTheFrameHeaderSizes() {
        // the JSON around the text adds about 95 bytes: both sides of 125 and of 65,535
        return IntStream
            .concat(IntStream.of(0, 300_000),
                    IntStream.concat(IntStream.rangeClosed(15, 40), IntStream.rangeClosed(65_420, 65_450)))
            .boxed();
    }

    @Test
    void theLengthsAboveCoverEachSideOfEachHeaderSize() {
        var payloadLengths = lengthsAroundTheFrameHeaderSizes()
            .map(length -> messages.error(null, ErrorCode.INVALID_JSON, "é中😀" + "x".repeat(length)).utf8().length)
            .toList();

        assertThat(payloadLengths).contains(125, 126, 65_535, 65_536);
    }

    /** The former ServerMessages, tree by tree, as it was: the golden reference. */
    private static final class TreeReference {

        private final ObjectMapper mapper = JsonMapper.builder().build();

        private final Clock clock;

        TreeReference(Clock clock) {
            this.clock = clock;
        }

        String event(ExecutionEvent event) {
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

        String error(@Nullable ExecutionId executionId, ErrorCode code, String text) {
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

        String pong() {
            ObjectNode message = mapper.createObjectNode();
            message.put("type", "pong");
            message.put("timestamp", clock.millis());
            return mapper.writeValueAsString(message);
        }

    }

}
