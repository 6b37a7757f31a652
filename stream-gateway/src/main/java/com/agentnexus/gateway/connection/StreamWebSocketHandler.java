package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.ClientMessageParser;
import com.agentnexus.gateway.protocol.ServerMessages;
import com.agentnexus.gateway.security.Viewer;
import com.agentnexus.gateway.subscription.SubscriptionStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Serves {@code /ws}. The handshake is already authenticated; the principal decides what the client may see. */
@Component
class StreamWebSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamWebSocketHandler.class);

    private final ClientMessageParser parser;
    private final ServerMessages messages;
    private final SubscriptionStarter starter;
    private final ActiveConnections active;
    private final ConnectionProperties properties;

    StreamWebSocketHandler(ClientMessageParser parser, ServerMessages messages, SubscriptionStarter starter,
            ActiveConnections active, ConnectionProperties properties) {
        this.parser = parser;
        this.messages = messages;
        this.starter = starter;
        this.active = active;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
                .map(Viewer::of)
                .flatMap(viewer -> serve(session, viewer))
                // unreachable behind the security filter chain; refuse rather than serve anonymously
                .switchIfEmpty(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION)));
    }

    private Mono<Void> serve(WebSocketSession session, Viewer viewer) {
        var outbound = new Outbound(properties.outboundQueueCapacity(), () -> closeOverloaded(session));
        var connection = new Connection(viewer, outbound, parser, messages, starter);
        active.opened();
        Mono<Void> inbound = session.receive()
                .map(WebSocketMessage::getPayloadAsText)
                .doOnNext(connection::receive)
                .then()
                .doFinally(signal -> connection.close());
        Mono<Void> send = session.send(outbound.messages().map(session::textMessage));
        return Mono.zip(inbound, send).then()
                .doOnError(error -> log.warn("WebSocket connection {} failed", session.getId(), error))
                .doFinally(signal -> {
            connection.close();
            active.closed();
        });
    }

    private void closeOverloaded(WebSocketSession session) {
        log.info("Closing slow WebSocket connection {}: outbound queue full", session.getId());
        // not on the sender's thread: it holds the outbound lock, and closing re-enters the connection
        Schedulers.parallel().schedule(() -> session.close(CloseStatus.SERVICE_OVERLOAD).subscribe());
    }
}
