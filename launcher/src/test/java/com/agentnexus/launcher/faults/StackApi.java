package com.agentnexus.launcher.faults;

import com.agentnexus.launcher.StackHandle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST calls the scenarios make: agents and executions on the execution service,
 * revenue on the aggregator.
 */
final class StackApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String executionUrl;

    private final String aggregatorUrl;

    private final String adminToken;

    StackApi(String executionUrl, String aggregatorUrl, String adminToken) {
        this.executionUrl = executionUrl;
        this.aggregatorUrl = aggregatorUrl;
        this.adminToken = adminToken;
    }

    static StackApi of(StackHandle stack) {
        return new StackApi(stack.executionUrl(), stack.aggregatorUrl(), stack.token("fault-admin", true));
    }

    /**
     * The same calls against another execution service instance (the Docker-runner one).
     */
    StackApi withExecutionUrl(String url) {
        return new StackApi(url, aggregatorUrl, adminToken);
    }

    /** Registers an agent (201), or accepts that it exists (409). */
    void createAgent(String id, String script, String priceWei, Duration timeout, @Nullable String image)
            throws IOException, InterruptedException {
        ObjectNode agent = JSON.createObjectNode()
            .put("id", id)
            .put("name", "Fault " + id)
            .put("priceWei", priceWei)
            .put("script", script)
            .put("timeoutMs", timeout.toMillis());
        if (image != null) {
            agent.put("image", image);
        }
        HttpResponse<String> answer = send(post(executionUrl + "/api/agents", adminToken, agent.toString()));
        if (answer.statusCode() != 201 && answer.statusCode() != 409) {
            throw new IllegalStateException("creating agent " + id + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /** Starts an execution of the agent for the user; returns its id. */
    String start(String userToken, String agentId) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(post(executionUrl + "/api/executions", userToken,
                "{\"agentId\":\"" + agentId + "\",\"input\":{\"fault\":true}}"));
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("starting " + agentId + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).path("executionId").asString();
    }

    /**
     * The execution's row as {@code GET /api/executions/{id}} shows it; null while the
     * service cannot answer.
     */
    @Nullable JsonNode execution(String id) {
        return jsonOrNull(get(executionUrl + "/api/executions/" + id, adminToken));
    }

    /**
     * The aggregator's exact revenue of one agent; null before its first revenue event or
     * while it cannot say.
     */
    @Nullable JsonNode revenue(String agentId) {
        return jsonOrNull(get(aggregatorUrl + "/api/revenue/" + agentId, adminToken));
    }

    private static @Nullable JsonNode jsonOrNull(HttpRequest request) {
        try {
            HttpResponse<String> answer = send(request);
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
        }
        catch (IOException e) {
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** 200 from {@code /health/ready} of the service at {@code baseUrl}. */
    static boolean ready(String baseUrl) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                .timeout(Duration.ofSeconds(3))
                .build()).statusCode() == 200;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
