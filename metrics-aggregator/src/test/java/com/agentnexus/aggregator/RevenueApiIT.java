package com.agentnexus.aggregator;

import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.Topics;
import com.agentnexus.support.Hs256Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /api/revenue} on a real broker and a real PostgreSQL: exact Wei beyond 2^64 and
 * ETH with 18 decimals, COMPLETED only, each execution once; admin only, every refusal an
 * RFC 9457 problem, a 500 too.
 */
@EmbeddedKafka(partitions = 3,
        topics = { "agentnexus.execution.logs", "agentnexus.execution.status", "agentnexus.execution.resources" },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=revenue-api-it")
// a 2-core CI runner under the whole suite may take seconds to answer; timing is not what
// these tests check
@AutoConfigureWebTestClient(timeout = "PT60S")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(RevenueApiIT.FailingRoute.class)
class RevenueApiIT {

    // 2^64 + 1 and a price with all 18 decimals in use: a double or a long would lose
    // both
    private static final String BIG = "18446744073709551617";

    private static final String ODD = "1000000000000000001";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    private WebTestClient web;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @BeforeAll
    void publishRuns() {
        try (var topics = EventTopics.on(broker.getBrokersAsString())) {
            // two completed runs of "rich", one of them delivered twice; a failed priced
            // run earns nothing
            var first = ExecutionFixture.anExecution().ofAgent("rich", "Rich agent", BIG);
            var second = ExecutionFixture.anExecution().ofAgent("rich", "Rich agent", ODD);
            var failed = ExecutionFixture.anExecution().ofAgent("rich", "Rich agent", BIG);
            var cancelled = ExecutionFixture.anExecution().ofAgent("poor", "Poor agent", BIG);
            topics.send(List.of(first.pending(), first.running(), first.completed("{}")));
            topics.send(first.events());
            topics.send(List.of(second.pending(), second.running(), second.completed("{\"n\":1}")));
            topics.send(List.of(failed.pending(), failed.running(), failed.failed(1)));
            topics.send(List.of(cancelled.pending(),
                    cancelled.terminal(ExecutionStatus.CANCELLED, null, "cancelled", null)));
        }
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> web.get()
                .uri("/api/revenue")
                .headers(h -> h.setBearerAuth(token("admin")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.agents.length()")
                .isEqualTo(2)
                .jsonPath("$.executions")
                .isEqualTo(2));
    }

    @Test
    void totalsAreExactDecimalStringsWithTheOffsetsTheyIncludeInOrder() {
        web.get()
            .uri("/api/revenue")
            .headers(h -> h.setBearerAuth(token("admin")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.totalWei")
            .isEqualTo("19446744073709551618")
            .jsonPath("$.totalEth")
            .isEqualTo("19.446744073709551618")
            .jsonPath("$.agents[0].agentId")
            .isEqualTo("poor")
            .jsonPath("$.agents[0].revenueWei")
            .isEqualTo("0")
            .jsonPath("$.agents[0].revenueEth")
            .isEqualTo("0.000000000000000000")
            .jsonPath("$.agents[0].executions")
            .isEqualTo(0)
            .jsonPath("$.agents[1].agentId")
            .isEqualTo("rich")
            .jsonPath("$.agents[1].agentName")
            .isEqualTo("Rich agent")
            .jsonPath("$.agents[1].revenueWei")
            .isEqualTo("19446744073709551618")
            .jsonPath("$.agents[1].executions")
            .isEqualTo(2)
            // a partition that never held a record has no stored position yet
            .jsonPath("$.offsets[?(@.topic == '" + Topics.DEFAULTS.status() + "')].nextOffset")
            .isNotEmpty()
            .jsonPath("$.offsets[*].nextOffset")
            .value(offsets -> org.assertj.core.api.Assertions.assertThat((List<?>) offsets)
                .isNotEmpty()
                .allMatch(o -> ((Number) o).longValue() > 0));
    }

    @Test
    void servesOneAgentAndAnswersAnUnknownOneWith404Problem() {
        web.get()
            .uri("/api/revenue/rich")
            .headers(h -> h.setBearerAuth(token("admin")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.revenueWei")
            .isEqualTo("19446744073709551618")
            .jsonPath("$.revenueEth")
            .isEqualTo("19.446744073709551618")
            .jsonPath("$.offsets")
            .isArray();
        web.get()
            .uri("/api/revenue/nobody")
            .headers(h -> h.setBearerAuth(token("admin")))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://agentnexus.dev/problems/unknown-agent");
    }

    @Test
    void refusesAnInvalidAgentIdWith400Problem() {
        web.get()
            .uri("/api/revenue/{id}", "a\u0001b")
            .headers(h -> h.setBearerAuth(token("admin")))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://agentnexus.dev/problems/invalid-agent-id");
        web.get()
            .uri("/api/revenue/{id}", "x".repeat(201))
            .headers(h -> h.setBearerAuth(token("admin")))
            .exchange()
            .expectStatus()
            .isBadRequest();
    }

    @Test
    void refusesUsersWithout403AndAnonymousWith401Problems() {
        web.get()
            .uri("/api/revenue")
            .headers(h -> h.setBearerAuth(
                    Hs256Tokens.sign(Hs256Tokens.DEV_SECRET, "alice", List.of(), Instant.now().plusSeconds(300))))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(403);
        web.get()
            .uri("/api/revenue")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get()
            .uri("/api/revenue")
            .headers(h -> h.setBearerAuth("not-a-token"))
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void servesTheOpenApiDocumentWithoutAToken() {
        web.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.paths['/api/revenue'].get")
            .exists()
            .jsonPath("$.paths['/api/revenue/{agentId}'].get")
            .exists()
            .jsonPath("$.components.securitySchemes.bearer.scheme")
            .isEqualTo("bearer");
    }

    @Test
    void anUnforeseenFailureIsA500ProblemThatRevealsNothing() {
        web.get()
            .uri("/api/test/failing-route")
            .headers(h -> h.setBearerAuth(token("admin")))
            .exchange()
            .expectStatus()
            .isEqualTo(500)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(500)
            .jsonPath("$.type")
            .isEqualTo("https://agentnexus.dev/problems/internal-error")
            .jsonPath("$.detail")
            .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                .doesNotContain(FailingRoute.INTERNALS));
    }

    private static String token(String role) {
        return Hs256Tokens.sign(Hs256Tokens.DEV_SECRET, "ops", List.of(role), Instant.now().plusSeconds(300));
    }

    /** Fails the way a bug would; exists only in this test. */
    static class FailingRoute {

        static final String INTERNALS = "secret internals of the failure";

        @Bean
        RouterFunction<ServerResponse> failingRoute() {
            return RouterFunctions.route().GET("/api/test/failing-route", request -> {
                throw new IllegalStateException(INTERNALS);
            }).build();
        }

    }

}
