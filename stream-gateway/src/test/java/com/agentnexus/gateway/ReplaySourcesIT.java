package com.agentnexus.gateway;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static com.agentnexus.events.ExecutionFixture.anExecutionCreatedAt;
import static com.agentnexus.gateway.ReplayAndLiveIT.finishedRun;
import static com.agentnexus.gateway.ReplayAndLiveIT.seqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.kafka.EventConsumers;
import com.agentnexus.gateway.replay.ExecutionIndex;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Where a subscribe's history comes from, and what it costs: the in-memory window for
 * executions the gateway saw from their start, a pooled consumer otherwise, and for an id
 * that does not exist — or is not the viewer's — an answer bounded by that id's own
 * execution, never by the partition.
 */
@TestPropertySource(properties = { "agentnexus.gateway.replay.start-margin=2s",
        "agentnexus.gateway.replay.window-per-execution=64KB" })
class ReplaySourcesIT extends GatewayIntegrationTest {

    private static final String NOT_FOUND_MESSAGE = "no events found for this execution";

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private EventConsumers consumers;

    @Autowired
    private ExecutionIndex index;

    @Value("${agentnexus.gateway.replay.max-concurrent:16}")
    private int poolSize;

    /**
     * Executions created from now on are younger than the index's horizon (plus the start
     * margin): the gateway has seen them from their start.
     */
    @BeforeEach
    void awaitExecutionsTheGatewaySeesFromTheirStart() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(index.horizon().plusSeconds(3)));
    }

    @Test
    void twoHundredSubscribesToRunningAndFinishedExecutionsCreateNoConsumerBeyondThePool() {
        List<ExecutionFixture> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ExecutionFixture run = i % 2 == 0 ? finishedRun("alice", 6) : runningRun("alice", 6);
            publish(run.events());
            runs.add(run);
        }
        double fromKafka = kafkaReplays();

        List<StreamClient> clients = IntStream.range(0, 20).mapToObj(i -> connect("alice")).toList();
        try {
            clients.forEach(client -> runs.forEach(run -> client.subscribe(run.executionId())));
            await().atMost(Duration.ofSeconds(30))
                .until(() -> clients.stream()
                    .allMatch(client -> runs.stream()
                        .allMatch(run -> client.seqsOf(run.executionId()).size() >= run.events().size())));
            for (StreamClient client : clients) {
                client.roundTrip();
                for (ExecutionFixture run : runs) {
                    assertThat(client.seqsOf(run.executionId()))
                        .containsExactlyElementsOf(seqs(1, run.events().size()));
                }
            }
        }
        finally {
            clients.forEach(StreamClient::close);
        }

        assertThat(kafkaReplays()).as("replays that read Kafka").isEqualTo(fromKafka);
        // the live consumer, and at most the pool (for other tests' replays and end
        // offsets)
        assertThat(consumers.createdCount()).isLessThanOrEqualTo(1 + poolSize);
    }

    @Test
    void aLateJoinerOfARunningExecutionGetsEverythingOnceFromMemoryThenLive() {
        ExecutionFixture run = runningRun("alice", 40);
        publish(run.events());
        double scanned = scanned();
        double fromKafka = kafkaReplays();
        long created = consumers.createdCount();

        try (StreamClient fromStart = connect("alice"); StreamClient fromMiddle = connect("alice")) {
            fromStart.subscribe(run.executionId());
            fromMiddle.subscribe(run.executionId(), 20);
            int published = run.events().size();
            fromStart.awaitMessage(message -> message.path("seq").asLong() == published);
            fromMiddle.awaitMessage(message -> message.path("seq").asLong() == published);
            for (int i = 0; i < 10; i++) {
                run.stdout("after " + i);
            }
            run.completed("{}");
            publish(run.events().subList(published, run.events().size()));

            for (StreamClient client : List.of(fromStart, fromMiddle)) {
                client.awaitTerminalStatus(run.executionId());
                client.roundTrip();
            }
            assertThat(fromStart.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(1, run.events().size()));
            assertThat(fromMiddle.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(21, run.events().size()));
        }
        assertThat(scanned()).as("records read from Kafka").isEqualTo(scanned);
        assertThat(kafkaReplays()).isEqualTo(fromKafka);
        assertThat(consumers.createdCount()).isEqualTo(created);
        assertThat(meters.get("agentnexus.websocket.replay.duration")
            .tags("source", "memory", "outcome", "completed")
            .timer()
            .count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.get("agentnexus.websocket.live.consumer.lag").gauge().value()).isNotNegative();
    }

    @Test
    void aCraftedIdIsNotFoundWithoutReadingTheRecordsOfTheExecutionsAroundIt() {
        // a busy partition: whatever it holds must not be read for ids that are not there
        for (int i = 0; i < 20; i++) {
            publish(finishedRun("bob", 30).events());
        }
        Instant horizon = index.horizon();
        List<ExecutionId> crafted = List.of(anExecutionCreatedAt(1_000).executionId(),
                anExecutionCreatedAt(horizon.minusSeconds(1).toEpochMilli()).executionId(),
                anExecutionCreatedAt(horizon.minusSeconds(3600).toEpochMilli()).executionId(),
                anExecution().executionId());
        double scanned = scanned();

        try (StreamClient alice = connect("alice")) {
            for (ExecutionId id : crafted) {
                alice.subscribe(id);
                JsonNode error = alice.awaitError(id);
                assertThat(StreamClient.code(error)).as("%s", id.createdAt()).isEqualTo("NOT_FOUND");
                assertThat(error.get("data").get("message").stringValue()).isEqualTo(NOT_FOUND_MESSAGE);
            }
        }
        assertThat(scanned()).as("records read from Kafka for crafted ids").isEqualTo(scanned);
    }

    @Test
    void someoneElsesExecutionIsNotFoundJustLikeANonexistentOne() {
        // indexed: seen by the gateway from its start
        ExecutionFixture recent = finishedRun("bob", 5);
        publish(recent.events());
        // older than the index: its id says it was created before the gateway started
        ExecutionFixture old = finishedRun(
                anExecutionCreatedAt(index.horizon().minusSeconds(600).toEpochMilli()).ownedBy("bob"), 5);
        publish(old.events());

        try (StreamClient mallory = connect("mallory"); StreamClient bob = connect("bob")) {
            for (ExecutionId id : List.of(recent.executionId(), old.executionId(), anExecution().executionId())) {
                mallory.subscribe(id);
                JsonNode error = mallory.awaitError(id);
                assertThat(StreamClient.code(error)).isEqualTo("NOT_FOUND");
                assertThat(error.get("data").get("message").stringValue()).isEqualTo(NOT_FOUND_MESSAGE);
            }
            mallory.roundTrip();
            assertThat(mallory.received()).filteredOn(message -> !StreamClient.type(message).equals("pong"))
                .allMatch(message -> StreamClient.type(message).equals("error"));

            for (ExecutionFixture run : List.of(recent, old)) {
                bob.subscribe(run.executionId());
                bob.awaitTerminalStatus(run.executionId());
            }
            bob.roundTrip();
            assertThat(bob.seqsOf(recent.executionId())).containsExactlyElementsOf(seqs(1, recent.events().size()));
            assertThat(bob.seqsOf(old.executionId())).containsExactlyElementsOf(seqs(1, old.events().size()));
        }
    }

    @Test
    void anExecutionLargerThanItsWindowIsReplayedFromKafkaCompletelyAndItsTailFromMemory() {
        // ~600 events of ~250 bytes: more than the 64 KB window of one execution
        ExecutionFixture run = finishedRun("alice", 500);
        publish(run.events());
        int last = run.events().size();

        try (StreamClient client = connect("alice")) {
            double fromKafka = kafkaReplays();
            client.subscribe(run.executionId());
            client.awaitTerminalStatus(run.executionId());
            client.roundTrip();
            assertThat(client.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(1, last));
            assertThat(kafkaReplays()).isEqualTo(fromKafka + 1);
        }
        try (StreamClient resuming = connect("alice")) {
            double scanned = scanned();
            resuming.subscribe(run.executionId(), last - 10);
            resuming.awaitTerminalStatus(run.executionId());
            resuming.roundTrip();
            assertThat(resuming.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(last - 9, last));
            assertThat(scanned()).as("the tail is in memory").isEqualTo(scanned);
        }
    }

    static ExecutionFixture runningRun(String owner, int lines) {
        ExecutionFixture run = anExecution().ownedBy(owner);
        run.pending();
        run.running();
        for (int i = 1; i <= lines; i++) {
            run.stdout("line " + i);
        }
        return run;
    }

    private double kafkaReplays() {
        return meters.get("agentnexus.websocket.subscribes").tag("source", "kafka").counter().count();
    }

    private double scanned() {
        return meters.get("agentnexus.gateway.replay.scanned.records").counter().count();
    }

}
