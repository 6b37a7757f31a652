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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that numbers an execution's events. Each event gets the next seq and is
 * handed to the sink under the same lock, so seq has no gaps and, per partition, broker
 * offsets follow seq order even when the log readers, the resource sampler and the
 * lifecycle publish concurrently. After the terminal status nothing more is accepted: the
 * terminal status is the execution's last event by construction.
 *
 * <p>
 * A writer first waits for room in the sink, outside the lock, so a full buffer slows the
 * agent that writes without holding up the execution's terminal status. When the sink
 * gives up (Kafka acknowledged nothing for the outage timeout), the event gets no seq,
 * and neither does any later non-terminal event: a hole in the middle of the log would be
 * a silent loss even with contiguous seqs. The terminal status then becomes FAILED with
 * the number of events not published, and takes the next seq. Resource samples are
 * optional: while publishing is stalled one is skipped without a seq, which loses
 * nothing.
 */
public final class EventSequencer {

    private static final Logger log = LoggerFactory.getLogger(EventSequencer.class);

    private final EventEnvelope envelope;

    private final EventSink sink;

    private final Clock clock;

    private final LogChecksum checksum;

    private long lastSeq;

    private boolean ended;

    private long notPublished;

    private volatile boolean overflowed;

    private volatile boolean released;

    private @Nullable TerminalStatus endedWith;

    /**
     * @param lastSeq the seq already used by this execution (0 for a new one; recovery
     * continues from the row)
     */
    EventSequencer(EventEnvelope envelope, long lastSeq, EventSink sink, Clock clock) {
        this(envelope, lastSeq, new LogChecksum(), sink, clock);
    }

    /**
     * @param checksum already fed with the lines published up to {@code lastSeq} (restart
     * recovery)
     */
    EventSequencer(EventEnvelope envelope, long lastSeq, LogChecksum checksum, EventSink sink, Clock clock) {
        this.envelope = envelope;
        this.checksum = checksum;
        this.lastSeq = lastSeq;
        this.sink = sink;
        this.clock = clock;
    }

    /** Publishes a non-terminal status (PENDING or RUNNING). */
    public CompletableFuture<Void> status(ExecutionStatus status) {
        boolean room = awaitRoom();
        synchronized (this) {
            return send(room, seq -> ExecutionStatusChanged.transition(envelope.executionId(), envelope.agentId(),
                    envelope.userId(), seq, clock.millis(), status, envelope.agentName(), null));
        }
    }

    /**
     * Publishes one (already sanitised and capped) log line and adds it to the checksum.
     */
    public CompletableFuture<Void> log(LogStream stream, String line) {
        boolean room = awaitRoom();
        synchronized (this) {
            long before = lastSeq;
            CompletableFuture<Void> sent = send(room, seq -> new LogLineEmitted(envelope.executionId(),
                    envelope.agentId(), envelope.userId(), seq, clock.millis(), stream, line));
            if (lastSeq != before) {
                checksum.update(line);
            }
            return sent;
        }
    }

    /**
     * Publishes a resource sample, or skips it (no seq, nothing lost) while publishing is
     * stalled.
     */
    public synchronized CompletableFuture<Void> resources(long memoryBytes, double cpuPercent, long durationMs) {
        if (overflowed) {
            // optional: a sample is never counted as lost
            return CompletableFuture.completedFuture(null);
        }
        if (!ended && !sink.takesOptionalEvents()) {
            return CompletableFuture.completedFuture(null);
        }
        return send(true, seq -> new ResourcesSampled(envelope.executionId(), envelope.agentId(), envelope.userId(),
                seq, clock.millis(), memoryBytes, cpuPercent, durationMs));
    }

    /**
     * Publishes the terminal status, carrying the event count and the log checksum, and
     * closes the sequence.
     */
    public synchronized CompletableFuture<Void> terminal(TerminalStatus requested) {
        if (ended) {
            return CompletableFuture.failedFuture(SequenceEndedException.ended(envelope));
        }
        TerminalStatus end = notPublished == 0 ? requested
                : TerminalStatus.failed(
                        "event buffer overflowed during a Kafka outage; " + notPublished + " events were not published",
                        requested.exitCode(), requested.durationMs());
        CompletableFuture<Void> sent = send(true,
                seq -> new ExecutionStatusChanged(envelope.executionId(), envelope.agentId(), envelope.userId(), seq,
                        clock.millis(), end.status(), envelope.agentName(), end.priceWei(), end.outputJson(),
                        end.error(), end.exitCode(), end.durationMs(), seq, checksum.value()));
        ended = true;
        endedWith = end;
        return sent;
    }

    /**
     * The terminal status actually published — the requested one, or FAILED when events
     * were lost to a full buffer; null before {@link #terminal}. What the execution's row
     * must record.
     */
    public synchronized @Nullable TerminalStatus endedWith() {
        return endedWith;
    }

    /**
     * Events that got no seq because an outage outlasted the buffer (the execution will
     * end FAILED).
     */
    synchronized long notPublished() {
        return notPublished;
    }

    /** The seq of the last event handed to the sink. */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** Whether the terminal status has been published. */
    synchronized boolean hasEnded() {
        return ended;
    }

    /**
     * The agent is being killed (timeout, cancel, shutdown): its writers stop waiting for
     * room, so what is left in its pipes — at most a pipe's worth — is published beyond
     * the bound instead of holding up its end.
     */
    public void stopHoldingBack() {
        released = true;
    }

    /**
     * Waits for room in the sink, unless this execution already lost events (then nothing
     * more is numbered).
     */
    private boolean awaitRoom() {
        return overflowed || released || sink.awaitRoom(() -> released);
    }

    /**
     * @param room whether the sink had room for a non-terminal event
     */
    private CompletableFuture<Void> send(boolean room, SeqToEvent factory) {
        if (ended) {
            return CompletableFuture.failedFuture(SequenceEndedException.ended(envelope));
        }
        ExecutionEvent event = factory.create(lastSeq + 1);
        boolean terminal = event instanceof ExecutionStatusChanged status && status.isTerminal();
        if (!terminal && (overflowed || !room)) {
            if (notPublished++ == 0) {
                overflowed = true;
                log.warn("Kafka acknowledged nothing while the event buffer was full: execution {} publishes "
                        + "nothing more and will end FAILED", envelope.executionId());
            }
            sink.notPublished();
            return CompletableFuture.failedFuture(SequenceEndedException.overflowed(envelope));
        }
        lastSeq = event.seq();
        return sink.offer(event);
    }

    private interface SeqToEvent {

        ExecutionEvent create(long seq);

    }

}
