package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.support.Hs256Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Every error is a problem: text PostgreSQL cannot store is a 400 naming the field (never
 * the database's 500), token claims are read one way, a body must be JSON to be read, and
 * a failure nobody foresaw is a 500 problem with a generic detail. Two endpoints that
 * exist only in this test fail the way a bug would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
@DedicatedDatabase
@Import(ProblemAnswersIT.Failures.class)
class ProblemAnswersIT {

    private static final String INTERNALS = "secret internals of the failure";

    @Autowired
    private WebTestClient client;

    private Api api;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        api = new Api(client);
    }

    @Test
    void textPostgresCannotStoreIsA400NamingTheField() {
        String user = Tokens.forUser("unstorable");
        Map<String, String> bodies = Map.of("{\"agentId\":\"demo\\u0000worker\"}", "'agentId'",
                "{\"agentId\":\"demo-worker\\ud800\"}", "'agentId'",
                "{\"agentId\":\"demo-worker\",\"input\":{\"task\":\"a\\u0000b\"}}", "'input'",
                "{\"agentId\":\"demo-worker\",\"input\":{\"ta\\u0000sk\":\"ab\"}}", "'input'",
                "{\"agentId\":\"demo-worker\",\"input\":{\"deep\":{\"list\":[1,\"x\\u0000\"]}}}", "/deep/list/1",
                "{\"agentId\":\"demo-worker\",\"input\":{\"task\":\"lone \\udc00 low\"}}", "'input'",
                "{\"agentId\":\"demo-worker\",\"input\":{\"task\":\"lone \\ud83d high\"}}", "'input'");
        bodies.forEach((body, named) -> invalid(api.post(user, body), named));

        invalid(client.get()
            .uri("/api/executions?agentId={id}", "demo\u0000worker")
            .headers(h -> h.setBearerAuth(user))
            .exchange(), "'agentId'");
        String admin = Tokens.forUser("unstorable-admin", "admin");
        String agent = "{\"id\":\"nul-agent\",\"name\":\"N\\u0000L\",\"priceWei\":\"1\",\"script\":\"true\"}";
        invalid(postAgent(admin, agent, MediaType.APPLICATION_JSON), "'name'");
        invalid(postAgent(admin, agent.replace("N\\u0000L", "NUL").replace("\"true\"", "\"tr\\u0000ue\""),
                MediaType.APPLICATION_JSON), "'script'");
        // four-byte characters (a valid surrogate pair) are stored as they are
        api.post(user, "{\"agentId\":\"no-such-agent\",\"input\":{\"emoji\":\"\\ud83d\\ude00\"}}")
            .expectStatus()
            .isNotFound();
    }

    @Test
    void aTokenWhoseSubjectIsNotAStorableStringIs401() {
        // the sub as the token's JSON writes it
        for (String sub : List.of("\"ali\\u0000ce\"", "\"ali\\ud800ce\"", "42")) {
            problem(api.get(withSubject(sub), "/api/executions"), 401).jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).as("sub %s", sub).contains("'sub'"));
        }
        // Nimbus itself refuses an array: the token is invalid, without naming the claim
        problem(api.get(withSubject("[\"alice\"]"), "/api/executions"), 401);
    }

    private static String withSubject(String subJson) {
        return Hs256Tokens.signPayload(TestInfrastructure.JWT_SECRET,
                "{\"sub\":" + subJson + ",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}");
    }

    @Test
    void rolesAreAnArrayOrASpaceSeparatedStringAndNothingElse() {
        for (Object roles : List.of("admin ops", List.of("ops", "admin"))) {
            api.get(withRoles(roles), "/api/executions?all=true").expectStatus().isOk();
        }
        api.get(withRoles("administrator"), "/api/executions?all=true").expectStatus().isForbidden();
        api.get(withRoles(7), "/api/executions")
            .expectStatus()
            .isUnauthorized()
            .expectBody()
            .jsonPath("$.detail")
            .value(detail -> assertThat((String) detail).contains("'roles'"));
    }

    @Test
    void onlyJsonBodiesAreReadAnythingElseIs415Problem() {
        String user = Tokens.forUser("media");
        String json = "{\"agentId\":\"no-such-agent\"}";
        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED,
                MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_XML)) {
            problem(client.post()
                .uri("/api/executions")
                .headers(h -> h.setBearerAuth(user))
                .contentType(type)
                .bodyValue(json)
                .exchange(), 415);
            problem(postAgent(Tokens.forUser("media-admin", "admin"),
                    "{\"id\":\"media-agent\",\"name\":\"m\"," + "\"priceWei\":\"1\",\"script\":\"true\"}", type), 415);
        }
        // JSON in any of its spellings is read (and answered: no such agent)
        for (String type : List.of("application/json", "application/json;charset=UTF-8",
                "application/merge-patch+json")) {
            problem(client.post()
                .uri("/api/executions")
                .headers(h -> h.setBearerAuth(user))
                .contentType(MediaType.parseMediaType(type))
                .bodyValue(json)
                .exchange(), 404);
        }
        // no body and so no type: the same 400 as an empty JSON body
        problem(client.post().uri("/api/executions").headers(h -> h.setBearerAuth(user)).exchange(), 400);
    }

    @Test
    void anUnforeseenFailureIsA500ProblemThatRevealsNothing() {
        String user = Tokens.forUser("unlucky");
        for (String path : List.of("/api/test/failing-controller", "/api/test/failing-route")) {
            problem(api.get(user, path), 500).jsonPath("$.type")
                .isEqualTo("https://agentnexus.dev/problems/internal-error")
                .jsonPath("$.instance")
                .isEqualTo(path)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).doesNotContain(INTERNALS)
                    .doesNotContain("IllegalStateException"));
        }
    }

    private String withRoles(Object roles) {
        return Hs256Tokens.signClaims(TestInfrastructure.JWT_SECRET, Map.of("sub", "role-reader", "roles", roles),
                Instant.now().plusSeconds(600));
    }

    private WebTestClient.ResponseSpec postAgent(String token, String body, MediaType type) {
        return client.post()
            .uri("/api/agents")
            .headers(h -> h.setBearerAuth(token))
            .contentType(type)
            .bodyValue(body)
            .exchange();
    }

    private static void invalid(WebTestClient.ResponseSpec response, String named) {
        problem(response, 400).jsonPath("$.detail")
            .value(detail -> assertThat((String) detail).contains(named).contains("cannot be stored"));
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status)
            .jsonPath("$.trace")
            .doesNotExist();
    }

    /**
     * Fails the way a bug would: in an annotated controller, and in a functional route
     * (no controller advice).
     */
    @RestController
    static class Failures {

        @GetMapping("/api/test/failing-controller")
        Mono<String> failingController() {
            return Mono.error(new IllegalStateException(INTERNALS));
        }

        @Bean
        RouterFunction<ServerResponse> failingRoute() {
            return RouterFunctions.route().GET("/api/test/failing-route", request -> {
                throw new IllegalStateException(INTERNALS);
            }).build();
        }

    }

}
