package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionFixture;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.EOFException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that stops reading for good never receives its 1013 close frame (it queues
 * behind what the client does not read); the gateway cuts the socket after the close
 * timeout and frees the connection.
 */
@TestPropertySource(properties = { "agentnexus.gateway.connection.slow-client-grace=1s",
        "agentnexus.gateway.connection.close-timeout=1s" })
class StalledClientIT extends GatewayIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aClientThatNeverReadsAgainIsCutAndForgotten() throws Exception {
        ExecutionFixture run = publishLongHistory("alice");

        try (var stalled = new SilentSocket(port, TestTokens.user("alice"), 4096)) {
            stalled.send("{\"type\":\"subscribe\",\"executionId\":\"" + run.executionId() + "\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> openConnections() == 1);

            await().atMost(Duration.ofSeconds(30)).until(() -> openConnections() == 0);
            // what the kernel had buffered can still be read, then the cut connection
            // ends without a close frame
            assertThatThrownBy(stalled::awaitClose).isInstanceOf(EOFException.class);
        }
    }

    private double openConnections() {
        return meters.get("agentnexus.active.websocket.connections").gauge().value();
    }

}
