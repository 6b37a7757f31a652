package com.agentnexus.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in whole milliseconds, one bucket per millisecond up to a minute (the event
 * timestamps are epoch milliseconds, so finer buckets would be noise). Thread-safe and
 * allocation-free on the recording path.
 */
public final class LatencyHistogram {

    private static final int BUCKETS = 60_001;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    private final AtomicLong max = new AtomicLong(Long.MIN_VALUE);

    private final AtomicLong total = new AtomicLong();

    /** Records one latency; a negative one (clocks are the same here) counts as 0. */
    public void record(long millis) {
        long value = Math.max(0, millis);
        counts.incrementAndGet((int) Math.min(value, BUCKETS - 1));
        total.incrementAndGet();
        long seen = max.get();
        while (value > seen && !max.compareAndSet(seen, value)) {
            seen = max.get();
        }
    }

    public long count() {
        return total.get();
    }

    /**
     * The smallest latency that at least {@code percent} % of the recorded ones do not
     * exceed.
     */
    public long percentile(double percent) {
        long n = count();
        if (n == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(n * percent / 100.0));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return i;
            }
        }
        return BUCKETS - 1;
    }

    public long max() {
        return count() == 0 ? -1 : max.get();
    }

}
