package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.OutboundMessage;
import java.util.List;

/**
 * What a connection's {@link Outbound} needs of its socket: Netty's channel in the server
 * ({@link ChannelSocket}), a fake in tests. Frames are written by the socket's own thread
 * (its event loop), in batches.
 */
interface FrameSocket {

    /**
     * Whether the socket takes more now: false while its buffer holds more than its high
     * watermark, i.e. the client reads slower than it is sent.
     */
    boolean isWritable();

    /** How many more bytes the socket takes before it turns unwritable. */
    long writableBytes();

    /** Runs {@code task} on the socket's own thread. */
    void execute(Runnable task);

    /** Writes the messages' frames and flushes them, in order; socket's thread only. */
    void writeAndFlush(List<OutboundMessage> messages);

    /**
     * Runs {@code task} on the socket's thread once everything written so far has left
     * the socket's buffer; never if the socket fails first (the connection is ending
     * then). Socket's thread only.
     */
    void whenFlushed(Runnable task);

    /** Sends a WebSocket ping; socket's thread only. */
    void ping();

    /** Cuts the connection without a close frame: for a client that stopped reading. */
    void abort();

}
