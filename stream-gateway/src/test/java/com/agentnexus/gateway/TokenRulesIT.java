package com.agentnexus.gateway;

import static com.agentnexus.gateway.ReplayAndLiveIT.finishedRun;
import static com.agentnexus.gateway.ReplayAndLiveIT.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.support.Hs256Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The gateway reads tokens exactly as the REST services do (roles as an array or one
 * space-separated string, {@code sub} a JSON string), refuses every token problem with
 * 401 problem details, and documents the statuses that come from elsewhere (Netty's 414
 * and 431, 400 for a request that is no handshake). Any HTTP failure is a problem, a 500
 * included: one route exists only in this test and fails the way a bug would.
 */
@Import(TokenRulesIT.FailingRoute.class)
class TokenRulesIT extends GatewayIntegrationTest {

    private static final String INTERNALS = "secret internals of the failure";

    @Test
    void rolesGivenAsOneSpaceSeparatedStringMakeAnAdminAsOnRest() {
        ExecutionFixture run = finishedRun("bob", 3);
        publish(run.events());
        String token = Hs256Tokens.signClaims(Hs256Tokens.DEV_SECRET, Map.of("sub", "operator", "roles", "ops admin"),
                Instant.now().plusSeconds(600));

        try (StreamClient admin = StreamClient.withBearer(port, token)) {
            admin.subscribe(run.executionId());
            admin.awaitTerminalStatus(run.executionId());
            admin.roundTrip();

            assertThat(admin.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(1, run.events().size()));
        }
    }

    @Test
    void aSubjectThatIsNotAStringIsRefusedWith401Problem() {
        String numeric = Hs256Tokens.signPayload(Hs256Tokens.DEV_SECRET,
                "{\"sub\":42,\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}");

        RawHandshake.Answer answer = RawHandshake.upgrade(port, "/ws", Map.of("Authorization", "Bearer " + numeric));

        assertUnauthorizedProblem(answer);
        assertThat(answer.body()).contains("'sub'");
    }

    @Test
    void everyTokenProblemIsRefusedWith401Problem() {
        String valid = TestTokens.user("alice");
        String badRoles = Hs256Tokens.signClaims(Hs256Tokens.DEV_SECRET, Map.of("sub", "alice", "roles", 7),
                Instant.now().plusSeconds(600));
        for (RawHandshake.Answer answer : List.of(RawHandshake.upgrade(port, "/ws", Map.of()),
                // two tokens: RFC 6750 would allow 400; the gateway answers every token
                // problem alike
                RawHandshake.upgrade(port, "/ws?access_token=" + valid, Map.of("Authorization", "Bearer " + valid)),
                RawHandshake.upgrade(port, "/ws?access_token=not-a-jwt", Map.of()),
                RawHandshake.upgrade(port, "/ws", Map.of("Authorization", "Bearer " + badRoles)))) {
            assertUnauthorizedProblem(answer);
        }
    }

    @Test
    void whatIsNoHandshakeOrTooLongIsRefusedAsDocumented() {
        String token = TestTokens.user("alice");
        RawHandshake.Answer notUpgrade = RawHandshake.get(port, "/ws", Map.of("Authorization", "Bearer " + token));
        assertThat(notUpgrade.status()).isEqualTo(400);
        assertThat(notUpgrade.headers().get("content-type")).startsWith("application/problem+json");
        RawHandshake.Answer notGet = RawHandshake.plain(port, "POST", "/ws",
                Map.of("Authorization", "Bearer " + token));
        assertThat(notGet.status()).isEqualTo(405);
        assertThat(notGet.headers().get("content-type")).startsWith("application/problem+json");

        // refused by Netty before the gateway sees the request, so before authentication
        // too
        assertThat(RawHandshake.upgrade(port, "/ws?access_token=" + "x".repeat(5000), Map.of()).status())
            .isEqualTo(414);
        assertThat(RawHandshake.upgrade(port, "/ws", Map.of("Authorization", "Bearer " + "x".repeat(9000))).status())
            .isEqualTo(431);
    }

    @Test
    void anUnforeseenFailureIsA500ProblemThatRevealsNothing() {
        RawHandshake.Answer answer = RawHandshake.get(port, "/test/failing-route",
                Map.of("Authorization", "Bearer " + TestTokens.user("alice")));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":500", "internal-error")
            .doesNotContain(INTERNALS)
            .doesNotContain("IllegalStateException");
    }

    private static void assertUnauthorizedProblem(RawHandshake.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(answer.headers().get("www-authenticate")).startsWith("Bearer");
        assertThat(answer.body()).contains("\"status\":401");
    }

    static class FailingRoute {

        @Bean
        RouterFunction<ServerResponse> failingRoute() {
            return RouterFunctions.route().GET("/test/failing-route", request -> {
                throw new IllegalStateException(INTERNALS);
            }).build();
        }

    }

}
