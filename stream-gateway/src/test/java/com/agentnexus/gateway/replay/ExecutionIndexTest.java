package com.agentnexus.gateway.replay;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static com.agentnexus.events.ExecutionFixture.anExecutionCreatedAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.Topics;
import com.agentnexus.events.UserId;
import com.agentnexus.support.TopicsProperties;
import com.agentnexus.support.Viewer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ExecutionIndexTest {

    private static final Viewer ALICE = new Viewer(new UserId("alice"), false);

    private static final Viewer MALLORY = new Viewer(new UserId("mallory"), false);

    private final Map<String, Long> offsets = new HashMap<>();

    private ExecutionIndex index(int capacity, String perExecution, String total) {
        ReplayProperties properties = new ReplayProperties(Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofSeconds(30), 4, Duration.ofHours(24), 1000, DataSize.parse(perExecution),
                DataSize.parse(total), capacity);
        ExecutionIndex index = new ExecutionIndex(properties, topicsProperties(), new SimpleMeterRegistry());
        index.start(Instant.now().minusSeconds(10), Map.of());
        return index;
    }

    private static TopicsProperties topicsProperties() {
        return new TopicsProperties(Topics.DEFAULT_LOGS, Topics.DEFAULT_STATUS, Topics.DEFAULT_RESOURCES, 3);
    }

    private void offer(ExecutionIndex index, List<ExecutionEvent> events) {
        for (ExecutionEvent event : events) {
            String topic = Topics.DEFAULTS.topicFor(event.type());
            long offset = offsets.merge(topic, 1L, Long::sum);
            index.offer(event.executionId(), topic, 0, offset, event.timestamp(), 100, () -> Optional.of(event));
        }
    }

    private static ExecutionFixture run(int lines) {
        ExecutionFixture run = anExecution().ownedBy("alice");
        run.pending();
        run.running();
        for (int i = 0; i < lines; i++) {
            run.stdout("line " + i);
        }
        return run;
    }

    @Test
    void servesAnExecutionSeenFromItsStartFromMemoryAfterFromSeq() {
        ExecutionIndex index = index(100, "1MB", "10MB");
        ExecutionFixture run = run(10);
        offer(index, run.events());

        var all = (ExecutionIndex.Lookup.InMemory) index.lookup(run.executionId(), ALICE, 0);
        assertThat(all.events()).containsExactlyElementsOf(run.events());
        var tail = (ExecutionIndex.Lookup.InMemory) index.lookup(run.executionId(), ALICE, 9);
        assertThat(tail.events()).containsExactlyElementsOf(run.events().subList(9, 12));
        var nothingNew = (ExecutionIndex.Lookup.InMemory) index.lookup(run.executionId(), ALICE, 50);
        assertThat(nothingNew.events()).as("one event, so the subscription learns it exists").hasSize(1);
    }

    @Test
    void anotherUsersExecutionAndANonexistentOneLookTheSame() {
        ExecutionIndex index = index(100, "1MB", "10MB");
        ExecutionFixture run = run(3);
        offer(index, run.events());

        assertThat(index.lookup(run.executionId(), MALLORY, 0)).isInstanceOf(ExecutionIndex.Lookup.Unknown.class);
        assertThat(index.lookup(anExecution().executionId(), MALLORY, 0))
            .isInstanceOf(ExecutionIndex.Lookup.Unknown.class);
    }

    @Test
    void aWindowBeyondItsBudgetKeepsItsTailAndSendsEarlierSubscribersToKafka() {
        // 100 bytes + overhead per event: about six fit in 1 KB
        ExecutionIndex index = index(100, "1KB", "10MB");
        ExecutionFixture run = run(30);
        offer(index, run.events());

        assertThat(index.lookup(run.executionId(), ALICE, 0)).isInstanceOf(ExecutionIndex.Lookup.FromOffsets.class);
        var tail = (ExecutionIndex.Lookup.InMemory) index.lookup(run.executionId(), ALICE, 30);
        assertThat(tail.events()).containsExactlyElementsOf(run.events().subList(30, 32));
        assertThat(index.windowBytes()).isLessThanOrEqualTo(1024);
    }

    @Test
    void theTotalBudgetDropsEndedExecutionsFirst() {
        ExecutionIndex index = index(100, "1MB", "3KB");
        ExecutionFixture ended = run(5);
        ended.completed("{}");
        offer(index, ended.events());
        ExecutionFixture running = run(5);
        offer(index, running.events());
        ExecutionFixture another = run(5);
        offer(index, another.events());

        assertThat(index.windowBytes()).isLessThanOrEqualTo(3 * 1024);
        assertThat(index.lookup(ended.executionId(), ALICE, 0)).isInstanceOf(ExecutionIndex.Lookup.FromOffsets.class);
        assertThat(index.lookup(another.executionId(), ALICE, 0)).isInstanceOf(ExecutionIndex.Lookup.InMemory.class);
    }

    @Test
    void forgettingAnExecutionMovesTheHorizonPastIt() {
        ExecutionIndex index = index(2, "1MB", "10MB");
        ExecutionFixture first = run(1);
        offer(index, first.events());
        offer(index, run(1).events());
        offer(index, run(1).events());

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.horizon()).isAfter(first.executionId().createdAt());
        assertThat(index.lookup(first.executionId(), ALICE, 0)).as("no longer known: found by time")
            .isInstanceOf(ExecutionIndex.Lookup.ByTime.class);
    }

    @Test
    void anIdOlderThanTheHorizonIsReadByTimeAndNotPastTheHorizonUnlessItIsTheViewers() {
        ExecutionIndex index = index(100, "1MB", "10MB");
        index.start(Instant.now(), Map.of(new TopicPartition(Topics.DEFAULT_LOGS, 0), 7L));
        ExecutionFixture old = anExecutionCreatedAt(System.currentTimeMillis() - 600_000).ownedBy("alice");
        old.pending();
        offer(index, old.events());

        assertThat(index.lookup(old.executionId(), ALICE, 0)).isEqualTo(new ExecutionIndex.Lookup.ByTime(Map.of()));
        assertThat(index.lookup(old.executionId(), MALLORY, 0))
            .isEqualTo(new ExecutionIndex.Lookup.ByTime(Map.of(new TopicPartition(Topics.DEFAULT_LOGS, 0), 7L)));
        assertThat(index.lookup(anExecutionCreatedAt(1_000).executionId(), MALLORY, 0))
            .isEqualTo(new ExecutionIndex.Lookup.ByTime(Map.of(new TopicPartition(Topics.DEFAULT_LOGS, 0), 7L)));
    }

}
