package com.agentnexus.execution.publishing;

import com.agentnexus.events.ExecutionEvent;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Where sequenced events go. The sequencer offers events under its lock, so an
 * implementation must publish accepted events in offer order. A bounded implementation
 * pushes back through {@link #awaitRoom()}: a writer waits there (outside the sequencer's
 * lock) while the buffer is full and Kafka is making progress, so a fast agent is slowed
 * down, never failed. Only when Kafka has made no progress for the outage timeout does it
 * give up; the sequencer then stops numbering and ends the execution FAILED, so seq stays
 * gap-free.
 */
public interface EventSink {

    /**
     * Accepts the event for publishing. The bound is kept by {@link #awaitRoom()}, so
     * this never refuses.
     * @return the acknowledgement, completed when the broker has the event
     */
    CompletableFuture<Void> offer(ExecutionEvent event);

    /**
     * Waits while the buffer is full and Kafka keeps acknowledging events.
     * @param stopWaiting checked while waiting: once true, the caller goes ahead beyond
     * the bound (its agent is being killed, so what it still has to publish is bounded by
     * a pipe's worth)
     * @return true when there is room (or waiting was stopped); false when Kafka
     * acknowledged nothing for the outage timeout (an outage that outlasted the buffer)
     */
    default boolean awaitRoom(BooleanSupplier stopWaiting) {
        return true;
    }

    /**
     * Whether an optional event (a resource sample) should be offered now: false while
     * publishing is stalled.
     */
    default boolean takesOptionalEvents() {
        return true;
    }

    /**
     * Counts one event that its execution produced and that will never be published (the
     * buffer gave up).
     */
    default void notPublished() {
    }

}
