package com.agentnexus.execution.publishing;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** Opens the event sequence of an execution. */
@Component
public class EventPublisher {

    private final EventSink sink;
    private final Clock clock;

    EventPublisher(EventSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** A new execution's sequence, starting at seq 1. */
    public EventSequencer open(EventEnvelope envelope) {
        return resume(envelope, 0);
    }

    /** Continues a sequence after {@code lastSeq} (restart recovery). */
    public EventSequencer resume(EventEnvelope envelope, long lastSeq) {
        return new EventSequencer(envelope, lastSeq, sink, clock);
    }
}
