package com.agentnexus.events;

import java.util.Objects;

/** An agent printed a line (already sanitised and length-capped by the producer). */
public record LogLineEmitted(ExecutionId executionId, AgentId agentId, UserId userId, long seq, long timestamp,
        LogStream stream, String line) implements ExecutionEvent {

    public LogLineEmitted {
        ExecutionEvent.requireEnvelope(executionId, agentId, userId, seq, timestamp);
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(line, "line");
    }

    @Override
    public EventType type() {
        return EventType.LOG;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.log(this);
    }
}
