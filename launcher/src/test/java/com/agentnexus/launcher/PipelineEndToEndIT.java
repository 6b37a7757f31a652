package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.agentnexus.launcher.support.FreePorts;
import com.agentnexus.support.PrometheusScrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline, as README command 1 runs it: a real Kafka broker, a real PostgreSQL
 * and the three services as separate processes from their runnable jars. Cutting any
 * arrow of the design makes this test fail.
 */
class PipelineEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Path dataDir = Files.createTempDirectory("agentnexus-e2e");
        int[] ports = FreePorts.allocate(7);
        var config = new StackConfig(dataDir, AgentNexusLauncher.servicesDir(), ports[0], ports[1], ports[2], ports[3],
                ports[4], ports[5], StackConfig.DEV_JWT_SECRET);
        stack = Stack.start(config, System.getProperty("java.class.path"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void demoWorkerFlowsFromExecutionServiceThroughKafkaToSubscribersAndMetrics() throws Exception {
        String demo = TokenCommand.demoToken("demo", false);
        String wsUrl = stack.gatewayUrl().replace("http", "ws") + "/ws";

        HttpResponse<String> started = post("/api/executions", demo,
                "{\"agentId\":\"demo-worker\",\"input\":{\"task\":\"e2e\"}}");
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode accepted = WebSocketProbe.JSON.readTree(started.body());
        assertThat(accepted.path("status").asString()).isEqualTo("PENDING");
        String executionId = accepted.path("executionId").asString();

        List<JsonNode> live;
        try (var watcher = WebSocketProbe.connect(wsUrl, demo)) {
            watcher.subscribe(executionId);
            live = watcher.untilTerminal(Duration.ofSeconds(60));
        }
        assertCompleteRun(executionId, live);

        List<JsonNode> replayed;
        try (var late = WebSocketProbe.connect(wsUrl, demo)) {
            late.subscribe(executionId);
            replayed = late.untilTerminal(Duration.ofSeconds(30));
        }
        assertThat(replayed).as("a subscriber after completion gets the identical sequence").isEqualTo(live);

        try (var stranger = WebSocketProbe.connect(wsUrl, TokenCommand.demoToken("mallory", false))) {
            stranger.subscribe(executionId);
            List<JsonNode> answer = stranger.untilTerminal(Duration.ofSeconds(30));
            assertThat(answer).hasSize(1);
            assertThat(answer.get(0).path("type").asString()).isEqualTo("error");
            assertThat(answer.get(0).path("data").path("code").asString()).isEqualTo("NOT_FOUND");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var metrics = PrometheusScrape.of(get(stack.aggregatorUrl() + "/metrics").body());
            assertThat(metrics.value("agentnexus_executions_total",
                    Map.of("agent_id", "demo-worker", "agent_name", "Demo worker")))
                .isEqualTo(1.0);
            assertThat(metrics.value("agentnexus_execution_status_total",
                    Map.of("agent_id", "demo-worker", "status", "COMPLETED")))
                .isEqualTo(1.0);
            assertThat(metrics.value("agentnexus_execution_duration_seconds_count",
                    Map.of("agent_id", "demo-worker", "status", "COMPLETED")))
                .isEqualTo(1.0);
        });
    }

    @Test
    void handshakeWithoutValidTokenIsRefusedWith401() {
        String wsUrl = stack.gatewayUrl().replace("http", "ws") + "/ws";
        assertThat(handshakeStatus(HTTP.newWebSocketBuilder().header("Authorization", "Bearer not-a-token"), wsUrl))
            .isEqualTo(401);
        assertThat(handshakeStatus(HTTP.newWebSocketBuilder(), wsUrl)).isEqualTo(401);
    }

    private static int handshakeStatus(WebSocket.Builder builder, String url) {
        Throwable failure = catchThrowable(() -> builder.buildAsync(URI.create(url), new WebSocket.Listener() {
        }).join());
        assertThat(failure).isInstanceOf(CompletionException.class)
            .hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    private static void assertCompleteRun(String executionId, List<JsonNode> messages) throws Exception {
        assertThat(messages).allSatisfy(m -> assertThat(m.path("executionId").asString()).isEqualTo(executionId));
        long[] seqs = messages.stream().mapToLong(m -> m.path("seq").asLong()).toArray();
        assertThat(seqs).as("seq 1..n without gap or duplicate")
            .containsExactly(LongStream.rangeClosed(1, messages.size()).toArray());
        assertThat(statusOf(messages.get(0))).isEqualTo("PENDING");
        assertThat(statusOf(messages.get(1))).isEqualTo("RUNNING");
        JsonNode terminal = messages.get(messages.size() - 1);
        assertThat(statusOf(terminal)).isEqualTo("COMPLETED");
        assertThat(terminal.path("data").path("output").isObject()).isTrue();
        assertThat(terminal.path("data").path("eventCount").asLong()).isEqualTo(messages.size());

        List<JsonNode> logs = messages.stream().filter(m -> m.path("type").asString().equals("log")).toList();
        assertThat(logs).hasSizeGreaterThanOrEqualTo(15);
        assertThat(logs).anySatisfy(m -> assertThat(m.path("data").path("stream").asString()).isEqualTo("stderr"));
        assertThat(messages).anySatisfy(m -> assertThat(m.path("type").asString()).isEqualTo("metrics"));
        var digest = MessageDigest.getInstance("SHA-256");
        for (JsonNode log : logs) {
            digest.update((log.path("data").path("log").asString() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(terminal.path("data").path("logChecksum").asString())
            .as("the checksum proves every log line arrived")
            .isEqualTo("sha256:" + HexFormat.of().formatHex(digest.digest()));
    }

    private static String statusOf(JsonNode message) {
        assertThat(message.path("type").asString()).isEqualTo("status");
        return message.path("data").path("status").asString();
    }

    private static HttpResponse<String> post(String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.executionUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
