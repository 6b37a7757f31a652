package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionFixture;
import java.io.IOException;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Heartbeat, idle timeout and the per-connection limits, each with its answer, on the
 * real gateway.
 */
@TestPropertySource(properties = { "agentnexus.gateway.connection.ping-interval=200ms",
        "agentnexus.gateway.connection.idle-timeout=1s", "agentnexus.gateway.connection.max-frame-size=1KB",
        "agentnexus.gateway.connection.max-subscriptions=3", "agentnexus.gateway.connection.messages-per-second=5",
        "agentnexus.gateway.connection.message-burst=10",
        "agentnexus.gateway.connection.allowed-origins=https://app.agentnexus.test" })
class ConnectionLimitsIT extends GatewayIntegrationTest {

    private final String alice = TestTokens.user("alice");

    @Test
    void pingsEveryIntervalAndKeepsAClientThatAnswersThemPastTheIdleTimeout() {
        try (JdkSocket client = JdkSocket.connect(port, alice)) {
            // 8 pings at 200 ms: more than the 1 s idle timeout has passed with only
            // pongs from the client
            await().atMost(Duration.ofSeconds(10)).until(() -> client.pings() >= 8);

            assertThat(client.isOpen()).isTrue();
            client.roundTrip();
        }
    }

    @Test
    void closesAConnectionThatStaysSilentWith1001() throws Exception {
        try (var silent = new SilentSocket(port, alice)) {
            SilentSocket.Ending ending = silent.awaitClose();

            assertThat(ending.closeCode()).isEqualTo(1001);
            assertThat(ending.reason()).isEqualTo("idle timeout");
            assertThat(ending.pings()).isPositive();
        }
    }

    @Test
    void aFrameLargerThanTheLimitClosesWith1009AndOthersAreUnaffected() throws Exception {
        try (JdkSocket bystander = JdkSocket.connect(port, alice); JdkSocket client = JdkSocket.connect(port, alice)) {
            client.send("{\"type\":\"ping\",\"padding\":\"" + "x".repeat(2000) + "\"}");

            assertThat(client.awaitClose(Duration.ofSeconds(10)).code()).isEqualTo(1009);
            bystander.roundTrip();
        }
    }

    @Test
    void aFragmentedMessageLargerThanTheLimitClosesWithAProtocolError() throws Exception {
        try (JdkSocket bystander = JdkSocket.connect(port, alice); JdkSocket client = JdkSocket.connect(port, alice)) {
            String part = "x".repeat(600);
            client.sendFragmented("{\"type\":\"ping\",\"a\":\"" + part, part, part + "\"}");

            assertThat(client.awaitClose(Duration.ofSeconds(10)).code()).isEqualTo(1002);
            bystander.roundTrip();
        }
    }

    @Test
    void subscriptionsBeyondTheLimitAreRefusedUntilOneEnds() {
        List<ExecutionFixture> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ExecutionFixture run = ExecutionFixture.anExecution().ownedBy("alice");
            run.pending();
            publish(run.events());
            runs.add(run);
        }
        try (JdkSocket client = JdkSocket.connect(port, alice)) {
            runs.forEach(run -> client.send(subscribe(run)));
            client.roundTrip();
            assertThat(client.errorCodes()).containsExactly("TOO_MANY_SUBSCRIPTIONS");

            client.send("{\"type\":\"unsubscribe\",\"executionId\":\"" + runs.get(0).executionId() + "\"}");
            client.send(subscribe(runs.get(3)));
            await().atMost(Duration.ofSeconds(10))
                .until(() -> client.received()
                    .stream()
                    .anyMatch(message -> message.path("executionId")
                        .asString("")
                        .equals(runs.get(3).executionId().toString())
                            && message.get("type").stringValue().equals("status")));
            assertThat(client.errorCodes()).containsExactly("TOO_MANY_SUBSCRIPTIONS");
        }
    }

    @Test
    void messagesBeyondTheRateAreRefusedWithoutClosing() {
        try (JdkSocket client = JdkSocket.connect(port, alice)) {
            for (int i = 0; i < 14; i++) {
                client.send("{\"type\":\"ping\"}");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> client.pongs() + client.errorCodes().size() == 14);

            assertThat(client.errorCodes()).isNotEmpty().containsOnly("RATE_LIMITED");
            assertThat(client.pongs()).isGreaterThanOrEqualTo(10);
            assertThat(client.isOpen()).isTrue();
            // at 5 per second a token comes back every 200 ms: a ping sent now and then
            // is answered again
            long pongs = client.pongs();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
                client.send("{\"type\":\"ping\"}");
                return client.pongs() > pongs;
            });
        }
    }

    @Test
    void aClientThatKeepsFloodingIsClosedWith1008() throws Exception {
        try (JdkSocket bystander = JdkSocket.connect(port, alice); var flooder = new SilentSocket(port, alice)) {
            try {
                for (int i = 0; i < 40; i++) {
                    flooder.send("{\"type\":\"ping\"}");
                }
            }
            catch (IOException closedMeanwhile) {
                // the close frame is already on its way
            }

            SilentSocket.Ending ending = flooder.awaitClose();
            assertThat(ending.closeCode()).isEqualTo(1008);
            assertThat(ending.reason()).isEqualTo("message rate exceeded");
            // the burst answered, then each refusal
            assertThat(ending.texts()).isGreaterThanOrEqualTo(10 + 10);
            bystander.roundTrip();
        }
    }

    @Test
    void onlyAllowedBrowserOriginsMayConnect() {
        try (JdkSocket allowed = JdkSocket.connect(port, alice, "https://app.agentnexus.test")) {
            allowed.roundTrip();
        }
        assertThatThrownBy(() -> JdkSocket.connect(port, alice, "https://elsewhere.test"))
            .hasCauseInstanceOf(WebSocketHandshakeException.class)
            .cause()
            .satisfies(refused -> assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode())
                .isEqualTo(403));
    }

    private static String subscribe(ExecutionFixture run) {
        return "{\"type\":\"subscribe\",\"executionId\":\"" + run.executionId() + "\"}";
    }

}
