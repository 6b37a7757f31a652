package com.agentnexus.gateway.connection;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Performs the WebSocket upgrade on the connection's own event loop.
 *
 * <p>
 * WebFlux may reach the upgrade on any thread. Here every handshake arrives on Reactor's
 * parallel scheduler: the request consults the in-memory {@code WebSession} store, which
 * creates sessions on another scheduler and publishes on {@code parallel}. Reactor Netty,
 * asked to upgrade off the event loop, writes the 101 response on the event loop and
 * switches the channel to WebSocket operations in a listener that can run as a later
 * event-loop task. A frame the client sends as soon as it sees the 101 can be read in
 * between: it reaches the finished HTTP request's inbound and is dropped (Reactor Netty
 * logs "dropping frame" at debug level), so the client's first message is never answered.
 * On the event loop, writing the 101, switching the channel and subscribing the handler
 * happen in one task, before the next read.
 */
final class EventLoopUpgradeStrategy implements RequestUpgradeStrategy {

    /**
     * Session attribute holding the connection's Netty channel, which Spring's session
     * does not expose: {@link ChannelSocket} writes it directly.
     */
    static final String CHANNEL = Channel.class.getName();

    private final RequestUpgradeStrategy delegate;

    EventLoopUpgradeStrategy() {
        this(new ReactorNettyRequestUpgradeStrategy());
    }

    EventLoopUpgradeStrategy(RequestUpgradeStrategy delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
            Supplier<HandshakeInfo> handshakeInfoFactory) {
        Channel channel = channelOf(exchange);
        Supplier<HandshakeInfo> withChannel = () -> {
            HandshakeInfo info = handshakeInfoFactory.get();
            if (channel == null) {
                return info;
            }
            Map<String, Object> attributes = new HashMap<>(info.getAttributes());
            attributes.put(CHANNEL, channel);
            return new HandshakeInfo(info.getUri(), info.getHeaders(), info.getCookies(), info.getPrincipal(),
                    info.getSubProtocol(), info.getRemoteAddress(), attributes, info.getLogPrefix());
        };
        Mono<Void> upgrade = Mono.defer(() -> delegate.upgrade(exchange, handler, subProtocol, withChannel));
        EventLoop eventLoop = channel == null ? null : channel.eventLoop();
        if (eventLoop == null || eventLoop.inEventLoop()) {
            return upgrade;
        }
        return upgrade.subscribeOn(Schedulers.fromExecutor(eventLoop));
    }

    private static @Nullable Channel channelOf(ServerWebExchange exchange) {
        HttpServerResponse response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        AtomicReference<Channel> channel = new AtomicReference<>();
        response.withConnection(connection -> channel.set(connection.channel()));
        return channel.get();
    }

}
