package com.agentnexus.gateway.subscription;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.protocol.ErrorCode;

/**
 * Where a subscription delivers: the client's connection. Called under the subscription's
 * lock, but for {@link #awaitRoom}.
 */
public interface SubscriptionSink {

    /** The next event of the execution, in seq order. */
    void event(ExecutionEvent event);

    /** The subscription ends with an error the client should see. */
    void error(ExecutionId executionId, ErrorCode code, String message);

    /**
     * The subscription ended (completed, failed or cancelled); nothing more will be
     * delivered.
     */
    void ended(Subscription subscription);

    /**
     * Blocks a replay thread — never under the subscription's lock — until the client has
     * room for more, so that a long history reaches a reading client at its own pace
     * instead of overflowing its queue. False when the connection is gone, or was just
     * closed as too slow.
     */
    boolean awaitRoom();

}
