package com.agentnexus.execution.runner;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether an agent's output is still moving after the agent exited. Output left in a pipe
 * must be read to the end even when the event buffer holds the reader back (a Kafka
 * outage), or lines the agent printed would vanish behind a terminal status that claims
 * completeness; only output that has gone quiet — nothing read and nothing being
 * delivered, e.g. a pipe held open by a leftover process that writes nothing — is
 * abandoned after the drain timeout.
 */
public final class OutputActivity {

    private static final long POLL_MILLIS = 50;

    private final AtomicInteger delivering = new AtomicInteger();

    private volatile long lastNanos = System.nanoTime();

    /** A line (or frame) was read and is being handed on. */
    public void deliveryStarted() {
        delivering.incrementAndGet();
    }

    /** The line (or frame) has been handed on. */
    public void deliveryEnded() {
        lastNanos = System.nanoTime();
        delivering.decrementAndGet();
    }

    /**
     * Completes when {@code ended} does, or once the output has been quiet for
     * {@code idleTimeout}.
     */
    public CompletableFuture<Void> drained(CompletableFuture<?> ended, Duration idleTimeout) {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        ended.whenComplete((ok, error) -> drained.complete(null));
        // the quiet time counts from the agent's exit
        lastNanos = Math.max(lastNanos, System.nanoTime());
        poll(drained, idleTimeout.toNanos());
        return drained;
    }

    private void poll(CompletableFuture<Void> drained, long idleNanos) {
        if (drained.isDone()) {
            return;
        }
        if (delivering.get() == 0 && System.nanoTime() - lastNanos > idleNanos) {
            drained.complete(null);
            return;
        }
        Executor later = CompletableFuture.delayedExecutor(POLL_MILLIS, TimeUnit.MILLISECONDS);
        later.execute(() -> poll(drained, idleNanos));
    }

}
