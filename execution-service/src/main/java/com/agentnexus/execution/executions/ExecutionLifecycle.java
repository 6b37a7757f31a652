package com.agentnexus.execution.executions;

import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.execution.agent.AgentContainer;
import com.agentnexus.execution.output.LineCap;
import com.agentnexus.execution.output.LogLineSanitizer;
import com.agentnexus.execution.publishing.EventSequencer;
import com.agentnexus.execution.publishing.TerminalStatus;
import com.agentnexus.execution.runner.AgentRunner;
import com.agentnexus.execution.runner.RunSpec;
import com.agentnexus.execution.runner.RunnerException;
import com.agentnexus.execution.runner.RunningAgent;
import com.agentnexus.execution.runner.Sandbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Drives one accepted execution from RUNNING to exactly one terminal status, which is
 * always its last event: it is published only after the runner has delivered every line
 * and stopped sampling. Which terminal status it is — the agent's own outcome, its
 * timeout or a cancel — is decided once, by {@link ExecutionControl}.
 *
 * <p>
 * The database follows Kafka. An end that cannot be written (PostgreSQL down) is written
 * again in the background until it is ({@link UnrecordedEnds}). A start that cannot be
 * written ends the execution before its agent runs: FAILED {@value #START_NOT_RECORDED},
 * an end that then reaches the row like any other — rather than an agent at work behind a
 * row that says PENDING, with no started_at, for as long as the outage lasts.
 */
final class ExecutionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExecutionLifecycle.class);

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration KILL_GRACE = Duration.ofSeconds(10);

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    /**
     * At shutdown every wait is short: together they fit in
     * {@link ExecutionShutdown#GRACE}.
     */
    private static final Duration SHUTDOWN_KILL_GRACE = Duration.ofSeconds(5);

    private static final Duration SHUTDOWN_ACK_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration SHUTDOWN_DB_TIMEOUT = Duration.ofSeconds(2);
    static final String SHUTDOWN = "interrupted by shutdown";
    static final String CANCELLED = "cancelled";
    static final String START_NOT_RECORDED = "could not record the start in the database";

    private final AgentRunner runner;

    private final ExecutionStore store;

    private final LogLineSanitizer sanitizer;

    private final LineCap cap;

    private final UnrecordedEnds unrecorded;

    private final Clock clock;

    ExecutionLifecycle(AgentRunner runner, ExecutionStore store, LogLineSanitizer sanitizer, LineCap cap,
            UnrecordedEnds unrecorded, Clock clock) {
        this.runner = runner;
        this.store = store;
        this.sanitizer = sanitizer;
        this.cap = cap;
        this.unrecorded = unrecorded;
        this.clock = clock;
    }

    void run(ExecutionControl control) {
        if (!control.begin()) {
            return; // cancelled while queued: whoever cancelled it has ended it
        }
        LaunchedExecution execution = control.execution();
        EventSequencer events = control.events();
        long startNanos = System.nanoTime();
        var run = new ExecutionRun(events, sanitizer, cap);
        TerminalStatus end;
        try {
            events.status(ExecutionStatus.RUNNING);
            end = startRecorded(execution, events.lastSeq()) ? runToEnd(control, run, startNanos)
                    : decided(control, TerminalStatus.failed(START_NOT_RECORDED, null, elapsedMillis(startNanos)));
        }
        catch (RuntimeException | ExecutionException e) {
            log.error("execution {} failed inside the service", execution.id(), e);
            end = decided(control, TerminalStatus.failed("internal error", null, elapsedMillis(startNanos)));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end = decided(control, TerminalStatus.failed(SHUTDOWN, null, elapsedMillis(startNanos)));
        }
        finish(control, run, end);
    }

    private boolean startRecorded(LaunchedExecution execution, long lastSeq) {
        try {
            store.markRunning(execution.id(), lastSeq, clock.instant()).block(DB_TIMEOUT);
            return true;
        }
        catch (RuntimeException e) {
            log.warn("could not record the start of execution {} ({}); it ends without running", execution.id(),
                    e.toString());
            return false;
        }
    }

    /**
     * Ends an execution that never started (cancelled while queued): CANCELLED follows
     * PENDING directly.
     */
    void endUnstarted(ExecutionControl control) {
        finish(control, null, cancelled(null, 0));
    }

    private TerminalStatus runToEnd(ExecutionControl control, ExecutionRun run, long startNanos)
            throws ExecutionException, InterruptedException {
        LaunchedExecution execution = control.execution();
        RunningAgent agent;
        try {
            agent = runner.start(spec(execution), run);
        }
        catch (RunnerException e) {
            return decided(control, TerminalStatus.failed(e.getMessage(), null, elapsedMillis(startNanos)));
        }
        control.attach(agent);
        Duration timeout = execution.agent().timeout();
        try {
            int exitCode = agent.exit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long duration = elapsedMillis(startNanos);
            return decided(control,
                    exitCode == 0 ? TerminalStatus.completed(execution.agent().priceWei(), run.output(), 0, duration)
                            : TerminalStatus.failed("exited with code " + exitCode, exitCode, duration));
        }
        catch (TimeoutException e) {
            // Decide before killing: a cancel that arrives during the kill must not turn
            // this into CANCELLED.
            boolean cancelled = control.decideCancelled();
            control.events().stopHoldingBack();
            agent.kill();
            Integer exitCode = awaitKilled(agent);
            long duration = elapsedMillis(startNanos);
            return cancelled ? cancelled(exitCode, duration)
                    : TerminalStatus.timedOut("timed out after " + describe(timeout), exitCode, duration);
        }
        catch (InterruptedException e) {
            // The service is stopping (ExecutionSlots.shutDown): the agent must not
            // outlive it — a container would run on with no timeout and never be removed.
            control.events().stopHoldingBack();
            agent.kill();
            Integer exitCode = awaitKilledAtShutdown(control, agent);
            Thread.currentThread().interrupt();
            return decided(control, TerminalStatus.failed(SHUTDOWN, exitCode, elapsedMillis(startNanos)));
        }
    }

    private static @Nullable Integer awaitKilledAtShutdown(ExecutionControl control, RunningAgent agent) {
        try {
            return agent.exit().get(SHUTDOWN_KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException e) {
            log.warn("agent of execution {} was killed at shutdown but did not report its exit", control.id(), e);
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static TerminalStatus decided(ExecutionControl control, TerminalStatus natural) {
        return control.decideCancelled() ? cancelled(natural.exitCode(), natural.durationMs()) : natural;
    }

    private static TerminalStatus cancelled(@Nullable Integer exitCode, long durationMs) {
        return new TerminalStatus(ExecutionStatus.CANCELLED, null, null, CANCELLED, exitCode, durationMs);
    }

    private static Integer awaitKilled(RunningAgent agent) throws ExecutionException, InterruptedException {
        try {
            return agent.exit().get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("agent did not die within " + KILL_GRACE, e);
        }
    }

    private void finish(ExecutionControl control, @Nullable ExecutionRun run, TerminalStatus end) {
        // Interrupted = the service is stopping: wait briefly, then give the interrupt
        // back. What is not recorded in time, restart recovery finds (the terminal status
        // on Kafka, or none) and records.
        boolean stopping = Thread.interrupted();
        try {
            record(control, run, end, stopping ? SHUTDOWN_ACK_TIMEOUT : ACK_TIMEOUT,
                    stopping ? SHUTDOWN_DB_TIMEOUT : DB_TIMEOUT);
        }
        finally {
            if (stopping) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void record(ExecutionControl control, @Nullable ExecutionRun run, TerminalStatus end, Duration ackTimeout,
            Duration dbTimeout) {
        EventSequencer events = control.events();
        try {
            events.terminal(end).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException | TimeoutException e) {
            log.error("terminal status of execution {} was not acknowledged", control.id(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // after a buffer overflow the sequencer published FAILED instead of what was
        // asked; the row must agree
        TerminalStatus published = events.endedWith() != null ? events.endedWith() : end;
        try {
            // Waits for one attempt only; a failed one is retried in the background and
            // this slot moves on.
            unrecorded.record(control.id(),
                    store.finish(control.id(), published, events.lastSeq(), clock.instant(),
                            run == null ? null : run.peakMemoryBytes(), run == null ? null : run.peakCpuPercent()),
                    dbTimeout)
                .block();
        }
        finally {
            control.recorded().complete(null);
        }
    }

    private static RunSpec spec(LaunchedExecution execution) {
        return new RunSpec(execution.id(), execution.agent().id(), execution.userId(), execution.agent().script(),
                Map.of("INPUT_DATA", execution.inputJson(), "EXECUTION_ID", execution.id().toString(), "AGENT_ID",
                        execution.agent().id().value()),
                sandbox(execution.agent().container()));
    }

    private static Sandbox sandbox(AgentContainer container) {
        return new Sandbox(container.image(), DataSize.ofBytes(container.memoryBytes()), container.cpus(),
                container.pidsLimit());
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

}
