package com.agentnexus.events;

/**
 * One event of an execution. Every event carries the same envelope; {@link #seq()}
 * numbers the events of one execution across all three topics, starting at 1, without
 * gaps.
 */
public sealed interface ExecutionEvent permits LogLineEmitted, ExecutionStatusChanged, ResourcesSampled {

    /** The execution this event belongs to; also the Kafka record key. */
    ExecutionId executionId();

    /** The agent that runs the execution. */
    AgentId agentId();

    /** The user who started the execution; subscribers are authorised against it. */
    UserId userId();

    /** Position of this event in its execution, 1-based, gap-free across topics. */
    long seq();

    /** When the event happened, epoch milliseconds. */
    long timestamp();

    /** The event class, which decides the topic and the wire {@code type}. */
    EventType type();

    /**
     * Dispatches on the event class. Java 17 has no pattern switch, so the visitor is how
     * a new event kind fails compilation everywhere it must be handled instead of being
     * dropped silently.
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per member of the sealed family. */
    interface Visitor<R> {

        R log(LogLineEmitted event);

        R status(ExecutionStatusChanged event);

        R resources(ResourcesSampled event);

    }

    /** Validates the envelope fields shared by every event. */
    static void requireEnvelope(ExecutionId executionId, AgentId agentId, UserId userId, long seq, long timestamp) {
        java.util.Objects.requireNonNull(executionId, "executionId");
        java.util.Objects.requireNonNull(agentId, "agentId");
        java.util.Objects.requireNonNull(userId, "userId");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1, was " + seq);
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must be >= 0, was " + timestamp);
        }
    }

}
