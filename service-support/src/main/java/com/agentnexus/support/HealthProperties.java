package com.agentnexus.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the health checks every service shares
 * ({@link ServiceHealthConfiguration}).
 *
 * @param heapDegradedAbove Share of the maximum heap in use (0 to 1) above which the heap
 * check, and with it /health/ready, reports DEGRADED: worse than UP, but still answered
 * with 200, so a nearly full heap is seen before it fails without taking the instance out
 * of service.
 */
@ConfigurationProperties("agentnexus.health")
public record HealthProperties(@DefaultValue("0.9") double heapDegradedAbove) {

    public HealthProperties {
        if (!(heapDegradedAbove >= 0 && heapDegradedAbove <= 1)) {
            throw new IllegalArgumentException("agentnexus.health.heap-degraded-above must be between 0 and 1");
        }
    }
}
