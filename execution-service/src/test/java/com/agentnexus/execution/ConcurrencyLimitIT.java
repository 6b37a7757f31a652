package com.agentnexus.execution;

import static com.agentnexus.events.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
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

/** One execution runs, one waits; a third is refused with 429 and leaves no trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "agentnexus.execution.max-running=1", "agentnexus.execution.max-queued=1" })
@AutoConfigureWebTestClient
@DirtiesContext
@DedicatedDatabase
class ConcurrencyLimitIT {

    @Autowired
    private WebTestClient client;

    private Api api;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        api = new Api(client);
        api.addSleeper("sleeper-60s", 60_000);
    }

    @Test
    void beyondTheQueueStartsAreRefusedAndTheQueuedOneRunsWhenTheFirstEnds() {
        String user = Tokens.forUser("busy-user");
        String first = api.start(user, "sleeper-60s");
        await().atMost(Duration.ofSeconds(15)).until(() -> api.status(user, first).equals("RUNNING"));
        String queued = api.start(user, "demo-worker");

        api.post(user, "{\"agentId\":\"demo-worker\"}")
            .expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(429)
            .jsonPath("$.title")
            .isEqualTo("Too many executions");
        // Refused means not created: the user has exactly the two accepted executions.
        api.get(user, "/api/executions").expectStatus().isOk().expectBody().jsonPath("$.totalItems").isEqualTo(2);
        assertThat(api.status(user, queued)).isEqualTo("PENDING");

        api.cancel(user, first).expectStatus().isOk();
        List<ExecutionEvent> events = new EventsOnKafka().untilTerminal(queued, Duration.ofSeconds(30))
            .stream()
            .map(Received::event)
            .collect(Collectors.toList());
        assertThat(((ExecutionStatusChanged) events.get(events.size() - 1)).status())
            .isEqualTo(ExecutionStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.status(user, queued).equals("COMPLETED"));
    }

    @Test
    void aQueuedExecutionIsCancelledWithoutRunning() {
        String user = Tokens.forUser("queue-user");
        String first = api.start(user, "sleeper-60s");
        await().atMost(Duration.ofSeconds(15)).until(() -> api.status(user, first).equals("RUNNING"));
        String queued = api.start(user, "demo-worker");

        api.cancel(user, queued).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        List<ExecutionEvent> events = new EventsOnKafka().untilTerminal(queued, Duration.ofSeconds(15))
            .stream()
            .map(Received::event)
            .collect(Collectors.toList());
        assertThat(events).extracting(event -> ((ExecutionStatusChanged) event).status())
            .containsExactly(ExecutionStatus.PENDING, ExecutionStatus.CANCELLED);
        assertThat(events).isCompleteRun();
        assertThat(api.view(user, queued).get("startedAt")).isNull();

        // Its place is free again: another start is accepted while the first still runs.
        String next = api.start(user, "demo-failing");
        api.cancel(user, first).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.status(user, next).equals("FAILED"));
    }

}
