package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The REST API's listing, agents administration, OpenAPI document, and every error path
 * as problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
@DedicatedDatabase
class RestApiIT {

    @Autowired
    private WebTestClient client;

    private Api api;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        api = new Api(client);
    }

    @Test
    void listsOnlyTheCallersOwnExecutionsFilteredAndPaged() {
        String lister = Tokens.forUser("lister");
        String failing1 = api.start(lister, "demo-failing");
        String failing2 = api.start(lister, "demo-failing");
        String worker = api.start(lister, "demo-worker");
        api.start(Tokens.forUser("someone-else"), "demo-failing");
        await().atMost(Duration.ofSeconds(30))
            .until(() -> List.of(failing1, failing2, worker)
                .stream()
                .noneMatch(id -> List.of("PENDING", "RUNNING").contains(api.status(lister, id))));

        api.get(lister, "/api/executions")
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.totalItems")
            .isEqualTo(3)
            .jsonPath("$.page")
            .isEqualTo(0)
            .jsonPath("$.size")
            .isEqualTo(20)
            .jsonPath("$.items[*].userId")
            .isEqualTo(List.of("lister", "lister", "lister"))
            // newest first
            .jsonPath("$.items[0].executionId")
            .isEqualTo(worker);
        api.get(lister, "/api/executions?agentId=demo-failing&status=failed")
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.totalItems")
            .isEqualTo(2)
            .jsonPath("$.items[*].executionId")
            .isEqualTo(List.of(failing2, failing1));
        api.get(lister, "/api/executions?size=2&page=1")
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1)
            .jsonPath("$.items[0].executionId")
            .isEqualTo(failing1)
            .jsonPath("$.totalPages")
            .isEqualTo(2);
        api.get(lister, "/api/executions?status=COMPLETED&agentId=demo-failing")
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.totalItems")
            .isEqualTo(0);
        // an admin sees only their own unless asking for all
        api.get(Tokens.forUser("lister-admin", "admin"), "/api/executions")
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.totalItems")
            .isEqualTo(0);
        JsonNode all = api.get(Tokens.forUser("lister-admin", "admin"), "/api/executions?all=true&size=100")
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
        assertThat(all.get("totalItems").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void invalidListQueriesAreBadRequests() {
        String user = Tokens.forUser("lister");
        for (String query : List.of("status=DONE", "page=-1", "page=x", "size=0", "size=101", "size=abc", "agentId=",
                "all=maybe")) {
            problem(api.get(user, "/api/executions?" + query), 400);
        }
        problem(api.get(user, "/api/executions?all=true"), 403);
    }

    @Test
    void everyErrorPathAnswersProblemDetails() {
        String user = Tokens.forUser("errors");
        problem(client.get().uri("/api/executions").exchange(), 401).expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problem(client.post().uri("/api/executions/{id}/cancel", "0190f0a0-0000-7000-8000-000000000000").exchange(),
                401);
        problem(api.get(user, "/api/executions/0190f0a0-0000-7000-8000-000000000000"), 404);
        problem(api.get(user, "/api/executions/not-a-uuid"), 404);
        problem(api.post(user, "[1,2]"), 400);
        problem(api.post(user, "{\"agentId\":\"demo-worker\",\"input\":{\"big\":\"" + "x".repeat(70_000) + "\"}}"),
                413);
        problem(api.post(user, "{\"agentId\":\"no-such-agent\"}"), 404);
        // beyond the codec's in-memory limit too: the same problem type as the input-size
        // check
        api.post(user, "{\"agentId\":\"demo-worker\",\"input\":{\"big\":\"" + "x".repeat(1_000_000) + "\"}}")
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(413)
            .jsonPath("$.type")
            .isEqualTo("https://agentnexus.dev/problems/input-too-large");
        problem(client.delete().uri("/api/executions").headers(h -> h.setBearerAuth(user)).exchange(), 405);
        problem(client.post().uri("/api/agents/demo-worker").headers(h -> h.setBearerAuth(user)).exchange(), 404);
    }

    @Test
    void onlyAdminsAddAgentsAndEveryFieldIsValidated() {
        String admin = Tokens.forUser("root", "admin");
        String valid = "{\"id\":\"echo-agent\",\"name\":\"Echo\",\"priceWei\":\"123456789012345678901234567890\","
                + "\"timeoutMs\":60000,\"script\":\"echo '{\\\"ok\\\":true}'\",\"memoryBytes\":268435456,"
                + "\"cpus\":1.5,\"pidsLimit\":50}";

        problem(addAgent(Tokens.forUser("alice"), valid), 403);
        problem(addAgent(null, valid), 401);
        addAgent(admin, valid).expectStatus()
            .isCreated()
            .expectHeader()
            .location("/api/agents/echo-agent")
            .expectBody()
            .jsonPath("$.priceWei")
            .isEqualTo("123456789012345678901234567890")
            .jsonPath("$.image")
            .isEqualTo("localhost/agentnexus-demo:1")
            .jsonPath("$.memoryBytes")
            .isEqualTo(268435456)
            .jsonPath("$.cpus")
            .isEqualTo(1.5)
            .jsonPath("$.pidsLimit")
            .isEqualTo(50)
            .jsonPath("$.script")
            .doesNotExist();
        problem(addAgent(admin, valid), 409);
        client.get()
            .uri("/api/agents")
            .headers(h -> h.setBearerAuth(Tokens.forUser("alice")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$[?(@.id == 'echo-agent')].timeoutMs")
            .isEqualTo(List.of(60000))
            .jsonPath("$[?(@.id == 'demo-worker')].memoryBytes")
            .isEqualTo(List.of(536870912));

        String alice = Tokens.forUser("alice");
        String id = api.start(alice, "echo-agent");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.status(alice, id).equals("COMPLETED"));

        for (String invalid : List.of("not json", "[]", "{\"name\":\"x\",\"priceWei\":\"1\",\"script\":\"true\"}",
                valid.replace("echo-agent", "Bad Id!"), valid.replace("123456789012345678901234567890", "-1"),
                valid.replace("123456789012345678901234567890", "1.5"),
                valid.replace("\"priceWei\":\"123456789012345678901234567890\"", "\"priceWei\":5"),
                valid.replace("60000", "0"), valid.replace("268435456", "1024"), valid.replace("1.5", "0"),
                valid.replace("\"pidsLimit\":50", "\"pidsLimit\":0"), valid.replace("echo '{\\\"ok\\\":true}'", " "),
                valid.replace("\"memoryBytes\"", "\"image\":\"\",\"memoryBytes\""))) {
            problem(addAgent(admin, invalid.replace("echo-agent", "other-agent")), 400);
        }
        problem(addAgent(admin, valid.replace("echo-agent", "huge-agent")
            .replace("echo '{\\\"ok\\\":true}'", "#" + "x".repeat(70_000))), 413);
    }

    @Test
    void servesAnOpenApiDocumentDescribingTheEndpoints() {
        client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.openapi")
            .exists()
            .jsonPath("$.paths['/api/executions'].get")
            .exists()
            .jsonPath("$.paths['/api/executions'].post")
            .exists()
            .jsonPath("$.paths['/api/executions/{id}'].get")
            .exists()
            .jsonPath("$.paths['/api/executions/{id}/cancel'].post")
            .exists()
            .jsonPath("$.paths['/api/agents'].get")
            .exists()
            .jsonPath("$.paths['/api/agents'].post")
            .exists()
            // request shapes, although the handlers read raw text
            .jsonPath("$.components.schemas.StartExecutionRequest.required")
            .isEqualTo(List.of("agentId"))
            .jsonPath("$.components.schemas.NewAgent.properties.priceWei.type")
            .isEqualTo("string")
            // bearer auth and problem-details errors
            .jsonPath("$.components.securitySchemes.bearer.scheme")
            .isEqualTo("bearer")
            .jsonPath("$.security[0].bearer")
            .exists()
            .jsonPath("$.paths['/api/executions'].post.responses['429'].content['application/problem+json']")
            .exists()
            .jsonPath("$.paths['/api/executions/{id}/cancel'].post.responses['409'].content"
                    + "['application/problem+json'].schema['$ref']")
            .isEqualTo("#/components/schemas/Problem")
            .jsonPath("$.paths['/api/agents'].get.responses['401']")
            .exists()
            .jsonPath("$.paths['/api/executions/{id}'].get.responses['200'].content['application/json']")
            .exists();
    }

    private WebTestClient.ResponseSpec addAgent(String token, String body) {
        return client.post().uri("/api/agents").headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static WebTestClient.ResponseSpec problem(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status)
            .jsonPath("$.title")
            .isNotEmpty()
            .jsonPath("$.trace")
            .doesNotExist();
        return response;
    }

}
