package com.agentnexus.gateway.protocol;

import java.nio.charset.StandardCharsets;

/**
 * One server message, encoded once as UTF-8 JSON. Immutable and shared: every subscriber
 * of an execution gets the same instance for the same event, and each connection wraps
 * {@link #utf8()} without copying it — so nobody may write into that array.
 */
public final class OutboundMessage {

    /** {@link #eventTimestamp()} of a message that is not an event (error, pong). */
    public static final long NO_EVENT = -1;

    private final byte[] utf8;

    private final long eventTimestamp;

    OutboundMessage(byte[] utf8, long eventTimestamp) {
        this.utf8 = utf8;
        this.eventTimestamp = eventTimestamp;
    }

    /** The JSON text as UTF-8; shared, never to be modified. */
    public byte[] utf8() {
        return utf8;
    }

    /**
     * The event's time (epoch millis) for an event message, {@link #NO_EVENT} otherwise:
     * what the delivery latency is measured from.
     */
    public long eventTimestamp() {
        return eventTimestamp;
    }

    /**
     * The same bytes (shared, not copied) without an event time: for history, whose age
     * says nothing about how far behind the gateway is.
     */
    public OutboundMessage untimed() {
        return eventTimestamp == NO_EVENT ? this : new OutboundMessage(utf8, NO_EVENT);
    }

    /** The JSON text (tests, logs). */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }

}
