package com.agentnexus.gateway.connection;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Closes one connection from the server side with a status the client can act on, at most
 * once.
 *
 * <p>
 * Reactor Netty ends the connection's inbound as soon as a close starts, which ends the
 * handler; a handler that ended before the close frame was written lets the channel close
 * first, and the client sees no status (or a bare 1005). So the handler also waits for
 * {@link #done()}: the written close frame, or an inbound that ended without a close of
 * ours. The close frame queues behind what Netty still buffers for the client; a client
 * that stopped reading never gets it, so after {@code timeout} the socket is cut.
 */
final class ServerClose {

    private final WebSocketSession session;

    private final FrameSocket socket;

    private final Duration timeout;

    private final AtomicBoolean started = new AtomicBoolean();

    private final Sinks.Empty<Void> done = Sinks.empty();

    ServerClose(WebSocketSession session, FrameSocket socket, Duration timeout) {
        this.session = session;
        this.socket = socket;
        this.timeout = timeout;
    }

    /**
     * Sends a close frame with {@code status}, unless a close already began. Any thread.
     */
    void close(CloseStatus status) {
        if (started.compareAndSet(false, true)) {
            session.close(status)
                .timeout(timeout)
                .onErrorResume(stuck -> Mono.fromRunnable(socket::abort))
                .doFinally(signal -> done.tryEmitEmpty())
                .subscribe();
        }
    }

    /**
     * The inbound ended; if the client (or the network) closed first, there is nothing of
     * ours to wait for.
     */
    void inboundEnded() {
        if (started.compareAndSet(false, true)) {
            done.tryEmitEmpty();
        }
    }

    Mono<Void> done() {
        return done.asMono();
    }

}
