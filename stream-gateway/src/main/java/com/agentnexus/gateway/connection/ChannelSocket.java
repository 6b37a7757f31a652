package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.OutboundMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.List;

/**
 * A WebSocket connection's Netty channel, written directly: each batch of messages is
 * copied into one pooled buffer — their frames were encoded once for every subscriber —
 * and written with one flush, one promise and one system call, on the channel's event
 * loop. Spring's session would wrap each message in its own frame object and Reactor
 * operators, and hand each over to the event loop on its own.
 *
 * <p>
 * Raw frame bytes pass the pipeline's WebSocket encoder untouched (it encodes frame
 * objects only), so they reach the socket in order with the pings and the close frame
 * Reactor Netty writes.
 */
final class ChannelSocket implements FrameSocket {

    /** A ping with no payload: FIN + opcode 9, length 0. */
    private static final byte[] PING = { (byte) 0x89, 0 };

    private final Channel channel;

    private final DeliveryMeters meters;

    ChannelSocket(Channel channel, DeliveryMeters meters) {
        this.channel = channel;
        this.meters = meters;
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public long writableBytes() {
        return channel.bytesBeforeUnwritable();
    }

    @Override
    public void execute(Runnable task) {
        channel.eventLoop().execute(task);
    }

    @Override
    public void writeAndFlush(List<OutboundMessage> messages) {
        int bytes = 0;
        for (OutboundMessage message : messages) {
            bytes += message.frame().length;
        }
        ByteBuf buffer = channel.alloc().directBuffer(bytes);
        for (OutboundMessage message : messages) {
            buffer.writeBytes(message.frame());
        }
        meters.sent(messages);
        // no listener: a failed write closes the channel, and the connection ends with it
        channel.writeAndFlush(buffer);
    }

    @Override
    public void whenFlushed(Runnable task) {
        // an empty write completes once everything queued before it has been written
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
            if (written.isSuccess()) {
                task.run();
            }
        });
    }

    @Override
    public void ping() {
        channel.writeAndFlush(Unpooled.wrappedBuffer(PING));
    }

    @Override
    public void abort() {
        channel.close();
    }

}
