package com.agentnexus.gateway.connection;

import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * A connection's bounded queue of outgoing messages. Live, replay and the event loop all send, so sending is
 * serialised here; a sink accepts only one emitter at a time. When the socket cannot keep up and the queue is
 * full, {@code onOverflow} runs once and everything after is dropped — the connection is about to close.
 */
final class Outbound {

    private final Sinks.Many<String> sink =
            Sinks.many().unicast().onBackpressureBuffer(Queues.<String>unbounded(256).get());
    // counted here rather than by a preallocated array queue, so idle connections stay small
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final Runnable onOverflow;
    private boolean closed;

    Outbound(int capacity, Runnable onOverflow) {
        this.capacity = capacity;
        this.onOverflow = onOverflow;
    }

    /** The messages for the socket; subscribe once. */
    Flux<String> messages() {
        return sink.asFlux().doOnNext(message -> queued.decrementAndGet());
    }

    synchronized void send(String message) {
        if (closed) {
            return;
        }
        if (queued.get() >= capacity) {
            closed = true;
            onOverflow.run();
            return;
        }
        queued.incrementAndGet();
        if (sink.tryEmitNext(message).isFailure()) {
            // the socket is gone; the connection's cleanup is already under way
            queued.decrementAndGet();
        }
    }

    synchronized void complete() {
        closed = true;
        sink.tryEmitComplete();
    }

    int queued() {
        return queued.get();
    }
}
