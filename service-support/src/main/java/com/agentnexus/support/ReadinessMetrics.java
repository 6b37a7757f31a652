package com.agentnexus.support;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;

/**
 * What {@code /health/ready} answers, as meters Prometheus can scrape:
 * {@code agentnexus_health_ready} (1 while the {@code ready} group is UP or
 * {@link HealthStatuses#DEGRADED}, else 0) and {@code agentnexus_health_status} (1 for
 * the group's current status, 0 for the others). Registered by
 * {@link ServiceMetricsConfiguration}.
 *
 * <p>
 * The group is evaluated on a thread of its own every {@link #INTERVAL}, never at scrape
 * time: its checks block (a reactive check is waited for), and a scrape is served on an
 * event loop. An evaluation older than three intervals counts as UNKNOWN, so a check that
 * hangs shows as not ready instead of as its last answer.
 */
final class ReadinessMetrics implements MeterBinder, SmartLifecycle {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final String GROUP = "ready";

    /**
     * Each gets an {@code agentnexus_health_status} series, so a status that is not
     * current reads 0, not absent.
     */
    static final List<Status> STATUSES = List.of(Status.UP, HealthStatuses.DEGRADED, Status.OUT_OF_SERVICE, Status.DOWN,
            Status.UNKNOWN);

    private static final Log LOG = LogFactory.getLog(ReadinessMetrics.class);

    private static final long STALE_AFTER_NANOS = INTERVAL.multipliedBy(3).toNanos();

    private record Evaluation(Status status, long atNanos) {
    }

    private final Supplier<Status> readiness;

    private final Clock clock;

    private volatile @Nullable Evaluation last;

    private volatile boolean failing;

    private @Nullable ScheduledExecutorService scheduler;

    ReadinessMetrics(Supplier<Status> readiness, Clock clock) {
        this.readiness = readiness;
        this.clock = clock;
    }

    /**
     * The status of the {@code ready} group as {@code /health/ready} computes it; UNKNOWN
     * without such a group.
     */
    static Supplier<Status> readyGroupOf(Supplier<HealthEndpoint> endpoint) {
        return () -> {
            HealthDescriptor group = endpoint.get().healthForPath(GROUP);
            return group == null ? Status.UNKNOWN : group.getStatus();
        };
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("agentnexus.health.ready", this, metrics -> metrics.ready() ? 1 : 0)
            .description("1 while the readiness group (/health/ready) is UP or DEGRADED, else 0")
            .register(registry);
        for (Status status : STATUSES) {
            Gauge.builder("agentnexus.health.status", this, metrics -> metrics.current().equals(status) ? 1 : 0)
                .description("1 for the current status of the readiness group (/health/ready), else 0")
                .tag("status", status.getCode())
                .register(registry);
        }
    }

    /**
     * Evaluates the group once; never throws, since a scheduled task that throws is never
     * run again.
     */
    void refresh() {
        Status status;
        try {
            status = readiness.get();
            if (failing) {
                LOG.info("Readiness evaluates again: " + status);
                failing = false;
            }
        }
        catch (RuntimeException e) {
            status = Status.UNKNOWN;
            if (!failing) {
                LOG.warn("Readiness could not be evaluated; agentnexus_health_ready reads 0 until it can: " + e);
                failing = true;
            }
        }
        last = new Evaluation(status, clock.monotonicTime());
    }

    Status current() {
        Evaluation evaluation = last;
        if (evaluation == null || clock.monotonicTime() - evaluation.atNanos() > STALE_AFTER_NANOS) {
            return Status.UNKNOWN;
        }
        return evaluation.status();
    }

    boolean ready() {
        Status status = current();
        return status.equals(Status.UP) || status.equals(HealthStatuses.DEGRADED);
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "readiness-metrics");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::refresh, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            last = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

}
