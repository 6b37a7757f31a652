package com.agentnexus.execution.publishing;

import com.agentnexus.events.ExecutionEvent;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where sequenced events go. The sequencer offers events under its lock, so an implementation must publish
 * accepted events in offer order. A bounded implementation may refuse an event (its buffer is full), but never
 * a terminal status: the sequencer then stops numbering and ends the execution FAILED, so seq stays gap-free.
 */
public interface EventSink {

    /**
     * Accepts the event for publishing, or refuses it when the buffer is full.
     *
     * @return the acknowledgement, completed when the broker has the event; empty when refused
     */
    Optional<CompletableFuture<Void>> offer(ExecutionEvent event);
}
