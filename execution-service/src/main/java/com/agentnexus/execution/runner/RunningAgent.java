package com.agentnexus.execution.runner;

import java.util.concurrent.CompletableFuture;

/** A started agent. */
public interface RunningAgent {

    /**
     * Completes with the exit code once the agent has exited, every line it printed has
     * been delivered and sampling has stopped — so the caller may publish the terminal
     * status as the last event.
     */
    CompletableFuture<Integer> exit();

    /**
     * Kills the agent and everything it started; {@link #exit()} then completes.
     * Idempotent.
     */
    void kill();

}
