package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.MemoryUsage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class HeapHealthIndicatorTest {

    @Test
    void heapAboveTheThresholdIsDegraded() {
        var health = new HeapHealthIndicator(() -> new MemoryUsage(0, 950, 1000, 1000), 0.9).health();

        assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
        assertThat(health.getDetails()).containsEntry("usedRatio", 0.95).containsEntry("maxBytes", 1000L);
    }

    @Test
    void heapAtOrBelowTheThresholdIsUp() {
        assertThat(new HeapHealthIndicator(() -> new MemoryUsage(0, 900, 1000, 1000), 0.9).health().getStatus())
            .isEqualTo(Status.UP);
    }

    @Test
    void withoutAMaximumTheCommittedSizeIsTheBound() {
        var health = new HeapHealthIndicator(() -> new MemoryUsage(0, 99, 100, -1), 0.9).health();

        assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
        assertThat(health.getDetails()).containsEntry("maxBytes", 100L);
    }

}
