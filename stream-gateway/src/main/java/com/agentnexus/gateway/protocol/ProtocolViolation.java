package com.agentnexus.gateway.protocol;

import com.agentnexus.events.ExecutionId;
import org.jspecify.annotations.Nullable;

/**
 * A client message the gateway rejects; becomes an {@code error} message, and the
 * connection stays open.
 */
public final class ProtocolViolation extends RuntimeException {

    private final ErrorCode code;

    private final @Nullable ExecutionId executionId;

    ProtocolViolation(ErrorCode code, String message, @Nullable ExecutionId executionId) {
        super(message, null, false, false);
        this.code = code;
        this.executionId = executionId;
    }

    public ErrorCode code() {
        return code;
    }

    /** The execution the message was about, when it named a valid one. */
    public @Nullable ExecutionId executionId() {
        return executionId;
    }

}
