package com.agentnexus.execution.executions;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import com.agentnexus.execution.agent.Agent;
import com.agentnexus.execution.agent.AgentContainer;
import com.agentnexus.execution.executions.ExecutionControl.CancelOutcome;
import com.agentnexus.execution.publishing.EventEnvelope;
import com.agentnexus.execution.publishing.EventPublisher;
import com.agentnexus.execution.runner.RunningAgent;
import com.fasterxml.uuid.Generators;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecutionControlTest {

    /** Where kills requested by a cancel go; the test runs them when it chooses. */
    private final Queue<Runnable> killer = new ArrayDeque<>();

    private final ExecutionId id = new ExecutionId(Generators.timeBasedEpochGenerator().generate());

    private final ExecutionControl control = new ExecutionControl(
            new LaunchedExecution(id,
                    new Agent(new AgentId("a"), "A", BigInteger.ONE, Duration.ofSeconds(5), "true",
                            AgentContainer.DEFAULT),
                    new UserId("u"), "{}"),
            new EventPublisher(event -> CompletableFuture.completedFuture(null), Clock.systemUTC())
                .open(new EventEnvelope(id, new AgentId("a"), new UserId("u"), "A")),
            killer::add);

    @Test
    void cancellingAQueuedExecutionWithdrawsItAndItNeverStarts() {
        assertThat(control.requestCancel()).isEqualTo(CancelOutcome.WITHDRAWN);
        assertThat(control.begin()).isFalse();
    }

    @Test
    void cancellingARunningExecutionKillsItsAgentAndWinsTheEnd() {
        var agent = new CountingAgent();
        control.begin();
        control.attach(agent);

        assertThat(control.requestCancel()).isEqualTo(CancelOutcome.KILLING);
        assertThat(control.decideCancelled()).isTrue();
        runKills();
        assertThat(agent.kills).hasValue(1);
    }

    @Test
    void aCancelKillsOffItsCallersThreadAndOutsideTheLock() {
        var agent = new CountingAgent();
        control.begin();
        control.attach(agent);

        // A Docker kill blocks for up to 30 s: the (reactive) caller gets its answer
        // without waiting for it ...
        assertThat(control.requestCancel()).isEqualTo(CancelOutcome.KILLING);
        assertThat(agent.kills).hasValue(0);
        assertThat(killer).hasSize(1);

        // ... and while it runs, the control is not locked.
        runKills();
        assertThat(agent.kills).hasValue(1);
        assertThat(agent.killedUnderLock).isFalse();
    }

    @Test
    void aKillThatFailsLeavesTheCancelDecided() {
        control.begin();
        control.attach(new RunningAgent() {
            @Override
            public CompletableFuture<Integer> exit() {
                return new CompletableFuture<>();
            }

            @Override
            public void kill() {
                throw new IllegalStateException("engine gone");
            }
        });

        assertThat(control.requestCancel()).isEqualTo(CancelOutcome.KILLING);
        runKills();
        assertThat(control.decideCancelled()).isTrue();
    }

    @Test
    void aCancelDuringTheAgentsStartKillsItOnceAttached() {
        control.begin();
        assertThat(control.requestCancel()).isEqualTo(CancelOutcome.KILLING);
        var agent = new CountingAgent();

        control.attach(agent);

        assertThat(agent.kills).hasValue(1);
        assertThat(agent.killedUnderLock).isFalse();
        assertThat(killer).isEmpty();
    }

    @Test
    void onceTheEndIsDecidedACancelIsTooLateAndChangesNothing() {
        control.begin();
        control.attach(new CountingAgent());
        assertThat(control.decideCancelled()).isFalse();

        assertThat(control.requestCancel()).isEqualTo(CancelOutcome.TOO_LATE);
        assertThat(control.decideCancelled()).isFalse();
    }

    @Test
    void aSecondCancelIsTooLate() {
        var agent = new CountingAgent();
        control.begin();
        control.attach(agent);
        control.requestCancel();

        assertThat(control.requestCancel()).isEqualTo(CancelOutcome.TOO_LATE);
        runKills();
        assertThat(agent.kills).hasValue(1);
    }

    private void runKills() {
        Runnable kill;
        while ((kill = killer.poll()) != null) {
            kill.run();
        }
    }

    private final class CountingAgent implements RunningAgent {

        final AtomicInteger kills = new AtomicInteger();

        volatile boolean killedUnderLock;

        @Override
        public CompletableFuture<Integer> exit() {
            return new CompletableFuture<>();
        }

        @Override
        public void kill() {
            killedUnderLock |= Thread.holdsLock(control);
            kills.incrementAndGet();
        }

    }

}
