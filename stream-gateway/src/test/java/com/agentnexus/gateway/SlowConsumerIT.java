package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionFixture;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Replay goes at the client's pace: a reading client gets a history many times its queue,
 * a client that stopped reading is closed with 1013 once the grace is over (it resumes by
 * seq later), and neither disturbs the other.
 */
@TestPropertySource(properties = { "agentnexus.gateway.connection.outbound-queue-capacity=64",
        "agentnexus.gateway.connection.slow-client-grace=1s", "agentnexus.gateway.connection.close-timeout=30s" })
class SlowConsumerIT extends GatewayIntegrationTest {

    private final String alice = TestTokens.user("alice");

    @Autowired
    private MeterRegistry meters;

    @Test
    void aReadingClientGetsAHistoryLargerThanItsQueueAndAStalledOneIsClosedWith1013() throws Exception {
        ExecutionFixture run = publishLongHistory("alice");
        String subscribe = "{\"type\":\"subscribe\",\"executionId\":\"" + run.executionId() + "\"}";

        // ~10 MB of history: more than the stalled client's socket buffers hold
        try (JdkSocket reading = JdkSocket.connect(port, alice); var stalled = new SilentSocket(port, alice, 4096)) {
            stalled.send(subscribe);
            reading.send(subscribe);

            await().atMost(Duration.ofSeconds(60))
                .until(() -> reading.received().size() == run.events().size() || !reading.isOpen());
            List<Long> seqs = reading.received().stream().map(message -> message.get("seq").longValue()).toList();
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 602).boxed().toList());
            assertThat(reading.isOpen()).isTrue();

            // the stalled client reads only once the gateway has given up on it
            await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.get("agentnexus.websocket.slow.closes").counter().count() == 1);
            SilentSocket.Ending ending = stalled.awaitClose();
            assertThat(ending.closeCode()).as("ending %s", ending).isEqualTo(1013);
            assertThat(ending.reason()).isEqualTo("too slow; reconnect and resume with fromSeq");
            assertThat(ending.texts()).isLessThan(run.events().size());
            reading.roundTrip();
        }
    }

}
