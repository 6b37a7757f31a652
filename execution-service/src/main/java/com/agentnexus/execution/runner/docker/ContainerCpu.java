package com.agentnexus.execution.runner.docker;

/**
 * CPU percent from two cumulative container CPU readings (nanoseconds of CPU time) and
 * the wall time between them: 100 means one core busy for the whole interval. The
 * engine's own precomputed delta is not used — through podman it is wrong.
 */
final class ContainerCpu {

    private ContainerCpu() {
    }

    static double percent(long usageNanosBefore, long usageNanosAfter, long wallNanos) {
        long used = usageNanosAfter - usageNanosBefore;
        if (wallNanos <= 0 || used <= 0) {
            return 0.0;
        }
        double percent = (double) used / wallNanos * 100.0;
        return Math.round(percent * 10.0) / 10.0;
    }

}
