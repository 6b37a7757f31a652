package com.agentnexus.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Heap above the threshold (90 % by default) of its maximum is DEGRADED: not critical,
 * but worth a look.
 */
public final class HeapHealthIndicator implements HealthIndicator {

    private final Supplier<MemoryUsage> heap;

    private final double threshold;

    public HeapHealthIndicator(double threshold) {
        this(() -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage(), threshold);
    }

    HeapHealthIndicator(Supplier<MemoryUsage> heap, double threshold) {
        this.heap = heap;
        this.threshold = threshold;
    }

    @Override
    public Health health() {
        MemoryUsage usage = heap.get();
        // Without a maximum (-1) the committed size is the best bound there is.
        long max = usage.getMax() > 0 ? usage.getMax() : usage.getCommitted();
        double ratio = max > 0 ? (double) usage.getUsed() / max : 0;
        Health.Builder builder = ratio > threshold ? Health.status(HealthStatuses.DEGRADED) : Health.up();
        return builder.withDetail("usedBytes", usage.getUsed())
            .withDetail("maxBytes", max)
            .withDetail("usedRatio", Math.round(ratio * 1000) / 1000.0)
            .withDetail("threshold", threshold)
            .build();
    }

}
