package com.agentnexus.gateway.connection;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
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

    /**
     * Session attribute holding Reactor Netty's request and response headers of the
     * handshake, to be emptied once the connection is upgraded: they hold the token, and
     * would stay as long as the connection.
     */
    static final String HANDSHAKE_HEADERS = EventLoopUpgradeStrategy.class.getName() + ".headers";

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
        if (channel == null) {
            return delegate.upgrade(exchange, handler, subProtocol, handshakeInfoFactory);
        }
        var eventLoop = Schedulers.fromExecutor(channel.eventLoop());
        // the principal is resolved first, so the session keeps it and not the exchange
        // behind it (request, headers, attributes) for as long as the connection lives
        return exchange.getPrincipal()
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .publishOn(eventLoop)
            .flatMap(principal -> delegate.upgrade(exchange, handler, subProtocol,
                    () -> light(exchange, handshakeInfoFactory.get(), principal, channel)))
            .subscribeOn(eventLoop);
    }

    /**
     * The handshake as the handler sees it, without what it never reads again: the
     * request headers (the token among them) and cookies, which would otherwise stay in
     * memory as long as the connection; the principal as a value; the channel added.
     * Reactor Netty still reads its own copies of the headers for the handshake, so they
     * go along as {@link #HANDSHAKE_HEADERS} for the handler to empty once it runs.
     */
    private static HandshakeInfo light(ServerWebExchange exchange, HandshakeInfo info, Optional<Principal> principal,
            Channel channel) {
        Map<String, Object> attributes = new HashMap<>(info.getAttributes());
        attributes.put(CHANNEL, channel);
        List<io.netty.handler.codec.http.HttpHeaders> headers = new ArrayList<>(2);
        if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof HttpServerRequest request) {
            headers.add(request.requestHeaders());
        }
        if (ServerHttpResponseDecorator
            .getNativeResponse(exchange.getResponse()) instanceof HttpServerResponse response) {
            headers.add(response.responseHeaders());
        }
        attributes.put(HANDSHAKE_HEADERS, headers);
        return new HandshakeInfo(info.getUri(), HttpHeaders.EMPTY, new LinkedMultiValueMap<>(0),
                Mono.justOrEmpty(principal), info.getSubProtocol(), info.getRemoteAddress(), attributes,
                info.getLogPrefix());
    }

    private static @Nullable Channel channelOf(ServerWebExchange exchange) {
        HttpServerResponse response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        AtomicReference<Channel> channel = new AtomicReference<>();
        response.withConnection(connection -> channel.set(connection.channel()));
        return channel.get();
    }

}
