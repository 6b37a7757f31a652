package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An outage longer than a tiny buffer: the execution ends FAILED, saying so, and the
 * stream has no gap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "agentnexus.publishing.buffer-events=4", "agentnexus.publishing.outage-timeout=2s" })
@AutoConfigureWebTestClient
class KafkaOutageOverflowIT extends KafkaOutageScenario {

    private static final String DATABASE = "outage_overflow";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        KafkaOutageSupport.register(registry, DATABASE);
    }

    @Override
    String database() {
        return DATABASE;
    }

    @Test
    void anOutageOutlastingTheBufferEndsTheExecutionFailedWithTheReasonAndNoGap() {
        String id = new Api(client).start(Tokens.forUser("oscar"), KafkaOutageSupport.TICKER);
        reader.readUntil(id, events -> KafkaOutageSupport.lines(events).size() >= 2, Duration.ofSeconds(30));

        outageUntil(() -> registry.get("agentnexus.publishing.refused.events").functionCounter().count() > 0);

        List<ExecutionEvent> events = KafkaOutageSupport
            .assertContiguousAndTerminatedOnce(reader.readUntilTerminal(id, Duration.ofSeconds(90)));
        var terminal = (ExecutionStatusChanged) events.get(events.size() - 1);
        assertThat(terminal.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(terminal.error())
            .matches("event buffer overflowed during a Kafka outage; [1-9][0-9]* events were not published");
        assertThat(terminal.priceWei()).isNull();
        List<String> lines = KafkaOutageSupport.lines(events);
        assertThat(lines).as("what was published is the run's beginning, without a hole")
            .containsExactlyElementsOf(
                    IntStream.rangeClosed(1, lines.size()).mapToObj(i -> "tick " + i).collect(Collectors.toList()))
            .hasSizeLessThan(KafkaOutageSupport.TICKS);
    }

}
