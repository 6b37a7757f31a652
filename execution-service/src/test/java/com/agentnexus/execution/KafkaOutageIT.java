package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.execution.EventsOnKafka.Received;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker is stopped (SIGTERM) in the middle of a run and restarted on the same port
 * and log directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class KafkaOutageIT extends KafkaOutageScenario {

    private static final String DATABASE = "outage_buffered";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        KafkaOutageSupport.register(registry, DATABASE);
    }

    @Override
    String database() {
        return DATABASE;
    }

    @Test
    void eventsBufferedDuringAnOutageFlowInSeqOrderWhenTheBrokerReturns() {
        String id = new Api(client).start(Tokens.forUser("olga"), KafkaOutageSupport.TICKER);
        reader.readUntil(id, events -> KafkaOutageSupport.lines(events).size() >= 3, Duration.ofSeconds(30));

        outageUntil(() -> registry.get("agentnexus.publishing.buffered.events").gauge().value() >= 5);

        List<Received> received = reader.readUntilTerminal(id, Duration.ofSeconds(90));
        List<ExecutionEvent> events = KafkaOutageSupport.assertContiguousAndTerminatedOnce(received);
        var terminal = (ExecutionStatusChanged) events.get(events.size() - 1);
        assertThat(terminal.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(terminal.outputJson()).isEqualTo("{\"ticks\":" + KafkaOutageSupport.TICKS + "}");
        List<String> lines = KafkaOutageSupport.lines(events);
        assertThat(lines.subList(0, KafkaOutageSupport.TICKS))
            .containsExactlyElementsOf(IntStream.rangeClosed(1, KafkaOutageSupport.TICKS)
                .mapToObj(i -> "tick " + i)
                .collect(Collectors.toList()));
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> registry.get("agentnexus.publishing.buffered.events").gauge().value() == 0);
    }

}
