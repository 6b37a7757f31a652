package com.agentnexus.support;

import io.micrometer.core.instrument.Clock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every service's metrics share (README, "Metrics and health"). A service
 * {@code @Import}s it, exposes the {@code meters} endpoint and maps it to
 * {@code metrics/json} ({@code management.endpoints.web.path-mapping.meters}).
 *
 * <ul>
 * <li>{@code /metrics/json}: the service's {@code agentnexus_*} meters with their values.
 * It reads the Prometheus registry behind {@code /metrics}, so both show the same meters
 * under the same names, including collectors registered there directly rather than
 * through Micrometer.</li>
 * <li>{@code /metrics} passes {@code promtool check metrics}: {@link PromlintFilter}
 * tidies what the frameworks (Spring, Kafka, Micrometer's JVM binders) register.</li>
 * <li>{@code agentnexus_health_ready} and {@code agentnexus_health_status}: what
 * {@code /health/ready} answers, which Prometheus cannot see otherwise
 * ({@link ReadinessMetrics}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ServiceMetricsConfiguration {

    @Bean
    MetersEndpoint metersEndpoint(PrometheusRegistry registry,
            @Value("${spring.application.name}") String application) {
        return new MetersEndpoint(registry, application);
    }

    @Bean
    PromlintFilter promlintFilter() {
        return new PromlintFilter();
    }

    // the endpoint is looked up at the first evaluation, not injected: it depends on
    // every health check, and a check may need the meter registry this binder is bound to
    // while it is being built
    @Bean
    ReadinessMetrics readinessMetrics(ObjectProvider<HealthEndpoint> healthEndpoint) {
        return new ReadinessMetrics(ReadinessMetrics.readyGroupOf(healthEndpoint::getObject), Clock.SYSTEM);
    }

}
