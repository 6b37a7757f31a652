package com.agentnexus.aggregator.consumption;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness: DOWN once the ledger consumer thread has stopped on an unexpected error —
 * the service would answer but count nothing. Its bean name makes it the
 * {@code ledgerConsumer} check.
 */
@Component
class LedgerConsumerHealthIndicator extends AbstractHealthIndicator {

    private final LedgerConsumer consumer;

    LedgerConsumerHealthIndicator(LedgerConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String failure = consumer.failure();
        if (failure == null) {
            builder.up();
        }
        else {
            builder.down().withDetail("stopped", failure);
        }
    }

}
