package com.agentnexus.bench;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes log lines of one running execution at a steady rate on its own thread until
 * stopped, in ticks of about a millisecond, so that each event's timestamp is its sending
 * time.
 */
public final class LiveFeed implements AutoCloseable {

    private final SyntheticProducer.Execution execution;

    private final Thread thread;

    private final AtomicLong sent = new AtomicLong();

    private volatile boolean stopped;

    private volatile double perSecond;

    public LiveFeed(SyntheticProducer.Execution execution, double perSecond) {
        this.execution = execution;
        this.perSecond = perSecond;
        this.thread = new Thread(this::run, "bench-feed-" + execution.id());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long begin = System.nanoTime();
        double rate = perSecond;
        long base = 0;
        while (!stopped) {
            if (rate != perSecond) {
                // a new rate counts from now
                rate = perSecond;
                begin = System.nanoTime();
                base = sent.get();
            }
            long due = base + (long) ((System.nanoTime() - begin) / 1e9 * rate);
            while (sent.get() < due && !stopped) {
                execution.log();
                sent.incrementAndGet();
            }
            LockSupport.parkNanos(500_000 + ThreadLocalRandom.current().nextInt(100_000));
        }
    }

    /** Changes the rate from now on. */
    public void rate(double perSecond) {
        this.perSecond = perSecond;
    }

    /** Events written so far. */
    public long sent() {
        return sent.get();
    }

    /** Stops writing; the execution can then be completed by the caller. */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(5_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
