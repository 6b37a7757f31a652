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
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ExecutionServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @Autowired
    private WebTestClient client;

    private final EventsOnKafka kafka = new EventsOnKafka();

    @BeforeEach
    void longerTimeouts() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void demoWorkerPublishesEveryEventInSeqOrderAndCompletesWithItsOutput() {
        String alice = Tokens.forUser("alice");
        String id = start(alice, "{\"agentId\":\"demo-worker\",\"input\":{\"prompt\":\"hello\"}}");

        List<Received> received = kafka.untilTerminal(id, Duration.ofSeconds(30));
        List<ExecutionEvent> events = received.stream().map(Received::event).collect(Collectors.toList());

        int n = events.size();
        assertThat(events).isCompleteRun().endsWith(ExecutionStatus.COMPLETED);
        assertThat(statusOf(events.get(0))).isEqualTo(ExecutionStatus.PENDING);
        assertThat(statusOf(events.get(1))).isEqualTo(ExecutionStatus.RUNNING);
        List<LogLineEmitted> lines = events.stream()
            .filter(LogLineEmitted.class::isInstance)
            .map(LogLineEmitted.class::cast)
            .collect(Collectors.toList());
        assertThat(lines).hasSizeGreaterThanOrEqualTo(15);
        assertThat(lines).anyMatch(line -> line.stream() == LogStream.STDERR);
        assertThat(lines).anyMatch(line -> line.line().startsWith("step 20/20"));
        assertThat(events).filteredOn(ResourcesSampled.class::isInstance)
            .isNotEmpty()
            .allSatisfy(sample -> assertThat(((ResourcesSampled) sample).memoryBytes()).isPositive());

        var terminal = (ExecutionStatusChanged) events.get(n - 1);
        assertThat(terminal.priceWei()).isEqualTo(new BigInteger("1000000000000000000"));
        assertThat(terminal.exitCode()).isZero();
        JsonNode output = JSON.readTree(terminal.outputJson());
        assertThat(output.get("result").asString()).isEqualTo("ok");
        assertThat(output.get("inputBytes").asInt()).isEqualTo("{\"prompt\":\"hello\"}".length());
        assertThat(events).allSatisfy(event -> assertThat(event.userId().value()).isEqualTo("alice"));

        assertBrokerOrderFollowsSeq(received);

        JsonNode row = view(id, alice);
        assertThat(row.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(row.get("lastSeq").asLong()).isEqualTo(n);
        assertThat(row.get("output").get("result").asString()).isEqualTo("ok");
        assertThat(row.get("peakMemoryBytes").asLong()).isPositive();
        assertThat(row.get("priceWei").asString()).isEqualTo("1000000000000000000");
    }

    @Test
    void demoFailingEndsFailedWithItsExitCode() {
        String id = start(Tokens.forUser("bob"), "{\"agentId\":\"demo-failing\"}");

        List<ExecutionEvent> events = kafka.untilTerminal(id, Duration.ofSeconds(20))
            .stream()
            .map(Received::event)
            .collect(Collectors.toList());

        var terminal = (ExecutionStatusChanged) events.get(events.size() - 1);
        assertThat(terminal.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(terminal.exitCode()).isEqualTo(3);
        assertThat(terminal.error()).isEqualTo("exited with code 3");
        assertThat(terminal.priceWei()).isNull();
        assertThat(events).isCompleteRun();
        assertThat(events).filteredOn(LogLineEmitted.class::isInstance)
            .anyMatch(line -> ((LogLineEmitted) line).line().contains("required model file is missing"));
        assertThat(view(id, Tokens.forUser("bob")).get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void demoSlowIsKilledAtItsTimeout() {
        long started = System.nanoTime();
        String id = start(Tokens.forUser("carol"), "{\"agentId\":\"demo-slow\"}");

        List<ExecutionEvent> events = kafka.untilTerminal(id, Duration.ofSeconds(15))
            .stream()
            .map(Received::event)
            .collect(Collectors.toList());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        var terminal = (ExecutionStatusChanged) events.get(events.size() - 1);
        assertThat(terminal.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(terminal.error()).contains("timed out after 5 s");
        assertThat(terminal.durationMs()).isBetween(5_000L, 8_000L);
        assertThat(took).isLessThan(Duration.ofSeconds(9));
        assertThat(events).filteredOn(LogLineEmitted.class::isInstance).hasSizeBetween(4, 8);
    }

    @Test
    void onlyTheOwnerOrAnAdminSeesAnExecution() {
        String id = start(Tokens.forUser("dave"), "{\"agentId\":\"demo-failing\"}");

        client.get()
            .uri("/api/executions/{id}", id)
            .headers(h -> h.setBearerAuth(Tokens.forUser("eve")))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(view(id, Tokens.forUser("root", "admin")).get("userId").asString()).isEqualTo("dave");
        client.get()
            .uri("/api/executions/{id}", "not-a-uuid")
            .headers(h -> h.setBearerAuth(Tokens.forUser("dave")))
            .exchange()
            .expectStatus()
            .isNotFound();
    }

    @Test
    void unknownAgentIsNotFoundAsProblemDetails() {
        post(Tokens.forUser("alice"), "{\"agentId\":\"no-such-agent\"}").expectStatus()
            .isNotFound()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(404)
            .jsonPath("$.detail")
            .isEqualTo("No agent with id 'no-such-agent'.")
            .jsonPath("$.trace")
            .doesNotExist();
    }

    @Test
    void malformedBodiesAreBadRequestsAsProblemDetails() {
        for (String body : List.of("{\"agentId\":", "{\"input\":{}}", "{\"agentId\":\"demo-worker\",\"input\":[1]}",
                "{\"agentId\":\"demo-worker\",\"input\":\"text\"}")) {
            post(Tokens.forUser("alice"), body).expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.detail")
                .isNotEmpty();
        }
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        client.post()
            .uri("/api/executions")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"agentId\":\"demo-worker\"}")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(401);
        post(Tokens.signedWithAnotherSecret("alice"), "{\"agentId\":\"demo-worker\"}").expectStatus()
            .isUnauthorized()
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("The bearer token is invalid or expired.");
        client.get()
            .uri("/api/agents")
            .headers(h -> h.setBearerAuth("not.a.jwt"))
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void listsTheDemoAgentsWithPricesAsDecimalStrings() {
        client.get()
            .uri("/api/agents")
            .headers(h -> h.setBearerAuth(Tokens.forUser("alice")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$[*].id")
            .isEqualTo(List.of("demo-failing", "demo-slow", "demo-worker"))
            .jsonPath("$[2].priceWei")
            .isEqualTo("1000000000000000000")
            .jsonPath("$[1].timeoutMs")
            .isEqualTo(5000)
            .jsonPath("$[0].script")
            .doesNotExist();
    }

    @Test
    void healthAndMetricsArePublic() {
        // DEGRADED (still 200) when no Docker engine answers: the docker check is not
        // critical.
        client.get()
            .uri("/health/ready")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .value(status -> assertThat(status).isIn("UP", "DEGRADED"))
            .jsonPath("$.components.r2dbc.status")
            .isEqualTo("UP")
            .jsonPath("$.components.kafka.status")
            .isEqualTo("UP");
        client.get().uri("/health/live").exchange().expectStatus().isOk();
        client.get()
            .uri("/metrics")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(text -> assertThat(text).contains("jvm_memory_used_bytes"));
        client.get().uri("/metrics/json").exchange().expectStatus().isOk();
    }

    private String start(String token, String body) {
        var result = post(token, body).expectStatus().isAccepted().expectBody(JsonNode.class).returnResult();
        JsonNode json = result.getResponseBody();
        assertThat(json.get("status").asString()).isEqualTo("PENDING");
        String id = json.get("executionId").asString();
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/executions/" + id);
        return id;
    }

    private WebTestClient.ResponseSpec post(String token, String body) {
        return client.post()
            .uri("/api/executions")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    private JsonNode view(String id, String token) {
        return client.get()
            .uri("/api/executions/{id}", id)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    }

    private static ExecutionStatus statusOf(ExecutionEvent event) {
        assertThat(event).isInstanceOf(ExecutionStatusChanged.class);
        return ((ExecutionStatusChanged) event).status();
    }

    /**
     * Same partition index on every topic; within a topic, offsets rise with seq; record
     * time = event time.
     */
    private static void assertBrokerOrderFollowsSeq(List<Received> received) {
        assertThat(received).extracting(Received::partition).containsOnly(received.get(0).partition());
        assertThat(received).allSatisfy(r -> assertThat(r.timestamp()).isEqualTo(r.event().timestamp()));
        Map<String, List<Received>> byTopic = received.stream().collect(Collectors.groupingBy(Received::topic));
        byTopic.values().forEach(inTopic -> assertThat(inTopic).extracting(Received::offset).isSorted());
    }

}
