package com.agentnexus.support;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every service's metrics share (README, "Metrics and health"). A service {@code @Import}s it, exposes the
 * {@code meters} endpoint and maps it to {@code metrics/json} ({@code management.endpoints.web.path-mapping.meters}).
 *
 * <ul>
 *   <li>{@code /metrics/json}: the service's {@code agentnexus_*} meters with their values. It reads the Prometheus
 *       registry behind {@code /metrics}, so both show the same meters under the same names, including collectors
 *       registered there directly rather than through Micrometer.</li>
 *   <li>{@code /metrics} passes {@code promtool check metrics}: {@link PromlintFilter} tidies what the frameworks
 *       (Spring, Kafka, Micrometer's JVM binders) register.</li>
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
}
