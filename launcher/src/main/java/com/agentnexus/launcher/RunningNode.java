package com.agentnexus.launcher;

import com.agentnexus.launcher.logs.ChildLog;
import java.util.concurrent.CompletableFuture;

/**
 * One incarnation of a node the stack supervises: a process that runs until it is closed
 * or dies.
 */
interface RunningNode extends AutoCloseable {

    long pid();

    /**
     * Completes with the exit code when the process ended (-1 when the launcher cannot
     * know it).
     */
    CompletableFuture<Integer> exited();

    /**
     * Waits until the node serves; nodes whose start already waited for that have nothing
     * to do here.
     */
    default void awaitReady() throws InterruptedException {
    }

    /**
     * Stops the process (gracefully first) and waits for it; harmless when it already
     * ended.
     */
    @Override
    void close();

    /**
     * Starts one incarnation of a node, its output going to the node's log, which
     * outlives incarnations.
     */
    @FunctionalInterface
    interface Starter {

        RunningNode start(ChildLog log) throws Exception;

    }

}
