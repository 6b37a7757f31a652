package com.agentnexus.gateway;

import static com.agentnexus.gateway.ReplayAndLiveIT.finishedRun;
import static com.agentnexus.gateway.ReplayAndLiveIT.seqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentnexus.events.ExecutionFixture;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class AuthorizationIT extends GatewayIntegrationTest {

    @Test
    void anotherUserGetsTheAnswerOfANonexistentExecutionAndNoEvent() {
        ExecutionFixture run = finishedRun("bob", 4);
        publish(run.events());

        try (StreamClient alice = connect("alice")) {
            alice.subscribe(run.executionId());
            var error = alice.awaitError(run.executionId());
            alice.roundTrip();

            assertThat(StreamClient.code(error)).isEqualTo("NOT_FOUND");
            assertThat(error.get("data").get("message").stringValue()).isEqualTo("no events found for this execution");
            assertThat(alice.messagesAbout(run.executionId())).containsExactly(error);
        }
    }

    @Test
    void anAdminSeesEveryExecution() {
        ExecutionFixture run = finishedRun("bob", 4);
        publish(run.events());

        try (StreamClient admin = StreamClient.withBearer(port, TestTokens.admin("operator"))) {
            admin.subscribe(run.executionId());
            admin.awaitTerminalStatus(run.executionId());
            admin.roundTrip();

            assertThat(admin.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(1, run.events().size()));
        }
    }

    @Test
    void aBrowserMayPassTheTokenAsQueryParameter() {
        ExecutionFixture run = finishedRun("alice", 2);
        publish(run.events());

        try (StreamClient browser = StreamClient.withQueryToken(port, TestTokens.user("alice"))) {
            browser.subscribe(run.executionId());
            browser.awaitTerminalStatus(run.executionId());
            browser.roundTrip();

            assertThat(browser.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(1, run.events().size()));
        }
    }

    @Test
    void handshakeWithoutTokenIsRefusedWith401() {
        assertRefused(URI.create("ws://localhost:" + port + "/ws"), new HttpHeaders());
    }

    @Test
    void handshakeWithABadOrExpiredTokenIsRefusedWith401() {
        for (String token : new String[] { TestTokens.signedWithAnotherSecret("alice"), TestTokens.expired("alice"),
                "not-a-jwt" }) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(token);
            assertRefused(URI.create("ws://localhost:" + port + "/ws"), headers);
            assertRefused(URI.create("ws://localhost:" + port + "/ws?access_token=" + token), new HttpHeaders());
        }
    }

    private static void assertRefused(URI uri, HttpHeaders headers) {
        assertThatThrownBy(() -> StreamClient.handshake(uri, headers).block(Duration.ofSeconds(10)))
            .hasMessageContaining("401");
    }

}
