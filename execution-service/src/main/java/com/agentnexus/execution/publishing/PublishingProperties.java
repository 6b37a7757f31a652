package com.agentnexus.execution.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outage buffer.
 *
 * @param bufferEvents events accepted but not yet acknowledged by Kafka, across all executions, before new ones
 *        are refused (terminal statuses are always accepted, so the bound is exceeded by at most one per execution)
 * @param stallThreshold how long pending events may go without an acknowledgement before publishing counts as
 *        stalled (new executions are then refused up front)
 * @param maxRetryBackoff the longest pause between attempts to hand the head event to the producer
 */
@ConfigurationProperties("agentnexus.publishing")
record PublishingProperties(
        @DefaultValue("5000") int bufferEvents,
        @DefaultValue("3s") Duration stallThreshold,
        @DefaultValue("2s") Duration maxRetryBackoff) {

    PublishingProperties {
        if (bufferEvents < 1) {
            throw new IllegalArgumentException("agentnexus.publishing.buffer-events must be positive");
        }
    }
}
