package com.agentnexus.aggregator.health;

import com.agentnexus.aggregator.AggregatorProperties;
import com.agentnexus.aggregator.ConsumerLag;
import com.agentnexus.support.HealthStatuses;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * DEGRADED while the ledger consumer is more than
 * {@code agentnexus.aggregator.lag-degraded-above} records behind: the figures are still
 * right, only late. Registered as {@code lag}.
 */
@Component("lag")
class ConsumerLagHealthIndicator extends AbstractHealthIndicator {

    private final ConsumerLag lag;

    private final long threshold;

    ConsumerLagHealthIndicator(ConsumerLag lag, AggregatorProperties properties) {
        this.lag = lag;
        this.threshold = properties.lagDegradedAbove();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long records = lag.total();
        builder.status(records > threshold ? HealthStatuses.DEGRADED : Status.UP)
            .withDetail("records", records)
            .withDetail("threshold", threshold);
    }

}
