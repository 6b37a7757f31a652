package com.agentnexus.execution.publishing;

import com.agentnexus.events.ExecutionEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Where sequenced events go. The sequencer calls {@link #send} under its lock, so an implementation must hand
 * the event over in call order (Kafka's producer does: one partition per key, idempotent, in-order batches).
 * The seam for a metrics decorator or an outage buffer.
 */
public interface EventSink {

    /** Sends the event; the future completes when the broker acknowledged it. */
    CompletableFuture<Void> send(ExecutionEvent event);
}
