package com.agentnexus.gateway.connection;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * What the gateway's one heartbeat needs of an open connection: its silence, when it was
 * last pinged, its queue, and how to close it. One timer for every connection instead of
 * two per connection keeps idle connections light.
 */
final class OpenConnection {

    private final Consumer<CloseStatus> close;

    private final Outbound outbound;

    private final Silence silence;

    private final long pingEveryNanos;

    // the heartbeat's thread only
    private long lastPing;

    OpenConnection(Consumer<CloseStatus> close, Outbound outbound, Silence silence, Duration pingInterval,
            LongSupplier nanoTime) {
        this.close = close;
        this.outbound = outbound;
        this.silence = silence;
        this.pingEveryNanos = pingInterval.toNanos();
        this.lastPing = nanoTime.getAsLong();
    }

    /**
     * Closes with {@code status} once what is already queued is written: the client gets
     * every answer it is owed, and nothing follows the close frame. Any thread; only the
     * first close counts.
     */
    void close(CloseStatus status) {
        outbound.finish(() -> close.accept(status));
    }

    /** A heartbeat: closes a connection silent for too long, pings one that is due. */
    void beat(long now) {
        if (silence.tooLong()) {
            close(StreamWebSocketHandler.IDLE);
        }
        else if (now - lastPing >= pingEveryNanos) {
            lastPing = now;
            outbound.ping();
        }
    }

    int queued() {
        return outbound.queued();
    }

}
