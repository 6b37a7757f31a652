package com.agentnexus.execution;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Health bodies and status codes. The heap threshold is set to 0 so the heap check is
 * DEGRADED from the start: readiness still answers 200. Then this class's own PostgreSQL
 * is stopped: readiness turns 503 (DOWN outranks DEGRADED), while liveness and /health
 * keep answering 200 with the uptime.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agentnexus.health.heap-degraded-above=0")
@AutoConfigureWebTestClient
@DirtiesContext
@DedicatedDatabase
class ReadinessIT {

    @Autowired
    private WebTestClient client;

    @Test
    void readinessIsDegradedButServingThenUnavailableWithoutPostgres() {
        client.get()
            .uri("/health/ready")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("DEGRADED")
            .jsonPath("$.components.r2dbc.status")
            .isEqualTo("UP")
            .jsonPath("$.components.kafka.status")
            .isEqualTo("UP")
            .jsonPath("$.components.readinessState.status")
            .isEqualTo("UP")
            .jsonPath("$.components.heap.status")
            .isEqualTo("DEGRADED")
            .jsonPath("$.components.heap.details.usedBytes")
            .isNumber();
        liveWithUptime();

        DedicatedPostgres.of(ReadinessIT.class).stop();

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> client.get()
                .uri("/health/ready")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DOWN")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("DOWN")
                .jsonPath("$.components.kafka.status")
                .isEqualTo("UP")
                .jsonPath("$.components.heap.status")
                .isEqualTo("DEGRADED"));
        liveWithUptime();
    }

    private void liveWithUptime() {
        client.get()
            .uri("/health/live")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP")
            .jsonPath("$.components.uptime.details.uptime")
            .isNotEmpty()
            .jsonPath("$.components.uptime.details.startedAt")
            .isNotEmpty();
        client.get()
            .uri("/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.components.uptime.details.uptimeSeconds")
            .isNumber()
            .jsonPath("$.components.r2dbc")
            .exists()
            .jsonPath("$.components.kafka")
            .exists()
            .jsonPath("$.components.heap")
            .exists();
    }

}
