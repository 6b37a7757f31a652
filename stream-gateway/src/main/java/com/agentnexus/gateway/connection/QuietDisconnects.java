package com.agentnexus.gateway.connection;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Hooks;

/**
 * Keeps clients that vanish without a close frame out of the error log. When a socket is
 * reset, Reactor Netty signals the failure to the connection's inbound and again when the
 * channel closes; the handler ends on the first (one debug line, see
 * {@link StreamWebSocketHandler}), and the second reaches an operator that already
 * finished, which hands it to Reactor's "dropped error" hook — by default an ERROR with a
 * full stack trace, for every such client. This hook logs those disconnects at debug
 * level, in one line, and every other dropped error as Reactor does by default.
 */
@Component
class QuietDisconnects {

    private static final Logger log = LoggerFactory.getLogger(QuietDisconnects.class);

    // Reactor's hooks are global and add up: installed once per JVM and never reset, so a
    // second application context (tests) neither doubles the hook nor, when it closes,
    // removes it from the contexts still running
    private static final AtomicBoolean installed = new AtomicBoolean();

    QuietDisconnects() {
        if (installed.compareAndSet(false, true)) {
            Hooks.onErrorDropped(QuietDisconnects::dropped);
        }
    }

    private static void dropped(Throwable error) {
        if (StreamWebSocketHandler.isDisconnect(error)) {
            log.debug("A client connection ended without a close frame: {}", error.toString());
        }
        else {
            // Reactor's default for a dropped error
            log.error("Operator called default onErrorDropped", error);
        }
    }

}
