package com.agentnexus.execution.publishing;

import static com.agentnexus.events.EventAssertions.assertThat;
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
import com.fasterxml.uuid.Generators;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class EventSequencerTest {

    /**
     * Records events in the order the sequencer hands them over, as the Kafka producer
     * would append them.
     */
    private final List<ExecutionEvent> sent = new ArrayList<>();

    /** Whether the sink has room; false plays an outage that outlasted the buffer. */
    private volatile boolean room = true;

    private volatile boolean stalled;

    private int notPublished;

    private final EventSink sink = new EventSink() {
        @Override
        public CompletableFuture<Void> offer(ExecutionEvent event) {
            sent.add(event);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean awaitRoom(BooleanSupplier stopWaiting) {
            return room || stopWaiting.getAsBoolean();
        }

        @Override
        public boolean takesOptionalEvents() {
            return !stalled;
        }

        @Override
        public void notPublished() {
            notPublished++;
        }
    };

    private final EventEnvelope envelope = new EventEnvelope(
            new ExecutionId(Generators.timeBasedEpochGenerator().generate()), new AgentId("demo-worker"),
            new UserId("alice"), "Demo worker");

    private final EventPublisher publisher = new EventPublisher(sink, Clock.systemUTC());

    @Test
    void numbersConcurrentEventsWithoutGapsInHandOverOrder() throws Exception {
        EventSequencer events = publisher.open(envelope);
        events.status(ExecutionStatus.PENDING);
        events.status(ExecutionStatus.RUNNING);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    events.log(thread % 2 == 0 ? LogStream.STDOUT : LogStream.STDERR, "t" + thread + " line " + i);
                    if (i % 50 == 0) {
                        events.resources(1024, 12.5, i);
                    }
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        events.terminal(TerminalStatus.completed(BigInteger.TEN, "{\"ok\":true}", 0, 1234)).get();

        assertThat(sent).hasSize(2 + 1000 + 20 + 1).isCompleteRun().endsWith(ExecutionStatus.COMPLETED);
        var terminal = (ExecutionStatusChanged) sent.get(sent.size() - 1);
        assertThat(terminal.priceWei()).isEqualTo(BigInteger.TEN);
        assertThat(events.lastSeq()).isEqualTo(sent.size());
    }

    @Test
    void acceptsNothingAfterTheTerminalStatus() {
        EventSequencer events = publisher.open(envelope);
        events.status(ExecutionStatus.PENDING);
        events.terminal(TerminalStatus.failed("exited with code 3", 3, 10));

        CompletableFuture<Void> late = events.log(LogStream.STDOUT, "too late");

        assertThat(late).isCompletedExceptionally();
        assertThat(sent).hasSize(2);
        assertThat(events.hasEnded()).isTrue();
        assertThat(((ExecutionStatusChanged) sent.get(1)).exitCode()).isEqualTo(3);
    }

    @Test
    void resumedSequenceContinuesAfterTheLastSeq() {
        EventSequencer events = publisher.resume(envelope, 41);
        events.terminal(TerminalStatus.failed("interrupted", null, 0));
        assertThat(sent).singleElement().satisfies(event -> assertThat(event.seq()).isEqualTo(42));
    }

    @Test
    void aFullBufferStopsNumberingAndTurnsTheTerminalIntoFailedWithTheCount() {
        EventSequencer events = publisher.open(envelope);
        events.status(ExecutionStatus.PENDING);
        events.status(ExecutionStatus.RUNNING);
        events.log(LogStream.STDOUT, "line 1");
        room = false;
        CompletableFuture<Void> refused = events.log(LogStream.STDOUT, "line 2");
        room = true;
        events.log(LogStream.STDOUT, "line 3, room again but after a loss");
        events.resources(1, 1.0, 10);
        events.terminal(TerminalStatus.completed(BigInteger.TEN, "{}", 0, 99));

        assertThat(refused).isCompletedExceptionally();
        assertThat(sent).extracting(ExecutionEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        var terminal = (ExecutionStatusChanged) sent.get(3);
        assertThat(terminal.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(terminal.error())
            .isEqualTo("event buffer overflowed during a Kafka outage; 2 events were not published");
        assertThat(terminal.priceWei()).isNull();
        assertThat(terminal.exitCode()).isZero();
        assertThat(terminal.durationMs()).isEqualTo(99);
        assertThat(terminal.eventCount()).isEqualTo(4);
        assertThat(terminal.logChecksum()).isEqualTo(checksumOfLogLines());
        assertThat(events.endedWith()).isNotNull()
            .satisfies(end -> assertThat(end.status()).isEqualTo(ExecutionStatus.FAILED));
        assertThat(events.notPublished()).as("the two lines; a sample is optional, never lost").isEqualTo(2);
        assertThat(notPublished).as("each lost event is counted, not the incident").isEqualTo(2);
    }

    @Test
    void aKilledAgentsLastLinesAreNotHeldBackByAFullBuffer() {
        EventSequencer events = publisher.open(envelope);
        events.status(ExecutionStatus.RUNNING);
        room = false; // a full buffer during an outage: this writer would give up and
                      // lose its line
        events.stopHoldingBack();
        events.log(LogStream.STDOUT, "printed before the kill");
        events.terminal(TerminalStatus.timedOut("timed out after 1 s", 137, 1000));

        assertThat(sent).extracting(ExecutionEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(((ExecutionStatusChanged) sent.get(2)).status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(notPublished).isZero();
    }

    @Test
    void aStalledSinkSkipsResourceSamplesWithoutASeqAndWithoutALoss() {
        EventSequencer events = publisher.open(envelope);
        events.status(ExecutionStatus.RUNNING);
        stalled = true;
        CompletableFuture<Void> skipped = events.resources(1, 1.0, 10);
        stalled = false;
        events.log(LogStream.STDOUT, "after the stall");
        events.terminal(TerminalStatus.completed(BigInteger.ONE, "{}", 0, 20));

        assertThat(skipped).isCompleted();
        assertThat(sent).extracting(ExecutionEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(((ExecutionStatusChanged) sent.get(2)).status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(notPublished).isZero();
    }

    @Test
    void endedWithIsTheRequestedTerminalWhenNothingWasLost() {
        EventSequencer events = publisher.open(envelope);
        TerminalStatus end = TerminalStatus.failed("exited with code 3", 3, 10);
        events.terminal(end);
        assertThat(events.endedWith()).isEqualTo(end);
        assertThat(events.terminal(end)).isCompletedExceptionally();
        assertThat(sent).hasSize(1);
    }

    private String checksumOfLogLines() {
        var checksum = new LogChecksum();
        sent.stream()
            .filter(LogLineEmitted.class::isInstance)
            .map(LogLineEmitted.class::cast)
            .forEach(log -> checksum.update(log.line()));
        return checksum.value();
    }

}
