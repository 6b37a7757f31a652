package com.agentnexus.aggregator;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code agentnexus.aggregator.*}; every setting has a default.
 *
 * @param maxContainerSeries at most this many running executions get container gauges (default 1,000)
 * @param lagDegradedAbove   readiness turns DEGRADED when the consumer is more records behind (default 10,000)
 * @param endedRetention     how long an ended execution is remembered to recognise late duplicates (default 7 days)
 * @param retryBackoff       the longest wait between retries while PostgreSQL is unreachable (default 5 s)
 */
@ConfigurationProperties("agentnexus.aggregator")
public record AggregatorProperties(int maxContainerSeries, long lagDegradedAbove, Duration endedRetention,
        Duration retryBackoff) {

    @ConstructorBinding
    public AggregatorProperties(@Nullable Integer maxContainerSeries, @Nullable Long lagDegradedAbove,
            @Nullable Duration endedRetention, @Nullable Duration retryBackoff) {
        this(maxContainerSeries == null ? 1_000 : maxContainerSeries,
                lagDegradedAbove == null ? 10_000 : lagDegradedAbove,
                endedRetention == null ? Duration.ofDays(7) : endedRetention,
                retryBackoff == null ? Duration.ofSeconds(5) : retryBackoff);
        if (this.maxContainerSeries < 0 || this.lagDegradedAbove < 0) {
            throw new IllegalArgumentException("agentnexus.aggregator limits must not be negative");
        }
    }
}
