package com.agentnexus.support;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The health checks every service shares (docs/architecture.md, "Health"): {@code uptime}
 * for liveness, {@code kafka} (critical) and {@code heap}
 * ({@link HealthStatuses#DEGRADED} above {@code agentnexus.health.heap-degraded-above},
 * {@link HealthProperties}) for readiness. A service {@code @Import}s it and lists them
 * in its health groups.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class ServiceHealthConfiguration {

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    @Bean("heap")
    HeapHealthIndicator heapHealthIndicator(HealthProperties properties) {
        return new HeapHealthIndicator(properties.heapDegradedAbove());
    }

    @Bean("uptime")
    UptimeHealthIndicator uptimeHealthIndicator(ObjectProvider<Clock> clock) {
        return new UptimeHealthIndicator(clock.getIfAvailable(Clock::systemUTC));
    }

}
