package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.support.KafkaHealthIndicator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's probes: Kafka is critical to it (no replay, no live events without it);
 * liveness shows uptime.
 */
class HealthProbesIT extends GatewayIntegrationTest {

    @Test
    void readinessListsTheBrokerLiveConsumerAndHeapChecksAndLivenessTheUptime() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode components = JsonMapper.builder().build().readTree(ready.body()).get("components");
        assertThat(components.get("kafka").get("status").stringValue()).isEqualTo("UP");
        assertThat(components.get("liveConsumer").get("status").stringValue()).isEqualTo("UP");
        assertThat(components.get("heap").get("details").get("threshold").doubleValue()).isEqualTo(0.9);

        HttpResponse<String> live = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder()
            .build()
            .readTree(live.body())
            .get("components")
            .get("uptime")
            .get("details")
            .get("uptimeSeconds")
            .isIntegralNumber()).isTrue();
    }

    @Test
    void theBrokerCheckIsDownWhenNoBrokerAnswers() throws Exception {
        var nobody = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"));
        var check = new KafkaHealthIndicator(nobody);
        try {
            Health health = check.health(true).block(Duration.ofSeconds(10));

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        }
        finally {
            check.destroy();
        }
    }

}
