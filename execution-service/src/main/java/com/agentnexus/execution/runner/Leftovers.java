package com.agentnexus.execution.runner;

import com.agentnexus.events.ExecutionId;

/**
 * What a previous process may have left running for an execution it never finished — a
 * container that no one will ever kill, time out or remove. Restart recovery clears it
 * before ending the execution.
 */
public interface Leftovers {

    /**
     * Nothing can outlive the process (the process runner: its agents die with it or are
     * orphaned to init).
     */
    Leftovers NONE = id -> {
    };

    /**
     * Force-removes whatever still runs for the execution; never throws (recovery must go
     * on).
     */
    void removeLeftovers(ExecutionId id);

}
