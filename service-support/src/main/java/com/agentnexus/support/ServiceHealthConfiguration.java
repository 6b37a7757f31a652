package com.agentnexus.support;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The health checks every service shares (docs/architecture.md, "Health"): {@code uptime} for liveness,
 * {@code kafka} (critical) and {@code heap} ({@link HealthStatuses#DEGRADED} above
 * {@code agentnexus.health.heap-degraded-above}, default 0.9) for readiness. A service {@code @Import}s it and lists
 * them in its health groups.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceHealthConfiguration {

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    @Bean("heap")
    HeapHealthIndicator heapHealthIndicator(@Value("${agentnexus.health.heap-degraded-above:0.9}") double threshold) {
        return new HeapHealthIndicator(threshold);
    }

    @Bean("uptime")
    UptimeHealthIndicator uptimeHealthIndicator(ObjectProvider<Clock> clock) {
        return new UptimeHealthIndicator(clock.getIfAvailable(Clock::systemUTC));
    }
}
