package com.agentnexus.execution.publishing;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogChecksum;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.LogStream;
import com.agentnexus.events.ResourcesSampled;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * The one place that numbers an execution's events. Each event gets the next seq and is handed to the sink under
 * the same lock, so seq has no gaps and, per partition, broker offsets follow seq order even when the log
 * readers, the resource sampler and the lifecycle publish concurrently. After the terminal status nothing more is
 * accepted: the terminal status is the execution's last event by construction.
 */
public final class EventSequencer {

    private final EventEnvelope envelope;
    private final EventSink sink;
    private final Clock clock;
    private final LogChecksum checksum = new LogChecksum();
    private long lastSeq;
    private boolean ended;

    /**
     * @param lastSeq the seq already used by this execution (0 for a new one; recovery continues from the row)
     */
    EventSequencer(EventEnvelope envelope, long lastSeq, EventSink sink, Clock clock) {
        this.envelope = envelope;
        this.lastSeq = lastSeq;
        this.sink = sink;
        this.clock = clock;
    }

    /** Publishes a non-terminal status (PENDING or RUNNING). */
    public synchronized CompletableFuture<Void> status(ExecutionStatus status) {
        return send(seq -> ExecutionStatusChanged.transition(envelope.executionId(), envelope.agentId(),
                envelope.userId(), seq, clock.millis(), status, envelope.agentName(), null));
    }

    /** Publishes one (already sanitised and capped) log line and adds it to the checksum. */
    public synchronized CompletableFuture<Void> log(LogStream stream, String line) {
        CompletableFuture<Void> sent = send(seq -> new LogLineEmitted(envelope.executionId(), envelope.agentId(),
                envelope.userId(), seq, clock.millis(), stream, line));
        if (!ended) {
            checksum.update(line);
        }
        return sent;
    }

    /** Publishes a resource sample. */
    public synchronized CompletableFuture<Void> resources(long memoryBytes, double cpuPercent, long durationMs) {
        return send(seq -> new ResourcesSampled(envelope.executionId(), envelope.agentId(), envelope.userId(), seq,
                clock.millis(), memoryBytes, cpuPercent, durationMs));
    }

    /** Publishes the terminal status, carrying the event count and the log checksum, and closes the sequence. */
    public synchronized CompletableFuture<Void> terminal(TerminalStatus end) {
        CompletableFuture<Void> sent = send(seq -> new ExecutionStatusChanged(envelope.executionId(),
                envelope.agentId(), envelope.userId(), seq, clock.millis(), end.status(), envelope.agentName(),
                end.priceWei(), end.outputJson(), end.error(), end.exitCode(), end.durationMs(), seq,
                checksum.value()));
        ended = true;
        return sent;
    }

    /** The seq of the last event handed to the sink. */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** Whether the terminal status has been published. */
    public synchronized boolean hasEnded() {
        return ended;
    }

    private CompletableFuture<Void> send(SeqToEvent factory) {
        if (ended) {
            return CompletableFuture.failedFuture(new SequenceEndedException(envelope));
        }
        ExecutionEvent event = factory.create(lastSeq + 1);
        lastSeq = event.seq();
        return sink.send(event);
    }

    private interface SeqToEvent {
        ExecutionEvent create(long seq);
    }
}
