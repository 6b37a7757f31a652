package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.OutboundMessage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * A connection's bounded queue of outgoing messages. Live, replay and the event loop all
 * send, so sending is serialised here; a sink accepts only one emitter at a time.
 *
 * <p>
 * A client is too slow when its queue is full, or when its socket has refused writes for
 * longer than the grace while more keeps coming (Reactor Netty drains the queue into
 * Netty's own buffer whether or not the client reads, so the queue alone cannot see a
 * stalled client). Then {@code onOverflow} runs once and everything after is dropped —
 * the connection is about to close with 1013.
 */
final class Outbound {

    private static final long ROOM_POLL_NANOS = 5_000_000L;

    // a short link: the queue grows by 32 slots at a time, so an idle connection holds
    // one small array; its messages are shared (one instance per event for every
    // subscriber), so queueing one allocates nothing per connection
    private final Sinks.Many<OutboundMessage> sink = Sinks.many()
        .unicast()
        .onBackpressureBuffer(Queues.<OutboundMessage>unbounded(32).get());

    // counted here rather than by a preallocated array queue, so idle connections stay
    // small
    private final AtomicInteger queued = new AtomicInteger();

    private final Sinks.Empty<Void> completed = Sinks.empty();

    private final int capacity;

    private final BooleanSupplier socketWritable;

    private final long graceNanos;

    private final LongSupplier nanoTime;

    private final Runnable onOverflow;

    private long unwritableSince = -1;

    private boolean closed;

    /** For a socket that always takes writes (tests of the queue alone). */
    Outbound(int capacity, Runnable onOverflow) {
        this(capacity, () -> true, Duration.ofSeconds(10), System::nanoTime, onOverflow);
    }

    /**
     * @param socketWritable whether the socket below takes more now (Netty's writability)
     * @param grace how long a socket may refuse writes while more is sent, and how long
     * replay waits
     */
    Outbound(int capacity, BooleanSupplier socketWritable, Duration grace, LongSupplier nanoTime, Runnable onOverflow) {
        this.capacity = capacity;
        this.socketWritable = socketWritable;
        this.graceNanos = grace.toNanos();
        this.nanoTime = nanoTime;
        this.onOverflow = onOverflow;
    }

    /** The messages for the socket; subscribe once. */
    Flux<OutboundMessage> messages() {
        return sink.asFlux().doOnNext(message -> queued.decrementAndGet());
    }

    synchronized void send(OutboundMessage message) {
        if (closed) {
            return;
        }
        if (queued.get() >= capacity || stalledBeyondGrace()) {
            overflow();
            return;
        }
        queued.incrementAndGet();
        if (sink.tryEmitNext(message).isFailure()) {
            // the socket is gone; the connection's cleanup is already under way
            queued.decrementAndGet();
        }
    }

    /**
     * Blocks the calling (replay) thread until the socket takes writes and at most half
     * the capacity is queued, so a history of any length reaches a reading client at its
     * pace. A client that makes no room within the grace is too slow: the connection
     * overflows. False if the connection is closing.
     */
    boolean awaitRoom() {
        long deadline = nanoTime.getAsLong() + graceNanos;
        while (queued.get() > capacity / 2 || !socketWritable.getAsBoolean()) {
            synchronized (this) {
                if (closed) {
                    return false;
                }
                if (nanoTime.getAsLong() - deadline > 0) {
                    overflow();
                    return false;
                }
            }
            LockSupport.parkNanos(ROOM_POLL_NANOS);
        }
        synchronized (this) {
            return !closed;
        }
    }

    synchronized void complete() {
        closed = true;
        sink.tryEmitComplete();
        completed.tryEmitEmpty();
    }

    /**
     * Completes when the connection's outbound ends: what else the socket sends (pings)
     * stops then too.
     */
    Mono<Void> completed() {
        return completed.asMono();
    }

    int queued() {
        return queued.get();
    }

    private boolean stalledBeyondGrace() {
        if (socketWritable.getAsBoolean()) {
            unwritableSince = -1;
            return false;
        }
        long now = nanoTime.getAsLong();
        if (unwritableSince < 0) {
            unwritableSince = now;
        }
        return now - unwritableSince > graceNanos;
    }

    private void overflow() {
        closed = true;
        onOverflow.run();
    }

}
