package com.agentnexus.execution.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogChecksum;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.LogStream;
import com.agentnexus.events.UserId;
import com.agentnexus.execution.publishing.EventPublisher;
import com.agentnexus.execution.publishing.EventSink;
import com.agentnexus.execution.publishing.ExecutionHistory;
import com.agentnexus.execution.publishing.TerminalStatus;
import com.fasterxml.uuid.Generators;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Restart recovery against fakes of Kafka (history and sink), the executions and the
 * runner's leftovers.
 */
class RecoverOrphansTest {

    private static final ExecutionId ID = new ExecutionId(Generators.timeBasedEpochGenerator().generate());

    private static final Orphan ORPHAN = new Orphan(ID, new AgentId("demo-worker"), new UserId("u"), "Demo worker",
            ID.createdAt(), ID.createdAt());

    private final HeldSink sink = new HeldSink();

    private final FakeStore store = new FakeStore();

    private final List<ExecutionId> removedLeftovers = new ArrayList<>();

    @Test
    void theRowIsFinishedWhenKafkaAcknowledgesTheTerminalStatusEvenAfterStartUpStoppedWaiting() {
        var recovery = recovery(new ExecutionHistory(2, Set.of(1L, 2L), new TreeMap<>(), null), Duration.ZERO);

        assertThat(recovery.recover(Instant.now())).isEqualTo(1);
        assertThat(sink.events).singleElement().extracting(ExecutionEvent::seq).isEqualTo(3L);
        assertThat(store.finished).isEmpty(); // Kafka is down: nothing acknowledged yet

        sink.acknowledgeAll(); // Kafka is back

        assertThat(store.finished).singleElement().satisfies(finish -> {
            assertThat(finish.end().status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(finish.end().error()).isEqualTo(RecoverOrphans.INTERRUPTED);
            assertThat(finish.lastSeq()).isEqualTo(3);
        });
    }

    @Test
    void aSeqThatNeverReachedKafkaIsFilledWithASystemLineBeforeTheTerminalStatus() {
        var lines = new TreeMap<Long, String>(Map.of(3L, "a", 5L, "b"));
        var recovery = recovery(new ExecutionHistory(5, Set.of(1L, 2L, 3L, 5L), lines, null), Duration.ofSeconds(5));
        sink.acknowledgeAtOnce = true;

        recovery.recover(Instant.now());

        assertThat(sink.events).extracting(ExecutionEvent::seq).containsExactly(4L, 6L);
        var filler = (LogLineEmitted) sink.events.get(0);
        assertThat(filler.stream()).isEqualTo(LogStream.SYSTEM);
        assertThat(filler.line()).isEqualTo(RecoverOrphans.LOST);
        var terminal = (ExecutionStatusChanged) sink.events.get(1);
        assertThat(terminal.eventCount()).isEqualTo(6);
        assertThat(terminal.logChecksum())
            .isEqualTo(new LogChecksum().update("a").update(RecoverOrphans.LOST).update("b").value());
        assertThat(store.finished).singleElement().extracting(Finish::lastSeq).isEqualTo(6L);
        assertThat(removedLeftovers).containsExactly(ID);
    }

    @Test
    void aRowLeftRunningTakesTheTerminalStatusFoundOnKafkaWithoutASecondOne() {
        var completed = new ExecutionStatusChanged(ID, ORPHAN.agentId(), ORPHAN.userId(), 7, System.currentTimeMillis(),
                ExecutionStatus.COMPLETED, "Demo worker", BigInteger.TEN, "{\"answer\":42}", null, 0, 1234L, 7L,
                new LogChecksum().update("a").value());
        var recovery = recovery(
                new ExecutionHistory(7, Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), new TreeMap<>(Map.of(3L, "a")), completed),
                Duration.ZERO);

        assertThat(recovery.recover(Instant.now())).isEqualTo(1);

        assertThat(sink.events).isEmpty();
        assertThat(store.finished).singleElement().satisfies(finish -> {
            assertThat(finish.lastSeq()).isEqualTo(7);
            assertThat(finish.end()).isEqualTo(
                    new TerminalStatus(ExecutionStatus.COMPLETED, BigInteger.TEN, "{\"answer\":42}", null, 0, 1234));
        });
    }

    @Test
    void aTimeoutFoundOnKafkaKeepsItsErrorAndExitCode() {
        var timedOut = new ExecutionStatusChanged(ID, ORPHAN.agentId(), ORPHAN.userId(), 4, System.currentTimeMillis(),
                ExecutionStatus.TIMED_OUT, "Demo worker", null, null, "timed out after 5 s", 143, 5012L, 4L,
                new LogChecksum().value());
        var recovery = recovery(new ExecutionHistory(4, Set.of(1L, 2L, 3L, 4L), new TreeMap<>(), timedOut),
                Duration.ZERO);

        recovery.recover(Instant.now());

        assertThat(sink.events).isEmpty();
        assertThat(store.finished).singleElement().satisfies(finish -> {
            assertThat(finish.lastSeq()).isEqualTo(4);
            assertThat(finish.end())
                .isEqualTo(new TerminalStatus(ExecutionStatus.TIMED_OUT, null, null, "timed out after 5 s", 143, 5012));
        });
    }

    private RecoverOrphans recovery(ExecutionHistory history, Duration ackWait) {
        return new RecoverOrphans(store, (id, atMost) -> history, new EventPublisher(sink, Clock.systemUTC()),
                removedLeftovers::add, Clock.systemUTC(), ackWait);
    }

    private record Finish(TerminalStatus end, long lastSeq) {
    }

    /**
     * Accepts every event; acknowledges only when told (Kafka down until then) or at
     * once.
     */
    private static final class HeldSink implements EventSink {

        final List<ExecutionEvent> events = new CopyOnWriteArrayList<>();

        final List<CompletableFuture<Void>> acks = new CopyOnWriteArrayList<>();

        boolean acknowledgeAtOnce;

        @Override
        public CompletableFuture<Void> offer(ExecutionEvent event) {
            events.add(event);
            var ack = acknowledgeAtOnce ? CompletableFuture.<Void>completedFuture(null) : new CompletableFuture<Void>();
            acks.add(ack);
            return ack;
        }

        void acknowledgeAll() {
            acks.forEach(ack -> ack.complete(null));
        }

    }

    /**
     * The table holds one orphan, live nowhere; an end is written on subscription, at the
     * first attempt.
     */
    private static final class FakeStore implements UnfinishedExecutions {

        final List<Finish> finished = new CopyOnWriteArrayList<>();

        @Override
        public Flux<Orphan> orphans(Instant createdBefore) {
            return Flux.just(ORPHAN);
        }

        @Override
        public boolean isLive(ExecutionId id) {
            return false;
        }

        @Override
        public Mono<Void> recordEnd(ExecutionId id, TerminalStatus end, long lastSeq, Instant finishedAt,
                Duration attempt) {
            return Mono.fromRunnable(() -> finished.add(new Finish(end, lastSeq)));
        }

    }

}
