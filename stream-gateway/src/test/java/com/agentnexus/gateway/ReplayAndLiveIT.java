package com.agentnexus.gateway;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static com.agentnexus.events.ExecutionFixture.anExecutionCreatedAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionStatusChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReplayAndLiveIT extends GatewayIntegrationTest {

    @Test
    void lateSubscriberReceivesTheWholeHistoryFromSeqOne() {
        ExecutionFixture run = finishedRun("alice", 8);
        publish(run.events());

        try (StreamClient client = connect("alice")) {
            client.subscribe(run.executionId());
            client.awaitTerminalStatus(run.executionId());
            client.roundTrip();

            assertThat(client.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(1, run.events().size()));
            List<JsonNode> messages = client.messagesAbout(run.executionId());
            assertThat(messages).extracting(StreamClient::type).containsExactlyElementsOf(wireTypes(run.events()));
            assertThat(messages.get(0).get("data").get("status").stringValue()).isEqualTo("PENDING");
            assertThat(messages.get(2).get("data").get("log").stringValue()).isEqualTo("line 1");
        }
    }

    @Test
    void liveSubscriberReceivesEventsAsTheyArriveInOrder() {
        ExecutionFixture run = anExecution().ownedBy("alice");
        // the execution service acknowledges PENDING before it hands out the id
        publish(List.of(run.pending()));

        try (StreamClient client = connect("alice")) {
            client.subscribe(run.executionId());
            client.awaitMessage(message -> message.path("seq").asLong() == 1);
            run.running();
            for (int i = 1; i <= 10; i++) {
                run.stdout("live " + i);
            }
            run.resources(64 * 1024 * 1024, 12.5);
            run.completed("{\"ok\":true}");
            publish(run.events().subList(1, run.events().size()));

            client.awaitTerminalStatus(run.executionId());
            client.roundTrip();
            assertThat(client.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(1, run.events().size()));
        }
    }

    @Test
    void handOverFromReplayToLiveLosesAndDuplicatesNothing() {
        List<ExecutionFixture> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(finishedRun("alice", 30));
        }
        try (StreamClient client = connect("alice")) {
            List<CompletableFuture<Void>> secondHalves = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                List<ExecutionEvent> events = runs.get(i).events();
                int split = 5 + i * 7;
                publish(events.subList(0, split));
                client.subscribe(runs.get(i).executionId());
                // racing the subscription's replay: some of these land before its end
                // offsets, some after
                secondHalves.add(CompletableFuture.runAsync(() -> publish(events.subList(split, events.size()))));
            }
            CompletableFuture.allOf(secondHalves.toArray(CompletableFuture[]::new)).join();

            for (ExecutionFixture run : runs) {
                client.awaitTerminalStatus(run.executionId());
            }
            client.roundTrip();
            for (ExecutionFixture run : runs) {
                assertThat(client.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(1, run.events().size()));
            }
        }
    }

    @Test
    void resumesAfterFromSeq() {
        ExecutionFixture run = finishedRun("alice", 6);
        publish(run.events());

        try (StreamClient client = connect("alice")) {
            client.subscribe(run.executionId(), 4);
            client.awaitTerminalStatus(run.executionId());
            client.roundTrip();

            assertThat(client.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(5, run.events().size()));
        }
    }

    @Test
    void replaySeeksNearTheExecutionsStartInsteadOfReadingFromOffsetZero() {
        // created (and stamped) two minutes ahead, so the records of earlier tests fall
        // outside the start margin
        ExecutionFixture run = finishedRun(anExecutionCreatedAt(System.currentTimeMillis() + 120_000).ownedBy("alice"),
                3);
        // a record far older than the execution, keyed by its id and owned by someone
        // else: a replay that read the partition from the beginning would see it and
        // refuse alice
        long longBefore = run.executionId().createdAt().minus(Duration.ofMinutes(10)).toEpochMilli();
        ExecutionStatusChanged stale = ExecutionStatusChanged.transition(run.executionId(), run.agentId(),
                new com.agentnexus.events.UserId("mallory"), 1, longBefore,
                com.agentnexus.events.ExecutionStatus.PENDING, "Stale", null);
        publish(stale, longBefore);
        publish(run.events());

        try (StreamClient client = connect("alice")) {
            client.subscribe(run.executionId());
            client.awaitTerminalStatus(run.executionId());
            client.roundTrip();

            assertThat(client.seqsOf(run.executionId())).containsExactlyElementsOf(seqs(1, run.events().size()));
            assertThat(client.messagesAbout(run.executionId())).extracting(StreamClient::type).doesNotContain("error");
        }
    }

    static ExecutionFixture finishedRun(String owner, int lines) {
        return finishedRun(anExecution().ownedBy(owner), lines);
    }

    static ExecutionFixture finishedRun(ExecutionFixture run, int lines) {
        run.pending();
        run.running();
        for (int i = 1; i <= lines; i++) {
            if (i % 3 == 0) {
                run.stderr("line " + i);
            }
            else {
                run.stdout("line " + i);
            }
            if (i % 4 == 0) {
                run.resources(1024L * i, i * 1.5);
            }
        }
        run.completed("{\"lines\":" + lines + "}");
        return run;
    }

    static List<Long> seqs(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().collect(Collectors.toList());
    }

    private static List<String> wireTypes(List<ExecutionEvent> events) {
        return events.stream()
            .map(event -> event.type().wireName().equals("resource") ? "metrics" : event.type().wireName())
            .collect(Collectors.toList());
    }

}
