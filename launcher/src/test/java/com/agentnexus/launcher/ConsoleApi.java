package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the browser tests check the page against, over the wire: the execution service's
 * REST API, the gateway's NDJSON history of an execution, and the launcher's supervisor
 * for killing the gateway.
 */
final class ConsoleApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "TIMED_OUT", "CANCELLED");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackHandle stack;

    ConsoleApi(StackHandle stack) {
        this.stack = stack;
    }

    String token(String user) {
        return stack.token(user, false);
    }

    /** Registers an agent as an admin (201). */
    void createAgent(String id, String name, String script, String priceWei, Duration timeout) throws Exception {
        ObjectNode agent = JSON.createObjectNode()
            .put("id", id)
            .put("name", name)
            .put("priceWei", priceWei)
            .put("script", script)
            .put("timeoutMs", timeout.toMillis());
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(stack.executionUrl() + "/api/agents"))
            .header("Authorization", "Bearer " + stack.token("console-admin", true))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(agent.toString())));
        assertThat(answer.statusCode()).as("POST /api/agents %s: %s", id, answer.body()).isEqualTo(201);
    }

    /** Starts an execution as the user; its id. */
    String start(String token, String agentId, String inputJson) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(stack.executionUrl() + "/api/executions"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers
                .ofString("{\"agentId\":\"" + agentId + "\",\"input\":" + inputJson + "}")));
        assertThat(answer.statusCode()).as("POST /api/executions %s: %s", agentId, answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).path("executionId").asString();
    }

    /** {@code GET /api/executions/{id}} as the user. */
    JsonNode execution(String token, String id) throws Exception {
        HttpResponse<String> answer = get(stack.executionUrl() + "/api/executions/" + id, token);
        assertThat(answer.statusCode()).as("GET /api/executions/%s: %s", id, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** The execution's row once it has ended (the row follows Kafka). */
    JsonNode awaitEnded(String token, String id, Duration timeout) {
        return await("execution " + id + " ended").atMost(timeout)
            .pollInterval(Duration.ofMillis(250))
            .until(() -> execution(token, id), row -> TERMINAL.contains(row.path("status").asString()));
    }

    /** The user's newest executions, as {@code GET /api/executions} lists them. */
    List<String> newestExecutionIds(String token, int size) throws Exception {
        HttpResponse<String> answer = get(stack.executionUrl() + "/api/executions?size=" + size, token);
        assertThat(answer.statusCode()).as("GET /api/executions: %s", answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        JsonNode items = body.isArray() ? body
                : body.path("items").isArray() ? body.path("items") : body.path("content");
        return items.valueStream().map(row -> row.path("executionId").asString()).toList();
    }

    /** How many executions the user has, as {@code GET /api/executions} counts them. */
    long executionCount(String token) throws Exception {
        HttpResponse<String> answer = get(stack.executionUrl() + "/api/executions?size=1", token);
        assertThat(answer.statusCode()).as("GET /api/executions: %s", answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("totalItems").asLong();
    }

    /**
     * One event of the gateway's NDJSON history ({@code GET
     * /api/executions/{id}/events}).
     */
    record HistoryEvent(long seq, String type, String stream, String line, JsonNode data) {

        boolean isLog() {
            return type.equals("log");
        }

    }

    /**
     * The execution's whole history from the gateway, one JSON object a line, in seq
     * order.
     */
    List<HistoryEvent> history(String token, String id) throws Exception {
        HttpResponse<String> answer = get(stack.gatewayUrl() + "/api/executions/" + id + "/events", token);
        assertThat(answer.statusCode()).as("GET gateway /api/executions/%s/events: %s", id, answer.body())
            .isEqualTo(200);
        return answer.body().lines().filter(line -> !line.isBlank()).map(ConsoleApi::historyEvent).toList();
    }

    private static HistoryEvent historyEvent(String line) {
        JsonNode event = JSON.readTree(line);
        // the WebSocket message's shape (type, seq, data{log, stream}) or the Kafka
        // event's
        // (type, seq, stream, line)
        JsonNode data = event.has("data") ? event.path("data") : event;
        String log = data.has("log") ? data.path("log").asString() : data.path("line").asString(null);
        return new HistoryEvent(event.path("seq").asLong(), event.path("type").asString(),
                data.path("stream").asString(null), log, data);
    }

    /** Waits for the launcher's restart of the gateway after {@link #killGateway}. */
    void awaitGatewayRestarted(int restartsBefore, Duration within) {
        await("the launcher restarted the gateway (" + String.join("; ", stack.supervision(StackHandle.STREAM_GATEWAY))
                + ")")
            .atMost(within)
            .pollInterval(Duration.ofMillis(250))
            .until(() -> stack.restarts(StackHandle.STREAM_GATEWAY) > restartsBefore && ready(stack.gatewayUrl()));
    }

    int gatewayRestarts() {
        return stack.restarts(StackHandle.STREAM_GATEWAY);
    }

    /** SIGKILL of the gateway's running process; returns once it is gone. */
    void killGateway() {
        long pid = stack.pid(StackHandle.STREAM_GATEWAY).orElseThrow();
        ProcessHandle gateway = ProcessHandle.of(pid).orElseThrow();
        gateway.destroyForcibly();
        gateway.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** {@code GET} of the page itself: the console is served at the gateway's root. */
    HttpResponse<String> consolePage() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/")).GET());
    }

    private static boolean ready(String baseUrl) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).timeout(Duration.ofSeconds(3)))
                .statusCode() == 200;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
