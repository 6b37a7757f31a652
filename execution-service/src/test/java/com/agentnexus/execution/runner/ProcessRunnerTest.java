package com.agentnexus.execution.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.LogStream;
import com.agentnexus.events.UserId;
import com.fasterxml.uuid.Generators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the process runner does around the agent itself: output held back by a full event
 * buffer is still read to the end, and the parent-death guard does not change the agent's
 * signals.
 */
class ProcessRunnerTest {

    private final ProcessRunner runner = new ProcessRunner(
            new RunnerProperties(RunnerMode.PROCESS, Duration.ofSeconds(1), Duration.ofMillis(300)),
            new ProcessTreeProbe(Path.of("/proc")));

    @AfterEach
    void close() {
        runner.close();
    }

    /**
     * An agent that exits with its last lines still in the pipe while the listener is
     * held back (a Kafka outage) longer than the drain timeout: the run ends only once
     * every line was handed on, because lines read after the terminal status would be
     * lost behind a count that claims completeness.
     */
    @Test
    void outputHeldBackLongerThanTheDrainTimeoutIsStillReadToTheEnd() throws Exception {
        AtomicInteger received = new AtomicInteger();
        RunListener heldBack = new RunListener() {
            @Override
            public void line(LogStream stream, String line) {
                if (received.incrementAndGet() == 1) {
                    // the agent exits with its lines still in the pipe...
                    await("the agent exited").atMost(Duration.ofSeconds(30))
                        .until(() -> ProcessHandle.current()
                            .descendants()
                            .noneMatch(p -> p.info().command().orElse("").endsWith("/seq")));
                    // ...and the buffer stays full for five drain timeouts: the sleep is
                    // the scenario
                    sleep(1_500);
                }
            }

            @Override
            public void sample(ResourceSample sample) {
            }
        };

        RunningAgent agent = runner.start(new RunSpec(new ExecutionId(Generators.timeBasedEpochGenerator().generate()),
                new AgentId("quick"), new UserId("test"), "seq 1 5000", Map.of(), Sandbox.DEFAULT), heldBack);
        int exitCode = agent.exit().get(30, TimeUnit.SECONDS);

        assertThat(exitCode).isZero();
        assertThat(received).as("every line was handed on before the run ended").hasValue(5000);
    }

    @Test
    void theGuardLeavesTheAgentsInterruptAndQuitSignalsAsAShellWould() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        RunListener recording = new RunListener() {
            @Override
            public void line(LogStream stream, String line) {
                lines.add(line);
            }

            @Override
            public void sample(ResourceSample sample) {
            }
        };
        RunningAgent agent = runner.start(new RunSpec(new ExecutionId(Generators.timeBasedEpochGenerator().generate()),
                new AgentId("signals"), new UserId("test"), "grep SigIgn /proc/self/status", Map.of(), Sandbox.DEFAULT),
                recording);
        assertThat(agent.exit().get(30, TimeUnit.SECONDS)).isZero();

        long ignored = Long.parseLong(lines.get(0).replace("SigIgn:", "").trim(), 16);
        assertThat(ignored & 0b110).as("SIGINT (bit 2) and SIGQUIT (bit 3) are not ignored").isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
