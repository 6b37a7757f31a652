package com.agentnexus.execution.runner;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Samples a process tree right after start and then at a fixed interval, turning two
 * successive cumulative CPU readings into a percentage. {@link #stop()} guarantees no
 * sample is delivered afterwards.
 */
final class ResourceSampling {

    private final ProcessHandle root;

    private final ProcessTreeProbe probe;

    private final RunListener listener;

    private final long startNanos = System.nanoTime();

    private long previousTicks;

    private long previousNanos = startNanos;

    private boolean stopped;

    private ScheduledFuture<?> schedule;

    private ResourceSampling(ProcessHandle root, ProcessTreeProbe probe, RunListener listener) {
        this.root = root;
        this.probe = probe;
        this.listener = listener;
    }

    static ResourceSampling start(ProcessHandle root, ProcessTreeProbe probe, RunListener listener,
            ScheduledExecutorService scheduler, Duration interval) {
        var sampling = new ResourceSampling(root, probe, listener);
        synchronized (sampling) {
            sampling.schedule = scheduler.scheduleAtFixedRate(sampling::sample, 0, interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return sampling;
    }

    private synchronized void sample() {
        if (stopped) {
            return;
        }
        probe.read(root).ifPresent(usage -> {
            long now = System.nanoTime();
            // The tree started from zero CPU time, so the first reading is measured
            // against the start itself.
            double cpu = CpuPercent.between(previousTicks, previousNanos, usage.cpuTicks(), now);
            previousTicks = usage.cpuTicks();
            previousNanos = now;
            listener.sample(new ResourceSample(usage.residentBytes(), cpu, Duration.ofNanos(now - startNanos)));
        });
    }

    synchronized void stop() {
        stopped = true;
        schedule.cancel(false);
    }

}
