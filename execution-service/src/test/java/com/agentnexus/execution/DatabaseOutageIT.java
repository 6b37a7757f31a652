package com.agentnexus.execution;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * PostgreSQL stops (this class's own): every REST call that needs it answers 503 problem
 * details with {@code Retry-After}, never a 500 and never the driver's message. Nothing
 * is started first, so no execution of this class has to end while the database is away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
@DedicatedDatabase
class DatabaseOutageIT {

    private static final String SOME_ID = "0190f0a0-0000-7000-8000-000000000000";

    @Autowired
    private WebTestClient client;

    private Api api;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        api = new Api(client);
    }

    @Test
    void everyCallAnswers503ProblemWithRetryAfterWhilePostgresIsDown() {
        String user = Tokens.forUser("outage");
        String admin = Tokens.forUser("outage-admin", "admin");
        api.get(user, "/api/executions").expectStatus().isOk();

        DedicatedPostgres.of(DatabaseOutageIT.class).stop();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> unavailable(api.get(user, "/api/executions")));
        unavailable(api.post(user, "{\"agentId\":\"demo-worker\",\"input\":{\"task\":\"x\"}}"));
        unavailable(api.get(user, "/api/executions?agentId=demo-worker&status=RUNNING"));
        unavailable(api.get(user, "/api/executions/" + SOME_ID));
        unavailable(api.cancel(user, SOME_ID));
        unavailable(api.get(user, "/api/agents"));
        unavailable(client.post()
            .uri("/api/agents")
            .headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"id\":\"outage-agent\",\"name\":\"x\",\"priceWei\":\"1\",\"script\":\"true\"}")
            .exchange());
    }

    private static void unavailable(WebTestClient.ResponseSpec response) {
        response.expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals(HttpHeaders.RETRY_AFTER, "5")
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(503)
            .jsonPath("$.type")
            .isEqualTo("https://agentnexus.dev/problems/database-unavailable")
            .jsonPath("$.detail")
            .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                .doesNotContainIgnoringCase("connection")
                .doesNotContain("localhost"))
            .jsonPath("$.trace")
            .doesNotExist();
    }

}
