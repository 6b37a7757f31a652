package com.agentnexus.gateway.protocol;

/**
 * The stable codes of {@code error} messages; clients branch on them, so they never
 * change meaning.
 */
public enum ErrorCode {

    /** The frame is not a JSON object. */
    INVALID_JSON,
    /** The {@code type} is missing or not one the gateway understands. */
    UNKNOWN_TYPE,
    /** The {@code executionId} is missing or not a UUIDv7. */
    INVALID_EXECUTION_ID,
    /** The {@code fromSeq} is not a non-negative integer. */
    INVALID_FROM_SEQ,
    /**
     * No event of the execution exists, or it belongs to another user: the same answer,
     * so that nobody learns which ids exist.
     */
    NOT_FOUND,
    /** The connection already subscribes to the execution. */
    ALREADY_SUBSCRIBED,
    /** The connection does not subscribe to the execution. */
    NOT_SUBSCRIBED,
    /** Reading the execution's history failed; subscribing again may succeed. */
    REPLAY_FAILED,
    /**
     * The connection already watches as many executions as allowed; unsubscribe one
     * first.
     */
    TOO_MANY_SUBSCRIPTIONS,
    /**
     * The client sends faster than allowed; the message was ignored. Keeping on closes
     * the connection (1008).
     */
    RATE_LIMITED

}
