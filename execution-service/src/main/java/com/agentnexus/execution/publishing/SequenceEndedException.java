package com.agentnexus.execution.publishing;

/** An event arrived after its execution's terminal status; it is not published (the terminal must stay last). */
public final class SequenceEndedException extends IllegalStateException {

    SequenceEndedException(EventEnvelope envelope) {
        super("execution " + envelope.executionId() + " has already ended");
    }
}
