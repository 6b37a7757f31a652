package com.agentnexus.events;

/** A sample of the execution's resource use while it runs. */
public record ResourcesSampled(ExecutionId executionId, AgentId agentId, UserId userId, long seq, long timestamp,
        long memoryBytes, double cpuPercent, long durationMs) implements ExecutionEvent {

    public ResourcesSampled {
        ExecutionEvent.requireEnvelope(executionId, agentId, userId, seq, timestamp);
        if (memoryBytes < 0 || durationMs < 0 || cpuPercent < 0 || Double.isNaN(cpuPercent)) {
            throw new IllegalArgumentException("resource figures must be non-negative");
        }
    }

    @Override
    public EventType type() {
        return EventType.RESOURCE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.resources(this);
    }
}
