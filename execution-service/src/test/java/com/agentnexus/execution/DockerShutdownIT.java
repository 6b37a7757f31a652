package com.agentnexus.execution;

import static com.agentnexus.events.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.execution.EventsOnKafka.Received;
import com.agentnexus.execution.runner.docker.RequiredEngine;
import com.fasterxml.uuid.Generators;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * No container outlives the service: one that runs when the service stops is killed and
 * removed (and its execution ends FAILED), and one a dead process left behind is removed
 * by restart recovery. Each test starts and closes a whole service itself, since closing
 * it is what is tested; the database is this class's own.
 */
class DockerShutdownIT {

    private static final String LABEL = "com.agentnexus.execution";

    private static final String IMAGE = "localhost/agentnexus-demo:1";

    private static final String LONG_AGENT = "long-runner";

    private static final DedicatedPostgres POSTGRES = DedicatedPostgres.start();

    private static DockerClient docker;

    private final EventsOnKafka kafka = new EventsOnKafka();

    @BeforeAll
    static void engineAndDatabase() throws SQLException {
        docker = RequiredEngine.client();
        Flyway.configure().dataSource(POSTGRES.dataSource()).load().migrate();
        sql("INSERT INTO agents (id, name, price_wei, timeout_ms, script) VALUES ('" + LONG_AGENT
                + "', 'Long runner', 0, 600000, 'echo \"long-runner: started\"; while true; do sleep 1; done')");
    }

    @AfterAll
    static void closeClient() throws IOException {
        if (docker != null) {
            docker.close();
        }
        POSTGRES.stop();
    }

    @Test
    void aRunningContainerIsKilledAndRemovedWhenTheServiceStops() throws SQLException {
        String id;
        try (ConfigurableApplicationContext service = startService(false)) {
            int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
            JsonNode started = client.post()
                .uri("/api/executions")
                .headers(h -> h.setBearerAuth(Tokens.forUser("dave")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"agentId\":\"" + LONG_AGENT + "\"}")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
            id = started.get("executionId").asString();
            kafka.readUntil(id, sofar -> sofar.stream()
                .anyMatch(r -> r.event() instanceof LogLineEmitted line && line.line().equals("long-runner: started")),
                    Duration.ofSeconds(60), new ArrayList<>());
            assertThat(containersOf(id)).hasSize(1);
        }

        assertThat(containersOf(id)).isEmpty();
        List<ExecutionEvent> events = kafka.untilTerminal(id, Duration.ofSeconds(30))
            .stream()
            .map(Received::event)
            .collect(Collectors.toList());
        assertThat(events).isCompleteRun().endsWith(ExecutionStatus.FAILED);
        var terminal = (ExecutionStatusChanged) events.get(events.size() - 1);
        assertThat(terminal.error()).isEqualTo("interrupted by shutdown");
        assertThat(rowStatus(id)).isEqualTo("FAILED");
    }

    @Test
    void restartRecoveryRemovesAContainerADeadProcessLeftBehind() throws SQLException {
        ExecutionId orphan = new ExecutionId(Generators.timeBasedEpochGenerator().generate());
        insertOrphan(orphan);
        String container = docker.createContainerCmd(IMAGE)
            .withCmd("sleep", "300")
            .withUser("1000:1000")
            .withLabels(Map.of(LABEL, orphan.toString()))
            .exec()
            .getId();
        docker.startContainerCmd(container).exec();
        assertThat(containersOf(orphan.toString())).singleElement()
            .satisfies(c -> assertThat(c.getState()).isEqualTo("running"));

        try (ConfigurableApplicationContext service = startService(true)) {
            // recovery runs before start-up completes
            assertThat(containersOf(orphan.toString())).isEmpty();
            List<Received> events = kafka.untilTerminal(orphan.toString(), Duration.ofSeconds(30));
            var terminal = (ExecutionStatusChanged) events.get(events.size() - 1).event();
            assertThat(terminal.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(terminal.error()).isEqualTo("interrupted");
            Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> "FAILED".equals(rowStatus(orphan.toString())));
        }
    }

    private static ConfigurableApplicationContext startService(boolean recoverOrphans) {
        Map<String, Object> props = new LinkedHashMap<>();
        POSTGRES.register((name, value) -> props.put(name, value.get()));
        props.put("server.port", 0);
        props.put("agentnexus.runner.mode", "docker");
        props.put("agentnexus.execution.recover-orphans", recoverOrphans);
        String host = System.getProperty("DOCKER_HOST", System.getenv("DOCKER_HOST"));
        if (host != null) {
            props.put("agentnexus.docker.host", host);
        }
        String[] args = props.entrySet()
            .stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
        return new SpringApplicationBuilder(ExecutionServiceApplication.class).run(args);
    }

    private static List<Container> containersOf(String executionId) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, executionId)).exec();
    }

    private static void insertOrphan(ExecutionId id) throws SQLException {
        try (Connection connection = POSTGRES.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO executions (id, agent_id, user_id, status, input, price_wei, created_at,
                            started_at, last_seq)
                        VALUES (?, 'demo-worker', 'erin', 'RUNNING', '{}'::jsonb, 0, ?, ?, 2)""")) {
            insert.setObject(1, id.value());
            insert.setTimestamp(2, Timestamp.from(id.createdAt()));
            insert.setTimestamp(3, Timestamp.from(id.createdAt()));
            insert.executeUpdate();
        }
    }

    private static String rowStatus(String id) throws SQLException {
        try (Connection connection = POSTGRES.dataSource().getConnection();
                PreparedStatement select = connection
                    .prepareStatement("SELECT status FROM executions WHERE id = ?::uuid")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = POSTGRES.dataSource().getConnection()) {
            connection.createStatement().execute(statement);
        }
    }

}
