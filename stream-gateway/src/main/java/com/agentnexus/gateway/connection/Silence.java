package com.agentnexus.gateway.connection;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long a connection has been silent: anything the client sends, a pong included, ends
 * the silence.
 */
final class Silence {

    private static final Duration FINEST_CHECK = Duration.ofMillis(10);

    private final long limitNanos;

    private final Duration checkEvery;

    private final LongSupplier nanoTime;

    private volatile long lastHeard;

    Silence(Duration limit, LongSupplier nanoTime) {
        this.limitNanos = limit.toNanos();
        // a tenth of the limit: a silent connection closes at most 10 % late, and checks
        // stay rare
        Duration tenth = limit.dividedBy(10);
        this.checkEvery = tenth.compareTo(FINEST_CHECK) < 0 ? FINEST_CHECK : tenth;
        this.nanoTime = nanoTime;
        this.lastHeard = nanoTime.getAsLong();
    }

    void heard() {
        lastHeard = nanoTime.getAsLong();
    }

    boolean tooLong() {
        return nanoTime.getAsLong() - lastHeard >= limitNanos;
    }

    Duration checkEvery() {
        return checkEvery;
    }

}
