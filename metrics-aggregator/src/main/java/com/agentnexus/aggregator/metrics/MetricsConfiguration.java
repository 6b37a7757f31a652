package com.agentnexus.aggregator.metrics;

import com.agentnexus.aggregator.ConsumerLag;
import com.agentnexus.aggregator.ledger.Ledger;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the ledger's view in the Prometheus registry that {@code /metrics} scrapes.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    LedgerCollector ledgerCollector(PrometheusRegistry registry, Ledger ledger, ConsumerLag lag,
            @Value("${spring.application.name}") String application) {
        var collector = new LedgerCollector(ledger, lag, application);
        registry.register(collector);
        return collector;
    }

}
