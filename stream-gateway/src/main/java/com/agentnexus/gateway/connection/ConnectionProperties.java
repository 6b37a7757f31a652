package com.agentnexus.gateway.connection;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Per-connection limits; each has a clear answer when crossed (see docs/protocol.md).
 *
 * @param outboundQueueCapacity Messages waiting for the socket; beyond it the client is
 * too slow and the connection closes with 1013 (the client resumes by seq). Replay waits
 * for room (below half of it), so this absorbs bursts of live events only.
 * @param slowClientGrace How long replay waits for a client to make room before closing
 * it with 1013.
 * @param pingInterval How often the gateway sends a WebSocket ping.
 * @param idleTimeout A connection from which nothing (not even a pong) arrived for this
 * long is closed with 1001; longer than ping-interval.
 * @param maxFrameSize Largest client frame; a larger one closes the connection with 1009.
 * @param maxSubscriptions Executions one connection may watch at once; beyond it
 * TOO_MANY_SUBSCRIPTIONS.
 * @param messagesPerSecond Sustained client message rate; beyond it RATE_LIMITED.
 * Refusals are forgotten at the same rate; a client with more than message-burst
 * outstanding keeps flooding and is closed with 1008.
 * @param messageBurst Messages a client may send at once before the rate applies.
 * @param allowedOrigins Browser origins allowed to open a connection (403 otherwise);
 * empty allows any, which is safe here because the gateway authenticates with bearer
 * tokens, never cookies.
 * @param closeTimeout How long a server close (1001, 1008, 1013, shutdown) may take to
 * reach the client before the socket is cut: a client that stopped reading never gets the
 * frame.
 */
@ConfigurationProperties("agentnexus.gateway.connection")
record ConnectionProperties(@DefaultValue("4096") int outboundQueueCapacity,
        @DefaultValue("10s") Duration slowClientGrace, @DefaultValue("30s") Duration pingInterval,
        @DefaultValue("60s") Duration idleTimeout, @DefaultValue("16KB") DataSize maxFrameSize,
        @DefaultValue("100") int maxSubscriptions, @DefaultValue("20") int messagesPerSecond,
        @DefaultValue("50") int messageBurst, @DefaultValue( {
        }) List<String> allowedOrigins, @DefaultValue("5s") Duration closeTimeout){

    ConnectionProperties {
        require(outboundQueueCapacity >= 2, "outbound-queue-capacity must be >= 2");
        require(!slowClientGrace.isNegative(), "slow-client-grace must not be negative");
        require(!pingInterval.isNegative() && !pingInterval.isZero(), "ping-interval must be positive");
        require(idleTimeout.compareTo(pingInterval) > 0, "idle-timeout must be longer than ping-interval");
        require(maxFrameSize.toBytes() >= 256 && maxFrameSize.toBytes() <= Integer.MAX_VALUE,
                "max-frame-size must be between 256 B and 2 GB");
        require(maxSubscriptions >= 1, "max-subscriptions must be >= 1");
        require(messagesPerSecond >= 1, "messages-per-second must be >= 1");
        require(messageBurst >= 1, "message-burst must be >= 1");
        require(!closeTimeout.isNegative(), "close-timeout must not be negative");
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
