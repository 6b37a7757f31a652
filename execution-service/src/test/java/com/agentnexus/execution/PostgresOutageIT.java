package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.execution.EventsOnKafka.Received;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stops while two executions run and a third waits for a slot; one completes
 * and one times out during the outage, so their terminal statuses reach Kafka but not
 * their rows, and the waiting one takes the freed slot but cannot record its start, so it
 * ends FAILED without running. Once PostgreSQL is back — without a restart of the service
 * — each row must take the state its terminal event carries, and readiness must have said
 * 503 for as long as it was away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "agentnexus.runner.mode=process", "agentnexus.execution.max-running=2",
                "agentnexus.execution.end-retry-max-backoff=1s" })
@AutoConfigureWebTestClient
class PostgresOutageIT {

    private static final RestartablePostgres POSTGRES = RestartablePostgres.start();

    private static final String OWNER = Tokens.forUser("outage-owner");

    private static final String SLEEPER = "pg-outage-sleeper";

    private static final String GATED = "pg-outage-gated";

    /**
     * The gated agent runs until this file exists, so it ends exactly when the test lets
     * it: during the outage.
     */
    private static final Path GATE = gate();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.stop();
    }

    @Autowired
    private WebTestClient client;

    @Autowired
    private MeterRegistry registry;

    @Test
    void rowsTakeTheTerminalStatusOnKafkaOncePostgresIsBackAndReadinessIsDownMeanwhile() throws IOException {
        var api = new Api(client);
        // 12 s: far longer than stopping PostgreSQL takes, so the timeout fires during
        // the outage.
        api.addSleeper(SLEEPER, 12_000);
        addGatedAgent();
        String timedOut = api.start(OWNER, SLEEPER);
        String completed = api.start(OWNER, GATED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.status(OWNER, timedOut)).isEqualTo("RUNNING");
            assertThat(api.status(OWNER, completed)).isEqualTo("RUNNING");
        });
        String queued = api.start(OWNER, GATED);
        assertThat(api.status(OWNER, queued)).isEqualTo("PENDING");

        POSTGRES.stop();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> readiness(503, "DOWN"));
        Files.createFile(GATE);
        ExecutionStatusChanged completedEnd = terminalOnKafka(completed);
        ExecutionStatusChanged timedOutEnd = terminalOnKafka(timedOut);
        ExecutionStatusChanged queuedEnd = terminalOnKafka(queued);
        assertThat(completedEnd.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(completedEnd.outputJson()).isEqualTo("{\"released\":true}");
        assertThat(timedOutEnd.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(queuedEnd.status()).isEqualTo(ExecutionStatus.FAILED);
        readiness(503, "DOWN");

        POSTGRES.restart();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> readiness(200, "UP"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertRowAgrees(api.view(OWNER, completed), completedEnd);
            assertRowAgrees(api.view(OWNER, timedOut), timedOutEnd);
            assertRowAgrees(api.view(OWNER, queued), queuedEnd);
        });
        // It never ran: its start could not be recorded (ExecutionLifecycle), and its end
        // says why.
        assertThat(queuedEnd.error()).isEqualTo("could not record the start in the database");
        for (String status : List.of("RUNNING", "PENDING")) {
            api.get(OWNER, "/api/executions?status=" + status)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        }
        assertThat(registry.get("agentnexus.executions.unrecorded.ends").gauge().value()).isZero();
    }

    private static void assertRowAgrees(JsonNode row, ExecutionStatusChanged end) {
        assertThat(row.get("status").asString()).isEqualTo(end.status().name());
        assertThat(row.get("lastSeq").asLong()).isEqualTo(end.seq());
        assertThat(row.get("durationMs").asLong()).isEqualTo(end.durationMs());
        if (end.status() == ExecutionStatus.COMPLETED) {
            assertThat(row.get("exitCode").asInt()).isZero();
            assertThat(row.get("output").toString()).isEqualTo(end.outputJson());
        }
        else {
            assertThat(row.get("error").asString()).isEqualTo(end.error());
        }
    }

    private static ExecutionStatusChanged terminalOnKafka(String id) {
        List<Received> received = new EventsOnKafka().untilTerminal(id, Duration.ofSeconds(60));
        return (ExecutionStatusChanged) received.get(received.size() - 1).event();
    }

    private void readiness(int status, String health) {
        client.get()
            .uri("/health/ready")
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectBody()
            .jsonPath("$.components.r2dbc.status")
            .isEqualTo(health);
    }

    private void addGatedAgent() {
        String script = "while [ ! -e " + GATE + " ]; do echo waiting; sleep 0.2; done; echo '{\\\"released\\\":true}'";
        String body = "{\"id\":\"" + GATED + "\",\"name\":\"Gated\",\"priceWei\":\"5\",\"timeoutMs\":120000,"
                + "\"script\":\"" + script + "\"}";
        client.post()
            .uri("/api/agents")
            .headers(h -> h.setBearerAuth(Tokens.forUser("root", "admin")))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated();
    }

    private static Path gate() {
        try {
            return Files.createTempDirectory("agentnexus-gate-").resolve("released");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
