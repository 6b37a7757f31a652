package com.agentnexus.execution.publishing;

/**
 * An event was not published because its execution can take no more: the terminal status
 * was already sent (it must stay last), or the event buffer overflowed during a Kafka
 * outage and the execution is bound to end FAILED.
 */
public final class SequenceEndedException extends IllegalStateException {

    private SequenceEndedException(String message) {
        super(message);
    }

    static SequenceEndedException ended(EventEnvelope envelope) {
        return new SequenceEndedException("execution " + envelope.executionId() + " has already ended");
    }

    static SequenceEndedException overflowed(EventEnvelope envelope) {
        return new SequenceEndedException(
                "execution " + envelope.executionId() + " lost events to a full event buffer; it will end FAILED");
    }

}
