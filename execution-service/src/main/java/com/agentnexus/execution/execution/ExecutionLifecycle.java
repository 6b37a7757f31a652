package com.agentnexus.execution.execution;

import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.execution.publishing.EventSequencer;
import com.agentnexus.execution.publishing.TerminalStatus;
import com.agentnexus.execution.runner.AgentRunner;
import com.agentnexus.execution.runner.RunSpec;
import com.agentnexus.execution.runner.Sandbox;
import com.agentnexus.execution.runner.RunnerException;
import com.agentnexus.execution.runner.RunningAgent;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one accepted execution from RUNNING to exactly one terminal status, which is always its last event:
 * it is published only after the runner has delivered every line and stopped sampling.
 */
final class ExecutionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExecutionLifecycle.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KILL_GRACE = Duration.ofSeconds(10);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final AgentRunner runner;
    private final ExecutionStore store;
    private final LogLineSanitizer sanitizer;
    private final LineCap cap;
    private final Clock clock;

    ExecutionLifecycle(AgentRunner runner, ExecutionStore store, LogLineSanitizer sanitizer, LineCap cap,
            Clock clock) {
        this.runner = runner;
        this.store = store;
        this.sanitizer = sanitizer;
        this.cap = cap;
        this.clock = clock;
    }

    void run(LaunchedExecution execution, EventSequencer events) {
        long startNanos = System.nanoTime();
        var run = new ExecutionRun(events, sanitizer, cap);
        TerminalStatus end;
        try {
            events.status(ExecutionStatus.RUNNING);
            store.markRunning(execution.id(), events.lastSeq(), clock.instant()).block(DB_TIMEOUT);
            end = runToEnd(execution, run, startNanos);
        } catch (RuntimeException | ExecutionException e) {
            log.error("execution {} failed inside the service", execution.id(), e);
            end = TerminalStatus.failed("internal error", null, elapsedMillis(startNanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end = TerminalStatus.failed("interrupted", null, elapsedMillis(startNanos));
        }
        finish(execution, events, run, end);
    }

    private TerminalStatus runToEnd(LaunchedExecution execution, ExecutionRun run, long startNanos)
            throws ExecutionException, InterruptedException {
        RunningAgent agent;
        try {
            agent = runner.start(spec(execution), run);
        } catch (RunnerException e) {
            return TerminalStatus.failed(e.getMessage(), null, elapsedMillis(startNanos));
        }
        Duration timeout = execution.agent().timeout();
        try {
            int exitCode = agent.exit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long duration = elapsedMillis(startNanos);
            return exitCode == 0
                    ? TerminalStatus.completed(execution.agent().priceWei(), run.output(), 0, duration)
                    : TerminalStatus.failed("exited with code " + exitCode, exitCode, duration);
        } catch (TimeoutException e) {
            agent.kill();
            Integer exitCode = awaitKilled(agent);
            return TerminalStatus.timedOut("timed out after " + describe(timeout), exitCode,
                    elapsedMillis(startNanos));
        }
    }

    private static Integer awaitKilled(RunningAgent agent) throws ExecutionException, InterruptedException {
        try {
            return agent.exit().get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("agent did not die within " + KILL_GRACE, e);
        }
    }

    private void finish(LaunchedExecution execution, EventSequencer events, ExecutionRun run, TerminalStatus end) {
        try {
            events.terminal(end).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.error("terminal status of execution {} was not acknowledged", execution.id(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.finish(execution.id(), end, events.lastSeq(), clock.instant(), run.peakMemoryBytes(),
                    run.peakCpuPercent()).block(DB_TIMEOUT);
        } catch (RuntimeException e) {
            log.error("could not record the end of execution {}", execution.id(), e);
        }
    }

    private static RunSpec spec(LaunchedExecution execution) {
        return new RunSpec(execution.id(), execution.agent().id(), execution.userId(), execution.agent().script(),
                Map.of("INPUT_DATA", execution.inputJson(),
                        "EXECUTION_ID", execution.id().toString(),
                        "AGENT_ID", execution.agent().id().value()),
                Sandbox.DEFAULT);
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
