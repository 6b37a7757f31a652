package com.agentnexus.events;

import java.math.BigInteger;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The execution moved to {@link #status()}. A terminal status is the execution's last
 * event: it carries the duration, the exit code when there is one, the total number of
 * events of the execution (its own seq) and the {@link LogChecksum} over every published
 * log line, so a subscriber can prove it saw everything.
 *
 * @param priceWei the agent's price in Wei; exceeds 2^53, so it travels as a decimal
 * string
 * @param outputJson the agent's output, a JSON object in compact text form, on COMPLETED
 */
public record ExecutionStatusChanged(ExecutionId executionId, AgentId agentId, UserId userId, long seq, long timestamp,
        ExecutionStatus status, String agentName, @Nullable BigInteger priceWei, @Nullable String outputJson,
        @Nullable String error, @Nullable Integer exitCode, @Nullable Long durationMs, @Nullable Long eventCount,
        @Nullable String logChecksum) implements ExecutionEvent {

    public ExecutionStatusChanged {
        ExecutionEvent.requireEnvelope(executionId, agentId, userId, seq, timestamp);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(agentName, "agentName");
        if (priceWei != null && priceWei.signum() < 0) {
            throw new IllegalArgumentException("priceWei must not be negative");
        }
        if (status.isTerminal()) {
            if (eventCount == null || eventCount != seq) {
                throw new IllegalArgumentException("a terminal status must carry eventCount equal to its seq");
            }
            Objects.requireNonNull(logChecksum, "a terminal status must carry logChecksum");
            Objects.requireNonNull(durationMs, "a terminal status must carry durationMs");
        }
    }

    /** A non-terminal transition (PENDING or RUNNING). */
    public static ExecutionStatusChanged transition(ExecutionId executionId, AgentId agentId, UserId userId, long seq,
            long timestamp, ExecutionStatus status, String agentName, @Nullable BigInteger priceWei) {
        if (status.isTerminal()) {
            throw new IllegalArgumentException(status + " is terminal");
        }
        return new ExecutionStatusChanged(executionId, agentId, userId, seq, timestamp, status, agentName, priceWei,
                null, null, null, null, null, null);
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }

    @Override
    public EventType type() {
        return EventType.STATUS;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.status(this);
    }
}
