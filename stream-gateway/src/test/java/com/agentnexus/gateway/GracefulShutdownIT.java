package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Shutting a gateway down closes every socket with 1001, so clients reconnect elsewhere
 * and resume by seq. A second gateway of its own is started here (on the same broker) and
 * shut down, leaving the shared test context alone.
 */
class GracefulShutdownIT extends GatewayIntegrationTest {

    @Test
    void closesEveryConnectionWith1001() throws Exception {
        ExecutionFixture run = ExecutionFixture.anExecution().ownedBy("alice");
        run.pending();
        publish(run.events());
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(StreamGatewayApplication.class)
            .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString());
        int gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();

        try (JdkSocket watching = JdkSocket.connect(gatewayPort, TestTokens.user("alice"));
                JdkSocket idle = JdkSocket.connect(gatewayPort, TestTokens.user("bob"))) {
            watching.send("{\"type\":\"subscribe\",\"executionId\":\"" + run.executionId() + "\"}");
            watching.roundTrip();
            idle.roundTrip();

            gateway.close();

            for (JdkSocket client : new JdkSocket[] { watching, idle }) {
                JdkSocket.Closed closed = client.awaitClose(Duration.ofSeconds(10));
                assertThat(closed.code()).isEqualTo(1001);
                assertThat(closed.reason()).isEqualTo("server shutting down");
            }
        }
        finally {
            gateway.close();
        }
    }

}
