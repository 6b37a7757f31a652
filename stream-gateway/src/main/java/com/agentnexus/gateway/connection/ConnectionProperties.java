package com.agentnexus.gateway.connection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-connection limits.
 *
 * @param outboundQueueCapacity messages waiting for the socket; beyond it the client is too slow and the
 *                              connection closes with 1013 (the client resumes by seq). Sized for a replay
 *                              burst of a long execution, not for steady state.
 */
@ConfigurationProperties("agentnexus.gateway.connection")
record ConnectionProperties(@DefaultValue("4096") int outboundQueueCapacity) {

    ConnectionProperties {
        if (outboundQueueCapacity < 1) {
            throw new IllegalArgumentException("outbound-queue-capacity must be >= 1");
        }
    }
}
