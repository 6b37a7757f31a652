package com.agentnexus.gateway.connection;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long a connection has been silent: anything the client sends, a pong included, ends
 * the silence.
 */
final class Silence {

    private final long limitNanos;

    private final LongSupplier nanoTime;

    private volatile long lastHeard;

    Silence(Duration limit, LongSupplier nanoTime) {
        this.limitNanos = limit.toNanos();
        this.nanoTime = nanoTime;
        this.lastHeard = nanoTime.getAsLong();
    }

    void heard() {
        lastHeard = nanoTime.getAsLong();
    }

    boolean tooLong() {
        return nanoTime.getAsLong() - lastHeard >= limitNanos;
    }

}
