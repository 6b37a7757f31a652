package com.agentnexus.events;

/** The lifecycle of an execution: PENDING, RUNNING, then exactly one terminal status. */
public enum ExecutionStatus {

    PENDING, RUNNING, COMPLETED, FAILED, TIMED_OUT, CANCELLED;

    /**
     * Whether this status ends the execution; a terminal status is always its execution's
     * last event.
     */
    public boolean isTerminal() {
        return this != PENDING && this != RUNNING;
    }

}
