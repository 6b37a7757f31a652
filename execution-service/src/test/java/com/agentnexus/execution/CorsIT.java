package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a browser page of another origin gets from the REST API, as the web console on the
 * gateway calls it. The origins are configured here to a list other than the defaults
 * (the console's origin and one more): what is listed is allowed, a default left out is
 * refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CorsIT {

    private static final String CONSOLE = "http://127.0.0.1:3001";

    private static final String CONFIGURED = "https://console.example.com:8443";

    /** One of the defaults, not in this test's list. */
    private static final String LEFT_OUT = "http://localhost:3001";

    private static final String ELSEWHERE = "https://elsewhere.example";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("agentnexus.execution.cors.allowed-origins", () -> CONSOLE + "," + CONFIGURED + "/");
    }

    @Autowired
    private WebTestClient client;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        for (String origin : new String[] { CONSOLE, CONFIGURED }) {
            HttpHeaders headers = preflight(origin, "/api/executions", "POST", "authorization, content-type")
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseHeaders();

            assertThat(headers.getAccessControlAllowOrigin()).isEqualTo(origin);
            assertThat(headers.getAccessControlAllowMethods()).containsExactly(HttpMethod.GET, HttpMethod.POST);
            assertThat(headers.getAccessControlAllowHeaders()).map(String::toLowerCase)
                .containsExactlyInAnyOrder("authorization", "content-type");
            assertThat(headers.getAccessControlMaxAge()).isEqualTo(1800);
            assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isFalse();
            assertThat(headers.containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
        }
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefusedWith403AndNoAllowOrigin() {
        for (String origin : new String[] { LEFT_OUT, ELSEWHERE }) {
            HttpHeaders headers = preflight(origin, "/api/agents", "GET", "authorization").expectStatus()
                .isForbidden()
                .expectBody()
                .returnResult()
                .getResponseHeaders();

            assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as(origin).isFalse();
        }
    }

    @Test
    void aPreflightForAMethodOrHeaderNotAllowedIsRefused() {
        preflight(CONSOLE, "/api/executions", "DELETE", "authorization").expectStatus().isForbidden();
        preflight(CONSOLE, "/api/executions", "POST", "x-custom").expectStatus().isForbidden();
    }

    @Test
    void aRequestFromAnAllowedOriginGetsThatOriginBackNeverAStar() {
        EntityExchangeResult<byte[]> agents = client.get()
            .uri("/api/agents")
            .header(HttpHeaders.ORIGIN, CONSOLE)
            .headers(h -> h.setBearerAuth(Tokens.forUser("console-user")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult();

        HttpHeaders headers = agents.getResponseHeaders();
        assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(CONSOLE);
        assertThat(headers.getVary()).contains(HttpHeaders.ORIGIN);
        assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isFalse();
        assertThat(new String(agents.getResponseBody())).contains("demo-worker");
    }

    @Test
    void aStartedExecutionsLocationIsReadableByThePage() {
        HttpHeaders headers = client.post()
            .uri("/api/executions")
            .header(HttpHeaders.ORIGIN, CONFIGURED)
            .headers(h -> h.setBearerAuth(Tokens.forUser("console-user")))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"agentId\":\"demo-failing\"}")
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody()
            .returnResult()
            .getResponseHeaders();

        assertThat(headers.getAccessControlAllowOrigin()).isEqualTo(CONFIGURED);
        assertThat(headers.getAccessControlExposeHeaders()).containsExactlyInAnyOrder(HttpHeaders.LOCATION,
                HttpHeaders.RETRY_AFTER);
        assertThat(headers.getLocation()).isNotNull();
    }

    @Test
    void aRefusedTokenIsAnAnswerThePageCanRead() {
        HttpHeaders headers = client.get()
            .uri("/api/executions")
            .header(HttpHeaders.ORIGIN, CONSOLE)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .returnResult()
            .getResponseHeaders();

        // so the page can tell "sign in again" from a network failure
        assertThat(headers.getAccessControlAllowOrigin()).isEqualTo(CONSOLE);
    }

    @Test
    void aRequestFromAnOriginNotAllowedIsRefusedWith403EvenWithAValidToken() {
        EntityExchangeResult<byte[]> refused = client.get()
            .uri("/api/agents")
            .header(HttpHeaders.ORIGIN, ELSEWHERE)
            .headers(h -> h.setBearerAuth(Tokens.forUser("console-user")))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody()
            .returnResult();

        assertThat(refused.getResponseHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isFalse();
        // Spring's CORS filter answers before anything else: an empty 403, not a problem
        assertThat(refused.getResponseBody()).isNullOrEmpty();
    }

    @Test
    void healthAndMetricsHaveNoCors() {
        for (String path : new String[] { "/health/live", "/metrics" }) {
            HttpHeaders headers = client.get()
                .uri(path)
                .header(HttpHeaders.ORIGIN, ELSEWHERE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseHeaders();

            assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as(path).isFalse();
        }
    }

    private WebTestClient.ResponseSpec preflight(String origin, String path, String method, String headers) {
        return client.options()
            .uri(path)
            .header(HttpHeaders.ORIGIN, origin)
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers)
            .exchange();
    }

}
