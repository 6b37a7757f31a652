package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.support.ExpositionSample;
import com.agentnexus.support.PrometheusScrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a scraper and a person see of the gateway's meters, without a token: /metrics and
 * /metrics/json.
 */
class MetricsExpositionIT extends GatewayIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void metricsJsonShowsTheGatewaysMetersWithTheirValues() throws Exception {
        HttpResponse<String> response = get("/metrics/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(body.get("application").stringValue()).isEqualTo("stream-gateway");
        JsonNode connections = meter(body, "agentnexus_active_websocket_connections");
        assertThat(connections.get("type").stringValue()).isEqualTo("gauge");
        assertThat(connections.get("help").stringValue()).isEqualTo("Open WebSocket connections of this gateway");
        JsonNode sample = connections.get("samples").get(0);
        assertThat(sample.get("labels").get("application").stringValue()).isEqualTo("stream-gateway");
        assertThat(sample.get("value").isNumber()).isTrue();
        assertThat(meter(body, "agentnexus_websocket_slow_closes_total").get("type").stringValue())
            .isEqualTo("counter");
        assertThat(body.get("meters").valueStream().map(m -> m.get("name").stringValue()))
            .allMatch(name -> name.startsWith("agentnexus_"));
    }

    @Test
    void everyAgentnexusAndJvmSampleCarriesTheApplicationLabel() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);

        List<ExpositionSample> samples = PrometheusScrape.of(response.body())
            .samples()
            .stream()
            .filter(s -> s.name().startsWith("agentnexus_") || s.name().startsWith("jvm_"))
            .toList();

        assertThat(samples).anyMatch(s -> s.name().startsWith("agentnexus_"))
            .anyMatch(s -> s.name().startsWith("jvm_"))
            .allSatisfy(s -> assertThat(s.labels()).as(s.name()).containsEntry("application", "stream-gateway"));
    }

    @Test
    void readinessIsServedAsAMetricForPrometheus() {
        // evaluated every 5 s off the scrape; the first evaluation may precede the
        // application's readiness
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ExpositionSample> samples = ExpositionSample.parse(get("/metrics").body());
            assertThat(samples).filteredOn(s -> s.name().equals("agentnexus_health_ready"))
                .singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("application", "stream-gateway"))
                .satisfies(s -> assertThat(s.value()).isEqualTo(1.0));
            assertThat(samples).filteredOn(s -> s.name().equals("agentnexus_health_status") && s.value() == 1.0)
                .singleElement()
                .satisfies(s -> assertThat(s.labels().get("status")).isIn("UP", "DEGRADED"));
        });
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode meter(JsonNode body, String name) {
        List<JsonNode> named = body.get("meters")
            .valueStream()
            .filter(meter -> meter.get("name").stringValue().equals(name))
            .toList();
        assertThat(named).as(name + " in " + body).hasSize(1);
        return named.get(0);
    }

}
