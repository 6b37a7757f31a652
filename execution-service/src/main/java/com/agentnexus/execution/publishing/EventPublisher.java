package com.agentnexus.execution.publishing;

import com.agentnexus.events.LogChecksum;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.LogStream;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/** Opens the event sequence of an execution. */
@Component
public class EventPublisher {

    private final EventSink sink;

    private final Clock clock;

    public EventPublisher(EventSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** A new execution's sequence, starting at seq 1. */
    public EventSequencer open(EventEnvelope envelope) {
        return resume(envelope, 0);
    }

    /**
     * Whether an event offered now would be published promptly: false while events wait
     * for Kafka beyond the stall threshold (an outage). Lets a caller refuse new work at
     * once (503) instead of waiting for an ack.
     */
    public boolean isPublishingPromptly() {
        return !(sink instanceof EventOutbox outbox && outbox.stalled());
    }

    /** Continues a sequence after {@code lastSeq} (restart recovery). */
    EventSequencer resume(EventEnvelope envelope, long lastSeq) {
        return new EventSequencer(envelope, lastSeq, sink, clock);
    }

    /**
     * Continues a sequence after {@code lastSeq} whose log checksum already covers the
     * lines published so far (restart recovery recomputes it from Kafka), so the terminal
     * status carries the checksum of every line.
     */
    public EventSequencer resume(EventEnvelope envelope, long lastSeq, LogChecksum checksum) {
        return new EventSequencer(envelope, lastSeq, checksum, sink, clock);
    }

    /**
     * Restart recovery: publishes a {@code system} log line at a seq that a dead process
     * numbered but Kafka never received, so the execution's seqs have no hole a
     * subscriber would wait on forever. The caller publishes these in seq order, before
     * resuming the sequence, and counts the line in the checksum.
     * @return the acknowledgement
     */
    public CompletableFuture<Void> fillLost(EventEnvelope envelope, long seq, String line) {
        var event = new LogLineEmitted(envelope.executionId(), envelope.agentId(), envelope.userId(), seq,
                clock.millis(), LogStream.SYSTEM, line);
        return sink.offer(event);
    }

}
