package com.agentnexus.aggregator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentnexus.aggregator.*}; every setting has a default.
 *
 * @param maxContainerSeries At most this many running executions get container gauges;
 * the rest are counted as omitted, so a burst of executions cannot blow up the number of
 * series.
 * @param lagDegradedAbove Records the ledger consumer may be behind the end of its
 * partitions before readiness reports DEGRADED (still answered with 200).
 * @param endedRetention How long an ended execution is remembered, to recognise its late
 * duplicate events.
 * @param retryBackoff Longest wait between two attempts to store a consumed batch while
 * PostgreSQL is unreachable; the waits double from 100 ms up to it.
 */
@ConfigurationProperties("agentnexus.aggregator")
public record AggregatorProperties(@DefaultValue("1000") int maxContainerSeries,
        @DefaultValue("10000") long lagDegradedAbove, @DefaultValue("7d") Duration endedRetention,
        @DefaultValue("5s") Duration retryBackoff) {

    public AggregatorProperties {
        if (maxContainerSeries < 0 || lagDegradedAbove < 0) {
            throw new IllegalArgumentException("agentnexus.aggregator limits must not be negative");
        }
    }
}
