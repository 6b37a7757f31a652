package com.agentnexus.execution;

import static com.agentnexus.events.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.execution.EventsOnKafka.Received;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Cancel: CANCELLED is the last event, the row says so, and neither the agent's timeout
 * nor a second cancel changes anything afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
@DedicatedDatabase
class CancelExecutionIT {

    @Autowired
    private WebTestClient client;

    @BeforeEach
    void longerTimeouts() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        new Api(client).addSleeper("sleeper-10s", 10_000);
    }

    @Test
    void cancelledRunIsNeverOverwrittenByItsTimeout() {
        String owner = Tokens.forUser("cancel-owner");
        long started = System.nanoTime();
        Api api = new Api(client);
        String id = api.start(owner, "sleeper-10s");
        await().atMost(Duration.ofSeconds(15)).until(() -> api.status(owner, id).equals("RUNNING"));

        api.cancel(owner, id)
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("CANCELLED")
            .jsonPath("$.error")
            .isEqualTo("cancelled");

        List<ExecutionEvent> events = new EventsOnKafka().untilTerminal(id, Duration.ofSeconds(15))
            .stream()
            .map(Received::event)
            .collect(Collectors.toList());
        int n = events.size();
        assertThat(events).isCompleteRun().endsWith(ExecutionStatus.CANCELLED);

        // Not a wait for a fact but the scenario: "nothing happens" while the agent's own
        // timeout (10 s after the start, plus a 2 s margin) passes. Watched throughout:
        // nothing is added on Kafka, nothing changes in the row. A late TIMED_OUT cannot
        // be undone, so it would fail the wait.
        Duration untilTimeoutPassed = Duration.ofSeconds(12).minusNanos(System.nanoTime() - started);
        Duration watch = untilTimeoutPassed.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : untilTimeoutPassed;
        await("nothing changes while the agent's timeout passes").during(watch)
            .atMost(watch.plusSeconds(10))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> {
                assertThat(new EventsToEnd().of(id)).hasSize(n);
                JsonNode row = api.view(owner, id);
                assertThat(row.get("status").asString()).isEqualTo("CANCELLED");
                assertThat(row.get("lastSeq").asLong()).isEqualTo(n);
            });

        api.cancel(owner, id)
            .expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(409);
    }

    @Test
    void anAdminMayCancelAnotherUsersExecutionButNobodyElseMay() {
        String owner = Tokens.forUser("cancel-owner-2");
        Api api = new Api(client);
        String id = api.start(owner, "sleeper-10s");

        api.cancel(Tokens.forUser("mallory"), id)
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.cancel(Tokens.forUser("root", "admin"), id)
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("CANCELLED");
        api.cancel(owner, "not-a-uuid").expectStatus().isNotFound();
        api.cancel(owner, "0190f0a0-0000-7000-8000-000000000000").expectStatus().isNotFound();
    }

    @Test
    void finishedExecutionCannotBeCancelled() {
        String owner = Tokens.forUser("cancel-owner-3");
        Api api = new Api(client);
        String id = api.start(owner, "demo-failing");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.status(owner, id).equals("FAILED"));

        api.cancel(owner, id)
            .expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("The execution has already ended (FAILED); it can no longer be cancelled.");
        assertThat(api.status(owner, id)).isEqualTo("FAILED");
    }

}
