package com.agentnexus.gateway.connection;

import io.netty.channel.Channel;
import java.util.function.BooleanSupplier;

/**
 * What the handler needs of a connection's Netty channel, which Spring's WebSocket
 * session does not expose: whether the socket takes more writes now (Reactor Netty keeps
 * writing into Netty's buffer whether or not the client reads, so a connection's queue
 * alone cannot see a stalled client), and a way to cut a socket whose close frame cannot
 * get out because the client stopped reading.
 */
record SocketControl(BooleanSupplier writable, Runnable abort) {

    /** Session attribute under which {@link EventLoopUpgradeStrategy} leaves it. */
    static final String ATTRIBUTE = SocketControl.class.getName();

    /**
     * For a session without a Netty channel (never on this server): always writable,
     * nothing to cut.
     */
    static final SocketControl NONE = new SocketControl(() -> true, () -> {
    });

    static SocketControl of(Channel channel) {
        return new SocketControl(channel::isWritable, () -> channel.close());
    }
}
