package com.agentnexus.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.support.Hs256Tokens;
import com.agentnexus.support.PrometheusScrape;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * PostgreSQL stops while events keep coming: readiness turns 503, the revenue API answers
 * 503 problems, nothing is applied and nothing is skipped; when PostgreSQL is back on the
 * same data, every event is applied exactly once.
 */
@EmbeddedKafka(partitions = 3,
        topics = { "agentnexus.execution.logs", "agentnexus.execution.status", "agentnexus.execution.resources" },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.consumer.group-id=postgres-outage-it",
                "agentnexus.aggregator.retry-backoff=500ms" })
// a 2-core CI runner under the whole suite may take seconds to answer; timing is not what
// these tests check
@AutoConfigureWebTestClient(timeout = "PT60S")
class LedgerPostgresOutageIT {

    private static final BigInteger PRICE = new BigInteger("1000000000000000000000001");

    private static Path dataDir;

    private static int port;

    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("ledger-outage-pg");
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        startPostgres();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + port + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    private static void startPostgres() {
        try {
            postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopPostgres() {
        try {
            postgres.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void cleanUp() {
        stopPostgres();
    }

    @Autowired
    private WebTestClient web;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Test
    void appliesEveryEventOnceWhenPostgresComesBack() {
        List<ExecutionEvent> before = runs(200);
        EventTopics.publish(broker.getBrokersAsString(), before);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(executionsTotal()).isEqualTo(200));

        stopPostgres();
        web.get()
            .uri("/health/ready")
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectBody()
            .jsonPath("$.components.db.status")
            .isEqualTo("DOWN");
        web.get()
            .uri("/api/revenue")
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .exists("Retry-After");

        List<ExecutionEvent> during = runs(300);
        EventTopics.publish(broker.getBrokersAsString(), during);
        // every earlier run delivered again too: nothing may count twice
        EventTopics.publish(broker.getBrokersAsString(), before);
        // the consumer has read past the stored positions at least once and fallen back:
        // lag is visible
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lag()).isPositive());
        assertThat(executionsTotal()).isEqualTo(200);

        startPostgres();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(executionsTotal()).isEqualTo(500);
            assertThat(lag()).isZero();
        });
        web.get().uri("/health/ready").exchange().expectStatus().isOk();
        web.get()
            .uri("/api/revenue/outage-agent")
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.revenueWei")
            .isEqualTo(PRICE.multiply(BigInteger.valueOf(500)).toString())
            .jsonPath("$.executions")
            .isEqualTo(500);
        assertThat(sum("agentnexus_aggregator_duplicate_events_total")).isEqualTo(600);
        assertThat(sum("agentnexus_agent_running_executions")).isZero();
    }

    private static List<ExecutionEvent> runs(int count) {
        List<ExecutionEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var run = ExecutionFixture.anExecution().ofAgent("outage-agent", "Outage agent", PRICE.toString());
            run.pending();
            run.running();
            run.resources(1 << 20, 5.0);
            run.completed("{}");
            events.addAll(run.events());
        }
        return events;
    }

    private double executionsTotal() {
        return sum("agentnexus_executions_total");
    }

    private double lag() {
        return sum("agentnexus_aggregator_consumer_lag_records");
    }

    private double sum(String name) {
        String scrape = web.get()
            .uri("/metrics")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(scrape).isNotNull();
        return PrometheusScrape.of(scrape).sum(name);
    }

    private static String adminToken() {
        return Hs256Tokens.sign(Hs256Tokens.DEV_SECRET, "ops", List.of("admin"), Instant.now().plusSeconds(300));
    }

}
