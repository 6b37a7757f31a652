package com.agentnexus.gateway.protocol;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.ResourcesSampled;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServerMessagesTest {

    private static final long NOW = 1_696_656_000_000L;

    private final ServerMessages messages = new ServerMessages(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    private final JsonMapper json = JsonMapper.builder().build();

    private final ExecutionFixture run = anExecution().ownedBy("alice")
        .ofAgent("demo-worker", "Demo worker", "1000000000000000000");

    @Test
    void mapsALogLine() {
        run.pending();
        LogLineEmitted line = run.stderr("boom");

        assertThat(json.readTree(messages.event(line).text()))
            .isEqualTo(json.readTree("{\"type\":\"log\",\"executionId\":\"" + run.executionId() + "\",\"seq\":2,"
                    + "\"data\":{\"log\":\"boom\",\"stream\":\"stderr\"},\"timestamp\":" + line.timestamp() + "}"));
    }

    @Test
    void mapsAResourceSampleToTheReferencesMetricsMessage() {
        ResourcesSampled sample = run.resources(134_217_728, 45.2);

        JsonNode message = json.readTree(messages.event(sample).text());

        assertThat(message.get("type").stringValue()).isEqualTo("metrics");
        assertThat(message.get("seq").longValue()).isEqualTo(1);
        assertThat(message.get("data")).isEqualTo(json
            .readTree("{\"memoryUsage\":134217728,\"cpuUsage\":45.2,\"duration\":" + sample.durationMs() + "}"));
    }

    @Test
    void mapsAPendingStatusWithThePriceAsADecimalString() {
        ExecutionStatusChanged pending = run.pending();

        assertThat(json.readTree(messages.event(pending).text()).get("data")).isEqualTo(json
            .readTree("{\"status\":\"PENDING\",\"agentName\":\"Demo worker\",\"priceWei\":\"1000000000000000000\"}"));
    }

    @Test
    void mapsACompletedStatusWithItsOutputAsAnObject() {
        run.pending();
        run.stdout("x");
        ExecutionStatusChanged completed = run.completed("{\"answer\":42}");

        JsonNode data = json.readTree(messages.event(completed).text()).get("data");

        assertThat(data.get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(data.get("output")).isEqualTo(json.readTree("{\"answer\":42}"));
        assertThat(data.get("exitCode").intValue()).isZero();
        assertThat(data.get("eventCount").longValue()).isEqualTo(3);
        assertThat(data.get("durationMs").isIntegralNumber()).isTrue();
        assertThat(data.get("logChecksum").stringValue()).startsWith("sha256:");
        assertThat(data.has("error")).isFalse();
    }

    @Test
    void mapsAnErrorWithItsCodeAndTheCurrentTime() {
        assertThat(json.readTree(
                messages.error(run.executionId(), ErrorCode.NOT_FOUND, "no events found for this execution").text()))
            .isEqualTo(json.readTree("{\"type\":\"error\",\"executionId\":\"" + run.executionId() + "\","
                    + "\"data\":{\"code\":\"NOT_FOUND\",\"message\":\"no events found for this execution\"},\"timestamp\":"
                    + NOW + "}"));
        assertThat(json.readTree(messages.error(null, ErrorCode.INVALID_JSON, "bad").text()).has("executionId"))
            .isFalse();
    }

    @Test
    void mapsAPong() {
        assertThat(json.readTree(messages.pong().text()))
            .isEqualTo(json.readTree("{\"type\":\"pong\",\"timestamp\":" + NOW + "}"));
    }

}
