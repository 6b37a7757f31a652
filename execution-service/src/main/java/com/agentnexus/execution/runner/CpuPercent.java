package com.agentnexus.execution.runner;

/**
 * CPU percent from two cumulative CPU-time readings: 100 means one core busy for the
 * whole interval.
 */
final class CpuPercent {

    /**
     * Linux exposes /proc times in USER_HZ, which is 100 on every architecture the JDK
     * runs on.
     */
    static final long TICKS_PER_SECOND = 100;

    private CpuPercent() {
    }

    static double between(long ticksBefore, long nanosBefore, long ticksAfter, long nanosAfter) {
        long wallNanos = nanosAfter - nanosBefore;
        long ticks = ticksAfter - ticksBefore;
        // A process that left the tree without being reaped into it takes its time along:
        // not negative use.
        if (wallNanos <= 0 || ticks <= 0) {
            return 0.0;
        }
        double cpuSeconds = (double) ticks / TICKS_PER_SECOND;
        double percent = cpuSeconds / (wallNanos / 1e9) * 100.0;
        // Tick granularity (10 ms) over a very short first interval would otherwise
        // report absurd figures.
        double ceiling = 100.0 * Runtime.getRuntime().availableProcessors();
        return Math.min(Math.round(percent * 10.0) / 10.0, ceiling);
    }

}
