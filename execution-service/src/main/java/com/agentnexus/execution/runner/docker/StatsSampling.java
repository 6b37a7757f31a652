package com.agentnexus.execution.runner.docker;

import com.agentnexus.execution.runner.ResourceSample;
import com.agentnexus.execution.runner.RunListener;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one container's stats (non-streaming: podman streams only every ~5 s) at a fixed
 * interval while it runs. CPU percent comes from two successive cumulative readings. The
 * first reading, right after the start, is only the baseline: the container's CPU time
 * then already holds the runtime's set-up work, so measuring against zero would report
 * absurd figures. {@link #stop()} guarantees no sample is delivered afterwards.
 */
final class StatsSampling {

    private static final Logger log = LoggerFactory.getLogger(StatsSampling.class);

    private static final long POLL_TIMEOUT_SECONDS = 5;

    private final DockerClient client;

    private final String containerId;

    private final RunListener listener;

    private final long startNanos;

    private long previousUsage = -1;

    private long previousNanos;

    private boolean stopped;

    private ScheduledFuture<?> schedule;

    private StatsSampling(DockerClient client, String containerId, RunListener listener, long startNanos) {
        this.client = client;
        this.containerId = containerId;
        this.listener = listener;
        this.startNanos = startNanos;
    }

    static StatsSampling start(DockerClient client, String containerId, RunListener listener, long startNanos,
            ScheduledExecutorService scheduler, Duration interval) {
        var sampling = new StatsSampling(client, containerId, listener, startNanos);
        synchronized (sampling) {
            sampling.schedule = scheduler.scheduleWithFixedDelay(sampling::sample, 0, interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return sampling;
    }

    private void sample() {
        long before = System.nanoTime();
        Optional<Statistics> stats = poll();
        // The engine read the counters somewhere during the call: its midpoint is the
        // best guess of when.
        long at = before + (System.nanoTime() - before) / 2;
        stats.ifPresent(reading -> deliver(reading, at));
    }

    private synchronized void deliver(Statistics stats, long at) {
        if (stopped || stats.getCpuStats() == null || stats.getCpuStats().getCpuUsage() == null
                || stats.getCpuStats().getCpuUsage().getTotalUsage() == null || stats.getMemoryStats() == null
                || stats.getMemoryStats().getUsage() == null) {
            return;
        }
        long usage = stats.getCpuStats().getCpuUsage().getTotalUsage();
        if (previousUsage < 0) {
            previousUsage = usage;
            previousNanos = at;
            return;
        }
        double cpu = ContainerCpu.percent(previousUsage, usage, at - previousNanos);
        previousUsage = usage;
        previousNanos = at;
        try {
            listener
                .sample(new ResourceSample(stats.getMemoryStats().getUsage(), cpu, Duration.ofNanos(at - startNanos)));
        }
        catch (RuntimeException e) {
            log.warn("listener rejected a resource sample", e);
        }
    }

    /**
     * One reading, or empty when there is none — an exited container's stats come back
     * empty.
     */
    private Optional<Statistics> poll() {
        var reading = new AtomicReference<Statistics>();
        try (var callback = client.statsCmd(containerId)
            .withNoStream(true)
            .exec(new ResultCallback.Adapter<Statistics>() {
                @Override
                public void onNext(Statistics statistics) {
                    reading.compareAndSet(null, statistics);
                }
            })) {
            callback.awaitCompletion(POLL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            log.debug("no stats for container {}: {}", containerId, e.getMessage());
        }
        return Optional.ofNullable(reading.get());
    }

    synchronized void stop() {
        stopped = true;
        schedule.cancel(false);
    }

}
