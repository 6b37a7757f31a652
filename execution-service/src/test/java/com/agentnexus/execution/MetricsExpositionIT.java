package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.support.ExpositionSample;
import com.agentnexus.support.PrometheusScrape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * What a scraper and a person see of the service's meters, without a token: /metrics and
 * /metrics/json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class MetricsExpositionIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @Autowired
    private WebTestClient client;

    @Test
    void metricsJsonShowsTheServicesMetersWithTheirValues() {
        JsonNode body = client.get()
            .uri("/metrics/json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

        assertThat(body.get("application").stringValue()).isEqualTo("execution-service");
        JsonNode buffered = meter(body, "agentnexus_publishing_buffered_events");
        assertThat(buffered.get("type").stringValue()).isEqualTo("gauge");
        assertThat(buffered.get("help").stringValue())
            .isEqualTo("Execution events accepted but not yet acknowledged by Kafka");
        JsonNode sample = buffered.get("samples").get(0);
        assertThat(sample.get("labels").get("application").stringValue()).isEqualTo("execution-service");
        assertThat(sample.get("value").isNumber()).isTrue();
        assertThat(meter(body, "agentnexus_publishing_refused_events_total").get("samples")
            .get(0)
            .get("value")
            .doubleValue()).isZero();
        assertThat(body.get("meters").valueStream().map(m -> m.get("name").stringValue()))
            .allMatch(name -> name.startsWith("agentnexus_"));
    }

    @Test
    void everyAgentnexusAndJvmSampleCarriesTheApplicationLabel() {
        String exposition = client.get()
            .uri("/metrics")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

        List<ExpositionSample> samples = PrometheusScrape.of(exposition)
            .samples()
            .stream()
            .filter(s -> s.name().startsWith("agentnexus_") || s.name().startsWith("jvm_"))
            .toList();

        assertThat(samples).anyMatch(s -> s.name().startsWith("agentnexus_"))
            .anyMatch(s -> s.name().startsWith("jvm_"))
            .allSatisfy(s -> assertThat(s.labels()).as(s.name()).containsEntry("application", "execution-service"));
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
