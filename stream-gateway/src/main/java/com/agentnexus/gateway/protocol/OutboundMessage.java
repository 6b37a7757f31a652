package com.agentnexus.gateway.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One server message, encoded once: its UTF-8 JSON already inside a complete WebSocket
 * text frame (RFC 6455, server to client, so unmasked and the same bytes for every
 * client). Immutable and shared: every subscriber of an execution gets the same instance
 * for the same event, and each connection copies {@link #frame()} straight into its
 * socket's buffer — so nobody may write into that array.
 */
public final class OutboundMessage {

    /** {@link #eventTimestamp()} of a message that is not an event (error, pong). */
    public static final long NO_EVENT = -1;

    private static final int FIN_TEXT = 0x81;

    private final byte[] frame;

    private final long eventTimestamp;

    OutboundMessage(byte[] utf8, long eventTimestamp) {
        this(textFrame(utf8), eventTimestamp, true);
    }

    // the flag only tells this constructor from the one above: frame is already framed
    private OutboundMessage(byte[] frame, long eventTimestamp, boolean framed) {
        this.frame = frame;
        this.eventTimestamp = eventTimestamp;
    }

    /** The whole WebSocket frame, header and payload; shared, never to be modified. */
    public byte[] frame() {
        return frame;
    }

    /** The JSON text as UTF-8 (a copy: tests). */
    public byte[] utf8() {
        return Arrays.copyOfRange(frame, headerLength(frame), frame.length);
    }

    /**
     * The event's time (epoch millis) for an event message, {@link #NO_EVENT} otherwise:
     * what the delivery latency is measured from.
     */
    public long eventTimestamp() {
        return eventTimestamp;
    }

    /**
     * The same frame (shared, not copied) without an event time: for history, whose age
     * says nothing about how far behind the gateway is.
     */
    public OutboundMessage untimed() {
        return eventTimestamp == NO_EVENT ? this : new OutboundMessage(frame, NO_EVENT, true);
    }

    /**
     * The JSON text as UTF-8: a read-only view of the shared frame, not a copy, for a
     * writer that frames it its own way (an NDJSON line, say).
     */
    public ByteBuffer json() {
        int header = headerLength(frame);
        return ByteBuffer.wrap(frame, header, frame.length - header).asReadOnlyBuffer();
    }

    /** The JSON text (tests, logs). */
    public String text() {
        int header = headerLength(frame);
        return new String(frame, header, frame.length - header, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * A final text frame: the 7-bit length, or 126 and a 16-bit length, or 127 and a
     * 64-bit length, all big-endian; no mask (RFC 6455, 5.2).
     */
    private static byte[] textFrame(byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) FIN_TEXT;
        if (header == 2) {
            frame[1] = (byte) length;
        }
        else if (header == 4) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        }
        else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }

    private static int headerLength(byte[] frame) {
        int length = frame[1] & 0x7F;
        return length < 126 ? 2 : length == 126 ? 4 : 10;
    }

}
