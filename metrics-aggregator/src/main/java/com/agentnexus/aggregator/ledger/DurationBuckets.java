package com.agentnexus.aggregator.ledger;

/**
 * The fixed duration buckets, 0.1 … 300 s and +Inf, so dashboards and alerts rely on the
 * same boundaries.
 */
public final class DurationBuckets {

    private static final double[] UPPER_BOUNDS_SECONDS = { 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300,
            Double.POSITIVE_INFINITY, };

    private static final long[] UPPER_BOUNDS_MS = { 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000,
            300_000 };

    private DurationBuckets() {
    }

    /** Upper bounds in seconds, the last +Inf; a copy. */
    public static double[] upperBoundsSeconds() {
        return UPPER_BOUNDS_SECONDS.clone();
    }

    /** How many buckets there are, +Inf included. */
    public static int count() {
        return UPPER_BOUNDS_SECONDS.length;
    }

    /**
     * The index of the first bucket whose upper bound is at least {@code durationMs}
     * (Prometheus {@code le}).
     */
    static int indexOf(long durationMs) {
        for (int i = 0; i < UPPER_BOUNDS_MS.length; i++) {
            if (durationMs <= UPPER_BOUNDS_MS[i]) {
                return i;
            }
        }
        return UPPER_BOUNDS_MS.length;
    }

    /**
     * The stored label of a bucket index (also its position in
     * {@link #UPPER_BOUNDS_SECONDS}).
     */
    static String label(int index) {
        return Integer.toString(index);
    }

}
