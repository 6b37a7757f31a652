package com.agentnexus.execution.runner;

/**
 * Runs an agent's script somewhere (a local process now, a hardened container later) and
 * reports what it prints, what it uses and how it exits. Runner-independent policy —
 * timeouts, sanitising, sequencing, the terminal status — belongs to the caller, so every
 * runner feeds the same lifecycle.
 */
public interface AgentRunner {

    /**
     * Starts the script and returns at once. Lines and samples reach {@code listener}
     * from runner threads, possibly concurrently, until {@link RunningAgent#exit()}
     * completes; never after.
     * @throws RunnerException if the agent could not be started at all
     */
    RunningAgent start(RunSpec spec, RunListener listener);

}
