package com.agentnexus.execution.execution;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.execution.publishing.EventSequencer;
import com.agentnexus.execution.runner.RunningAgent;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides how a live execution ends. A cancel request and the lifecycle's own outcome (exit,
 * timeout, error) race; whichever reaches this lock first wins, so exactly one terminal status is ever chosen.
 */
final class ExecutionControl {

    /** What a cancel request achieved. */
    enum CancelOutcome {
        /** It had not started: the caller ends it (no agent ever runs). */
        WITHDRAWN,
        /** It runs: the agent is killed and the lifecycle publishes CANCELLED once the agent is gone. */
        KILLING,
        /** Its end was already decided (or a cancel is already under way). */
        TOO_LATE
    }

    private final LaunchedExecution execution;
    private final EventSequencer events;
    private final CompletableFuture<Void> recorded = new CompletableFuture<>();
    private @Nullable Runnable task;
    private @Nullable RunningAgent agent;
    private boolean started;
    private boolean cancelRequested;
    private boolean decided;

    ExecutionControl(LaunchedExecution execution, EventSequencer events) {
        this.execution = execution;
        this.events = events;
    }

    ExecutionId id() {
        return execution.id();
    }

    LaunchedExecution execution() {
        return execution;
    }

    EventSequencer events() {
        return events;
    }

    /** Completes once the terminal status is published and stored. */
    CompletableFuture<Void> recorded() {
        return recorded;
    }

    synchronized void queuedAs(Runnable task) {
        this.task = task;
    }

    synchronized @Nullable Runnable task() {
        return task;
    }

    /** The lifecycle takes the execution out of the queue; false when it was cancelled while waiting. */
    synchronized boolean begin() {
        if (cancelRequested) {
            return false;
        }
        started = true;
        return true;
    }

    /** The agent has started; a cancel that arrived while it was starting kills it now. */
    synchronized void attach(RunningAgent agent) {
        this.agent = agent;
        if (cancelRequested) {
            agent.kill();
        }
    }

    synchronized CancelOutcome requestCancel() {
        if (decided || cancelRequested) {
            return CancelOutcome.TOO_LATE;
        }
        cancelRequested = true;
        if (!started) {
            decided = true;
            return CancelOutcome.WITHDRAWN;
        }
        if (agent != null) {
            agent.kill();
        }
        return CancelOutcome.KILLING;
    }

    /** The lifecycle knows its own outcome; true when a cancel came first and CANCELLED must be published. */
    synchronized boolean decideCancelled() {
        decided = true;
        return cancelRequested;
    }
}
