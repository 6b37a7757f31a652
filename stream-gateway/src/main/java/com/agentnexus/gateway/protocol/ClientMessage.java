package com.agentnexus.gateway.protocol;

import com.agentnexus.events.ExecutionId;

/**
 * A message a client sends. Closed family: a new kind fails compilation wherever messages
 * are handled.
 */
public sealed interface ClientMessage {

    <R> R accept(Visitor<R> visitor);

    /**
     * Start receiving an execution's events with seq greater than {@code fromSeq} (0 =
     * from the beginning).
     */
    record Subscribe(ExecutionId executionId, long fromSeq) implements ClientMessage {
        public Subscribe {
            if (fromSeq < 0) {
                throw new IllegalArgumentException("fromSeq must be >= 0");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.subscribe(this);
        }
    }

    /** Stop receiving an execution's events. */
    record Unsubscribe(ExecutionId executionId) implements ClientMessage {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unsubscribe(this);
        }
    }

    /** Application-level liveness check, answered with {@code pong}. */
    record Ping() implements ClientMessage {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ping(this);
        }
    }

    interface Visitor<R> {

        R subscribe(Subscribe subscribe);

        R unsubscribe(Unsubscribe unsubscribe);

        R ping(Ping ping);

    }

}
