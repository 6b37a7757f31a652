package com.agentnexus.execution.executions;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.execution.publishing.EventSequencer;
import com.agentnexus.execution.runner.RunningAgent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

/**
 * The one place that decides how a live execution ends. A cancel request and the
 * lifecycle's own outcome (exit, timeout, error) race; whichever reaches this lock first
 * wins, so exactly one terminal status is ever chosen. Only the decision is taken under
 * the lock: killing an agent may block (the Docker runner makes an HTTP call of up to 30
 * s), so it happens outside it — and a cancel, which comes from a request on a reactive
 * thread, kills on the kill executor instead of its caller's thread.
 */
final class ExecutionControl {

    private static final Logger log = LoggerFactory.getLogger(ExecutionControl.class);

    /** What a cancel request achieved. */
    enum CancelOutcome {

        /** It had not started: the caller ends it (no agent ever runs). */
        WITHDRAWN,
        /**
         * It runs: the agent is killed and the lifecycle publishes CANCELLED once the
         * agent is gone.
         */
        KILLING,
        /** Its end was already decided (or a cancel is already under way). */
        TOO_LATE

    }

    private final LaunchedExecution execution;

    private final EventSequencer events;

    private final Executor killer;

    private final CompletableFuture<Void> recorded = new CompletableFuture<>();

    private @Nullable Runnable task;

    private @Nullable RunningAgent agent;

    private boolean started;

    private boolean cancelRequested;

    private boolean decided;

    ExecutionControl(LaunchedExecution execution, EventSequencer events) {
        this(execution, events, task -> Schedulers.boundedElastic().schedule(task));
    }

    /**
     * @param killer where a cancel request kills the agent (never its caller's thread,
     * never under the lock)
     */
    ExecutionControl(LaunchedExecution execution, EventSequencer events, Executor killer) {
        this.execution = execution;
        this.events = events;
        this.killer = killer;
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

    /**
     * The lifecycle takes the execution out of the queue; false when it was cancelled
     * while waiting.
     */
    synchronized boolean begin() {
        if (cancelRequested) {
            return false;
        }
        started = true;
        return true;
    }

    /**
     * The agent has started; a cancel that arrived while it was starting kills it now (on
     * this thread).
     */
    void attach(RunningAgent agent) {
        boolean kill;
        synchronized (this) {
            this.agent = agent;
            kill = cancelRequested;
        }
        if (kill) {
            events().stopHoldingBack();
            agent.kill();
        }
    }

    CancelOutcome requestCancel() {
        RunningAgent toKill;
        synchronized (this) {
            if (decided || cancelRequested) {
                return CancelOutcome.TOO_LATE;
            }
            cancelRequested = true;
            if (!started) {
                decided = true;
                return CancelOutcome.WITHDRAWN;
            }
            // Not attached yet: attach() kills it. Attached: it is killed below, once, as
            // cancelRequested is set.
            toKill = agent;
        }
        if (toKill != null) {
            killer.execute(() -> kill(toKill));
        }
        return CancelOutcome.KILLING;
    }

    private void kill(RunningAgent agent) {
        try {
            events().stopHoldingBack();
            agent.kill();
        }
        catch (RuntimeException e) {
            // The lifecycle's timeout still kills it; CANCELLED is decided already.
            log.error("could not kill the agent of execution {}", execution.id(), e);
        }
    }

    /**
     * The lifecycle knows its own outcome; true when a cancel came first and CANCELLED
     * must be published.
     */
    synchronized boolean decideCancelled() {
        decided = true;
        return cancelRequested;
    }

}
