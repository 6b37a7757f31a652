package com.agentnexus.execution.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bounded buffer between the agents and Kafka: the service's outbox during a Kafka
 * outage.
 *
 * @param bufferEvents Events accepted but not yet acknowledged by Kafka, across all
 * executions. When it is full, an agent's output is not read until there is room (its
 * pipe fills and its writes block): a fast agent is slowed to Kafka's pace. Terminal
 * statuses and resource samples are taken beyond it.
 * @param outageTimeout How long a writer waits for room while Kafka acknowledges nothing.
 * Past it the outage has outlasted the buffer: the execution stops publishing and, once
 * Kafka is back, ends FAILED saying how many events were not published.
 * @param stallThreshold How long pending events may go without an acknowledgement before
 * publishing counts as stalled: new executions are then refused up front and resource
 * samples skipped.
 * @param maxRetryBackoff Longest pause between two attempts to hand the oldest pending
 * event to the Kafka producer (nothing behind it overtakes it).
 */
@ConfigurationProperties("agentnexus.publishing")
record PublishingProperties(@DefaultValue("5000") int bufferEvents, @DefaultValue("30s") Duration outageTimeout,
        @DefaultValue("3s") Duration stallThreshold, @DefaultValue("2s") Duration maxRetryBackoff) {

    PublishingProperties {
        if (bufferEvents < 1) {
            throw new IllegalArgumentException("agentnexus.publishing.buffer-events must be positive");
        }
        if (outageTimeout.isNegative() || outageTimeout.isZero()) {
            throw new IllegalArgumentException("agentnexus.publishing.outage-timeout must be positive");
        }
    }
}
