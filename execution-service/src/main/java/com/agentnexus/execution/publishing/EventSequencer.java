package com.agentnexus.execution.publishing;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogChecksum;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.LogStream;
import com.agentnexus.events.ResourcesSampled;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that numbers an execution's events. Each event gets the next seq and is handed to the sink under
 * the same lock, so seq has no gaps and, per partition, broker offsets follow seq order even when the log
 * readers, the resource sampler and the lifecycle publish concurrently. After the terminal status nothing more is
 * accepted: the terminal status is the execution's last event by construction.
 *
 * <p>When the sink refuses an event (its buffer is full during a Kafka outage), the event gets no seq, and neither
 * does any later non-terminal event: a hole in the middle of the log would be a silent loss even with contiguous
 * seqs. The terminal status then becomes FAILED with the number of events not published, and takes the next seq.
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
    private @Nullable TerminalStatus endedWith;

    /**
     * @param lastSeq the seq already used by this execution (0 for a new one; recovery continues from the row)
     */
    EventSequencer(EventEnvelope envelope, long lastSeq, EventSink sink, Clock clock) {
        this(envelope, lastSeq, new LogChecksum(), sink, clock);
    }

    /** @param checksum already fed with the lines published up to {@code lastSeq} (restart recovery) */
    EventSequencer(EventEnvelope envelope, long lastSeq, LogChecksum checksum, EventSink sink, Clock clock) {
        this.envelope = envelope;
        this.checksum = checksum;
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
        long before = lastSeq;
        CompletableFuture<Void> sent = send(seq -> new LogLineEmitted(envelope.executionId(), envelope.agentId(),
                envelope.userId(), seq, clock.millis(), stream, line));
        if (lastSeq != before) {
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
    public synchronized CompletableFuture<Void> terminal(TerminalStatus requested) {
        if (ended) {
            return CompletableFuture.failedFuture(SequenceEndedException.ended(envelope));
        }
        TerminalStatus end = notPublished == 0 ? requested : TerminalStatus.failed(
                "event buffer overflowed during a Kafka outage; " + notPublished + " events were not published",
                requested.exitCode(), requested.durationMs());
        CompletableFuture<Void> sent = send(seq -> new ExecutionStatusChanged(envelope.executionId(),
                envelope.agentId(), envelope.userId(), seq, clock.millis(), end.status(), envelope.agentName(),
                end.priceWei(), end.outputJson(), end.error(), end.exitCode(), end.durationMs(), seq,
                checksum.value()));
        ended = true;
        endedWith = end;
        return sent;
    }

    /**
     * The terminal status actually published — the requested one, or FAILED when events were lost to a full
     * buffer; null before {@link #terminal}. What the execution's row must record.
     */
    public synchronized @Nullable TerminalStatus endedWith() {
        return endedWith;
    }

    /** Events that got no seq because the buffer was full (the execution will end FAILED). */
    public synchronized long notPublished() {
        return notPublished;
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
            return CompletableFuture.failedFuture(SequenceEndedException.ended(envelope));
        }
        ExecutionEvent event = factory.create(lastSeq + 1);
        boolean terminal = event instanceof ExecutionStatusChanged status && status.isTerminal();
        Optional<CompletableFuture<Void>> accepted = notPublished > 0 && !terminal ? Optional.empty()
                : sink.offer(event);
        if (accepted.isEmpty()) {
            if (notPublished++ == 0) {
                log.warn("event buffer full: execution {} publishes nothing more and will end FAILED",
                        envelope.executionId());
            }
            return CompletableFuture.failedFuture(SequenceEndedException.overflowed(envelope));
        }
        lastSeq = event.seq();
        return accepted.get();
    }

    private interface SeqToEvent {
        ExecutionEvent create(long seq);
    }
}
