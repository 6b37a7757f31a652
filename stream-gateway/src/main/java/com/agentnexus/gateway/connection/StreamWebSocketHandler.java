package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.ClientMessageParser;
import com.agentnexus.gateway.protocol.ServerMessages;
import com.agentnexus.support.Viewer;
import com.agentnexus.gateway.subscription.SubscriptionStarter;
import io.netty.channel.Channel;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import java.util.List;
import java.nio.channels.ClosedChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.channel.AbortedException;

/**
 * Serves {@code /ws}. The handshake is already authenticated; the principal decides what
 * the client may see. Each connection gets a WebSocket ping every {@code ping-interval}
 * and is closed with 1001 once nothing (a pong included) arrived for
 * {@code idle-timeout}; client messages are rate-limited.
 */
@Component
class StreamWebSocketHandler implements WebSocketHandler {

    static final CloseStatus IDLE = new CloseStatus(1001, "idle timeout");
    static final CloseStatus FLOODING = new CloseStatus(1008, "message rate exceeded");
    static final CloseStatus TOO_SLOW = new CloseStatus(1013, "too slow; reconnect and resume with fromSeq");

    private static final Logger log = LoggerFactory.getLogger(StreamWebSocketHandler.class);

    private final ClientMessageParser parser;

    private final ServerMessages messages;

    private final SubscriptionStarter starter;

    private final ActiveConnections active;

    private final ConnectionProperties properties;

    private final DeliveryMeters meters;

    StreamWebSocketHandler(ClientMessageParser parser, ServerMessages messages, SubscriptionStarter starter,
            ActiveConnections active, ConnectionProperties properties, DeliveryMeters meters) {
        this.parser = parser;
        this.messages = messages;
        this.starter = starter;
        this.active = active;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo()
            .getPrincipal()
            .map(Viewer::of)
            .flatMap(viewer -> serve(session, viewer))
            // unreachable behind the security filter chain; refuse rather than serve
            // anonymously
            .switchIfEmpty(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION)));
    }

    private Mono<Void> serve(WebSocketSession session, Viewer viewer) {
        if (!(session.getAttributes().get(EventLoopUpgradeStrategy.CHANNEL) instanceof Channel channel)) {
            // unreachable on Reactor Netty, which is the only server here
            log.error("WebSocket connection {} has no Netty channel; closing it", session.getId());
            return session.close(CloseStatus.SERVER_ERROR);
        }
        if (session.getAttributes().remove(EventLoopUpgradeStrategy.HANDSHAKE_HEADERS) instanceof List<?> headers) {
            // upgraded: nothing reads them again
            headers.forEach(each -> ((io.netty.handler.codec.http.HttpHeaders) each).clear());
        }
        var socket = new ChannelSocket(channel, meters);
        var close = new ServerClose(session, socket, properties.closeTimeout());
        var outbound = new Outbound(properties.outboundQueueCapacity(), socket, properties.slowClientGrace(),
                System::nanoTime, () -> closeOverloaded(session, close));
        var silence = new Silence(properties.idleTimeout(), System::nanoTime);
        var open = new OpenConnection(close::close, outbound, silence, properties.pingInterval(), System::nanoTime);
        if (!active.open(open)) {
            open.close(ActiveConnections.SHUTTING_DOWN);
            return close.done();
        }
        var connection = new Connection(viewer, outbound, parser, messages, starter, properties.maxSubscriptions());
        var rate = new MessageRate(properties.messagesPerSecond(), properties.messageBurst(), System::nanoTime);
        Mono<Void> inbound = session.receive().doOnNext(message -> {
            silence.heard();
            receive(session, connection, open, rate, message);
        }).then().doFinally(signal -> {
            close.inboundEnded();
            connection.close();
        });
        // what the server sends does not go through the session: Outbound writes the
        // socket
        return Mono.when(inbound, close.done()).onErrorResume(StreamWebSocketHandler::isDisconnect, error -> {
            // a client gone without a close frame is no failure of ours: one line, no
            // trace, and nothing left for the server to log
            log.debug("WebSocket connection {} dropped by the client: {}", session.getId(), error.toString());
            return Mono.empty();
        }).doOnError(error -> logFailure(session, error)).doFinally(signal -> {
            connection.close();
            active.closed(open);
        });
    }

    /**
     * Whether the connection failed because the client went away without a close frame:
     * the socket was reset or closed under a write or read.
     */
    static boolean isDisconnect(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AbortedException || cause instanceof ClosedChannelException) {
                return true;
            }
            if (cause instanceof IOException && cause.getMessage() != null
                    && (cause.getMessage().contains("Connection reset")
                            || cause.getMessage().contains("Broken pipe"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * A pong only proves the client is alive (the silence was reset above). Client pings
     * never get here: Reactor Netty answers them itself, so they do not keep a connection
     * from the idle timeout.
     */
    private void receive(WebSocketSession session, Connection connection, OpenConnection open, MessageRate rate,
            WebSocketMessage message) {
        WebSocketMessage.Type type = message.getType();
        if (type == WebSocketMessage.Type.PONG || type == WebSocketMessage.Type.PING) {
            return;
        }
        switch (rate.next()) {
            case ACCEPT -> {
                if (type == WebSocketMessage.Type.TEXT) {
                    connection.receive(message.getPayloadAsText());
                }
                else {
                    connection.refuseBinary();
                }
            }
            case REFUSE -> connection.refuse(rate.perSecond());
            case CLOSE -> {
                log.info("Closing WebSocket connection {}: it kept sending past the rate limit", session.getId());
                open.close(FLOODING);
            }
        }
    }

    private static void logFailure(WebSocketSession session, Throwable error) {
        if (error instanceof TooLongFrameException) {
            // a fragmented message over max-frame-size: Reactor Netty has already closed
            // with 1002
            log.info("WebSocket connection {} sent a message over the size limit: {}", session.getId(),
                    error.getMessage());
        }
        else {
            log.warn("WebSocket connection {} failed", session.getId(), error);
        }
    }

    private void closeOverloaded(WebSocketSession session, ServerClose close) {
        log.info("Closing slow WebSocket connection {}: it does not take what it is sent", session.getId());
        active.slowClientClosed();
        // not on the sender's thread: it holds the outbound lock, and closing re-enters
        // the connection
        Schedulers.parallel().schedule(() -> close.close(TOO_SLOW));
    }

}
