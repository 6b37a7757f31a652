package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST calls the integration tests make, as a client would. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;

    Api(WebTestClient client) {
        this.client = client;
    }

    String start(String token, String agentId) {
        JsonNode json = post(token, "{\"agentId\":\"" + agentId + "\"}").expectStatus()
            .isAccepted()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
        assertThat(json.get("status").asString()).isEqualTo("PENDING");
        return json.get("executionId").asString();
    }

    WebTestClient.ResponseSpec post(String token, String body) {
        return client.post()
            .uri("/api/executions")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    WebTestClient.ResponseSpec cancel(String token, String id) {
        return client.post().uri("/api/executions/{id}/cancel", id).headers(h -> h.setBearerAuth(token)).exchange();
    }

    WebTestClient.ResponseSpec get(String token, String uri) {
        return client.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    JsonNode view(String token, String id) {
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

    /**
     * Adds (as an admin) an agent that ticks once a second for two minutes, killed at
     * {@code timeoutMs}: long enough that a test's steps never race its end.
     */
    void addSleeper(String agentId, long timeoutMs) {
        addAgent(agentId, "Sleeper", timeoutMs,
                "i=1; while [ $i -le 120 ]; do echo tick $i; sleep 1; i=$((i + 1)); done");
    }

    /** Adds an agent as an admin would (201), or finds it already there (409). */
    void addAgent(String agentId, String name, long timeoutMs, String script) {
        String body = JSON.writeValueAsString(
                Map.of("id", agentId, "name", name, "priceWei", "1", "timeoutMs", timeoutMs, "script", script));
        client.post()
            .uri("/api/agents")
            .headers(h -> h.setBearerAuth(Tokens.forUser("root", "admin")))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .value(status -> assertThat(status).isIn(201, 409));
    }

    String status(String token, String id) {
        return view(token, id).get("status").asString();
    }

}
