package com.agentnexus.execution.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import com.agentnexus.execution.agent.Agent;
import com.agentnexus.execution.agent.AgentContainer;
import com.agentnexus.execution.execution.ExecutionControl.CancelOutcome;
import com.agentnexus.execution.runner.RunningAgent;
import com.fasterxml.uuid.Generators;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecutionControlTest {

    private final ExecutionControl control = new ExecutionControl(new LaunchedExecution(
            new ExecutionId(Generators.timeBasedEpochGenerator().generate()),
            new Agent(new AgentId("a"), "A", BigInteger.ONE, Duration.ofSeconds(5), "true", AgentContainer.DEFAULT),
            new UserId("u"), "{}"), null);

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
        assertThat(agent.kills).hasValue(1);
        assertThat(control.decideCancelled()).isTrue();
    }

    @Test
    void aCancelDuringTheAgentsStartKillsItOnceAttached() {
        control.begin();
        assertThat(control.requestCancel()).isEqualTo(CancelOutcome.KILLING);
        var agent = new CountingAgent();

        control.attach(agent);

        assertThat(agent.kills).hasValue(1);
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
        control.begin();
        control.requestCancel();

        assertThat(control.requestCancel()).isEqualTo(CancelOutcome.TOO_LATE);
    }

    private static final class CountingAgent implements RunningAgent {
        final AtomicInteger kills = new AtomicInteger();

        @Override
        public CompletableFuture<Integer> exit() {
            return new CompletableFuture<>();
        }

        @Override
        public void kill() {
            kills.incrementAndGet();
        }
    }
}
