package com.agentnexus.execution.publishing;

import com.agentnexus.events.ExecutionStatus;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/** How an execution ended; the sequencer adds the event count and the log checksum. */
public record TerminalStatus(ExecutionStatus status, @Nullable BigInteger priceWei, @Nullable String outputJson,
        @Nullable String error, @Nullable Integer exitCode, long durationMs) {

    public TerminalStatus {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException(status + " is not terminal");
        }
    }

    public static TerminalStatus completed(BigInteger priceWei, @Nullable String outputJson, int exitCode,
            long durationMs) {
        return new TerminalStatus(ExecutionStatus.COMPLETED, priceWei, outputJson, null, exitCode, durationMs);
    }

    public static TerminalStatus failed(String error, @Nullable Integer exitCode, long durationMs) {
        return new TerminalStatus(ExecutionStatus.FAILED, null, null, error, exitCode, durationMs);
    }

    public static TerminalStatus timedOut(String error, @Nullable Integer exitCode, long durationMs) {
        return new TerminalStatus(ExecutionStatus.TIMED_OUT, null, null, error, exitCode, durationMs);
    }
}
