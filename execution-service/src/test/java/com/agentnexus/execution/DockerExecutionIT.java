package com.agentnexus.execution;

import static com.agentnexus.events.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.LogStream;
import com.agentnexus.events.ResourcesSampled;
import com.agentnexus.execution.EventsOnKafka.Received;
import com.agentnexus.execution.runner.docker.RequiredEngine;
import com.agentnexus.support.PrometheusScrape;
import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with {@code agentnexus.runner.mode=docker}: the demo agents run unchanged
 * in the busybox image.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agentnexus.runner.mode=docker")
@AutoConfigureWebTestClient
class DockerExecutionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        DockerEngineProperty.register(registry);
    }

    @BeforeAll
    static void engineAnswers() {
        docker = RequiredEngine.client();
    }

    @AfterAll
    static void closeClient() throws IOException {
        if (docker != null) {
            docker.close();
        }
    }

    @Autowired
    private WebTestClient client;

    private static DockerClient docker;

    private final EventsOnKafka kafka = new EventsOnKafka();

    @BeforeEach
    void longerTimeouts() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void demoWorkerCompletesInAContainerWithEveryEventInSeqOrder() {
        long started = System.nanoTime();
        String id = start(Tokens.forUser("alice"), "{\"agentId\":\"demo-worker\",\"input\":{\"prompt\":\"hello\"}}");

        List<ExecutionEvent> events = kafka.untilTerminal(id, Duration.ofSeconds(60))
            .stream()
            .map(Received::event)
            .collect(Collectors.toList());
        System.out.printf("docker runner end to end: demo-worker took %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        int n = events.size();
        assertThat(events).isCompleteRun().endsWith(ExecutionStatus.COMPLETED);
        List<LogLineEmitted> lines = events.stream()
            .filter(LogLineEmitted.class::isInstance)
            .map(LogLineEmitted.class::cast)
            .collect(Collectors.toList());
        assertThat(lines)
            .anyMatch(line -> line.line().equals("demo-worker: starting execution " + id + " of agent demo-worker"));
        assertThat(lines).anyMatch(line -> line.line().equals("demo-worker: received 18 bytes of input"));
        assertThat(lines).anyMatch(line -> line.stream() == LogStream.STDERR);
        // the image is local
        assertThat(lines).noneMatch(line -> line.stream() == LogStream.SYSTEM);
        assertThat(events).filteredOn(ResourcesSampled.class::isInstance)
            .isNotEmpty()
            .allSatisfy(sample -> assertThat(((ResourcesSampled) sample).memoryBytes()).isPositive());

        var terminal = (ExecutionStatusChanged) events.get(n - 1);
        assertThat(terminal.exitCode()).isZero();
        JsonNode output = JSON.readTree(terminal.outputJson());
        assertThat(output.get("result").asString()).isEqualTo("ok");
        assertThat(output.get("memoryBytes").asLong()).isEqualTo(4L * 1024 * 1024);
        assertThat(containersOf(id)).isEmpty();
    }

    @Test
    void demoFailingEndsFailedWithItsExitCode() {
        String id = start(Tokens.forUser("bob"), "{\"agentId\":\"demo-failing\"}");

        List<ExecutionEvent> events = kafka.untilTerminal(id, Duration.ofSeconds(30))
            .stream()
            .map(Received::event)
            .collect(Collectors.toList());

        var terminal = (ExecutionStatusChanged) events.get(events.size() - 1);
        assertThat(terminal.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(terminal.exitCode()).isEqualTo(3);
        assertThat(events).filteredOn(LogLineEmitted.class::isInstance)
            .anyMatch(line -> ((LogLineEmitted) line).line().equals("error: required model file is missing"));
        assertThat(containersOf(id)).isEmpty();
    }

    @Test
    void demoSlowIsKilledAtItsTimeoutAndItsContainerRemoved() {
        String id = start(Tokens.forUser("carol"), "{\"agentId\":\"demo-slow\"}");

        List<ExecutionEvent> events = kafka.untilTerminal(id, Duration.ofSeconds(30))
            .stream()
            .map(Received::event)
            .collect(Collectors.toList());

        var terminal = (ExecutionStatusChanged) events.get(events.size() - 1);
        assertThat(terminal.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(terminal.exitCode()).isEqualTo(137);
        assertThat(events).isCompleteRun();
        assertThat(events).filteredOn(LogLineEmitted.class::isInstance)
            .anyMatch(line -> ((LogLineEmitted) line).line().equals("demo-slow: tick 1/30"));
        assertThat(containersOf(id)).isEmpty();
    }

    @Test
    void reportsTheEngineHealthyInHealthAndMetrics() {
        client.get()
            .uri("/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.components.docker.status")
            .isEqualTo("UP")
            .jsonPath("$.components.docker.details.host")
            .isNotEmpty();
        client.get()
            .uri("/metrics")
            .accept(MediaType.TEXT_PLAIN)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(text -> assertThat(PrometheusScrape.of(text).value("agentnexus_docker_healthy")).isEqualTo(1.0));
    }

    private List<?> containersOf(String executionId) {
        return docker.listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of("com.agentnexus.execution", executionId))
            .exec();
    }

    private String start(String token, String body) {
        JsonNode json = client.post()
            .uri("/api/executions")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
        return json.get("executionId").asString();
    }

}
