package com.agentnexus.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.Topics;
import com.agentnexus.support.ExpositionSample;
import com.agentnexus.support.PrometheusScrape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole aggregator on a real broker: events published as the execution-service
 * publishes them end up on {@code /metrics}; a garbage record is counted and skipped
 * without stopping the partition.
 */
// @EmbeddedKafka starts spring-kafka-test's EmbeddedKafkaKraftBroker (a real KRaft
// broker) for this context
@EmbeddedKafka(partitions = 3,
        topics = { "agentnexus.execution.logs", "agentnexus.execution.status", "agentnexus.execution.resources" },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a 2-core CI runner under the whole suite may take seconds to answer; timing is not what
// these tests check
@AutoConfigureWebTestClient(timeout = "PT60S")
class MetricsAggregatorIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    private WebTestClient web;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Test
    void servesAFinishedExecutionUnderItsAgentAndCountsAGarbageRecordOnce() {
        var run = ExecutionFixture.anExecution().ofAgent("it-worker", "IT worker", "1000000000000000000");
        run.pending();
        run.running();
        run.stdout("hello");
        run.resources(64L << 20, 12.5);
        run.stderr("world");
        run.completed("{\"ok\":true}");

        try (var topics = EventTopics.on(broker.getBrokersAsString())) {
            topics.send(run.events()).sendRaw(Topics.DEFAULTS.status(), "garbage", "this is not an event");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = scrape();
            assertThat(sample(metrics, "agentnexus_executions_total",
                    Map.of("agent_id", "it-worker", "agent_name", "IT worker")))
                .isEqualTo(1.0);
            for (String status : new String[] { "PENDING", "RUNNING", "COMPLETED" }) {
                assertThat(sample(metrics, "agentnexus_execution_status_total",
                        Map.of("agent_id", "it-worker", "status", status)))
                    .as(status)
                    .isEqualTo(1.0);
            }
            assertThat(sample(metrics, "agentnexus_execution_duration_seconds_count",
                    Map.of("agent_id", "it-worker", "status", "COMPLETED")))
                .isEqualTo(1.0);
            assertThat(sample(metrics, "agentnexus_aggregator_rejected_events_total",
                    Map.of("topic", Topics.DEFAULTS.status())))
                .isEqualTo(1.0);
        });
    }

    @Test
    void servesTheLedgerMetersAsJsonWithTheirValues() {
        var run = ExecutionFixture.anExecution().ofAgent("json-agent", "JSON agent", "7");
        EventTopics.publish(broker.getBrokersAsString(), List.of(run.pending(), run.running(), run.completed("{}")));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> web.get()
                .uri("/metrics/json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.application")
                .isEqualTo("metrics-aggregator")
                .jsonPath("$.meters[?(@.name == 'agentnexus_executions_total')].type")
                .isEqualTo("counter")
                .jsonPath("$.meters[?(@.name == 'agentnexus_executions_total')].samples[?(@.labels.agent_id == "
                        + "'json-agent')].value")
                .isEqualTo(1.0)
                .jsonPath("$.meters[?(@.name == 'agentnexus_execution_duration_seconds')].samples[?(@.labels"
                        + ".agent_id == 'json-agent')].count")
                .isEqualTo(1)
                .jsonPath("$.meters[?(@.name == 'agentnexus_agent_revenue_wei_total')].samples[?(@.labels"
                        + ".agent_id == 'json-agent')].value")
                .isEqualTo(7.0)
                .jsonPath("$.meters[?(@.name == 'agentnexus_agent_running_executions')].samples[?(@.labels"
                        + ".agent_id == 'json-agent')].value")
                .isEqualTo(0.0));
    }

    @Test
    void servesLivenessWithUptimeAndIsReadyWhileTheBrokerAnswers() {
        web.get()
            .uri("/health/ready")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP")
            .jsonPath("$.components.kafka.status")
            .isEqualTo("UP")
            .jsonPath("$.components.db.status")
            .isEqualTo("UP")
            .jsonPath("$.components.lag.details.threshold")
            .isEqualTo(10000)
            .jsonPath("$.components.heap.details.threshold")
            .isEqualTo(0.9);
        web.get()
            .uri("/health/live")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.components.uptime.details.uptimeSeconds")
            .isNumber();
        web.get()
            .uri("/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.components.uptime.status")
            .isEqualTo("UP");
    }

    @Test
    void everyAgentnexusAndJvmSampleCarriesTheApplicationLabel() {
        // the ledger's own collector writes agentnexus_* series beside Micrometer's: both
        // must carry the label
        var run = ExecutionFixture.anExecution().ofAgent("label-agent", "Label agent", "1");
        EventTopics.publish(broker.getBrokersAsString(), List.of(run.pending(), run.running(), run.completed("{}")));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(PrometheusScrape.of(scrape())
                .samples("agentnexus_executions_total", Map.of("agent_id", "label-agent"))).isNotEmpty());

        List<ExpositionSample> samples = PrometheusScrape.of(scrape())
            .samples()
            .stream()
            .filter(s -> s.name().startsWith("agentnexus_") || s.name().startsWith("jvm_"))
            .toList();

        assertThat(samples).anyMatch(s -> s.name().startsWith("agentnexus_"))
            .anyMatch(s -> s.name().startsWith("jvm_"))
            .allSatisfy(s -> assertThat(s.labels()).as(s.name()).containsEntry("application", "metrics-aggregator"));
    }

    private String scrape() {
        String body = web.get()
            .uri("/metrics")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(body).isNotNull();
        return body;
    }

    /**
     * The value of the one sample of {@code name} whose labels include {@code labels}, or
     * null if none.
     */
    private static Double sample(String scrape, String name, Map<String, String> labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        Double found = null;
        while (line.find()) {
            String labelText = line.group(1);
            boolean matches = labels.entrySet()
                .stream()
                .allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (matches) {
                assertThat(found).as("one %s sample with %s", name, labels).isNull();
                found = Double.valueOf(line.group(2));
            }
        }
        return found;
    }

}
