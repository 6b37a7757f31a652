package com.agentnexus.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent that prints 1,000,000 lines as fast as it can ({@code seq 1 1000000}) must
 * complete with every line on Kafka, under the process runner and under the Docker
 * runner: Kafka slower than the agent slows the agent, it never fails it.
 */
@Order(1)
@ExtendWith(FaultSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MillionLineAgentScenario {

    private static final long LINES = 1_000_000;

    private static final String DEMO_IMAGE = "localhost/agentnexus-demo:1";

    @Test
    @Order(1)
    void completesWithEveryLineUnderTheProcessRunner(FaultSuite.Run run) throws Exception {
        runMillionLines(run, run.api, "process", null);
    }

    @Test
    @Order(2)
    void completesWithEveryLineUnderTheDockerRunner(FaultSuite.Run run) throws Exception {
        String scenario = "1M-line agent, Docker runner";
        String host = DockerApiEngine.host();
        if (host == null || !DockerApiEngine.answers(host)) {
            String why = "no Docker-API engine answers at " + (host == null ? "DOCKER_HOST (unset)" : host)
                    + "; start one with scripts/docker-api-engine.sh and export the DOCKER_HOST it prints";
            run.table.add(FaultTable.Row.skipped(scenario, why));
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        try (var docker = DockerRunnerService.start(run.stack, host)) {
            runMillionLines(run, run.api.withExecutionUrl(docker.url()), "docker", DEMO_IMAGE);
        }
    }

    private static void runMillionLines(FaultSuite.Run run, StackApi api, String runner, @Nullable String image)
            throws Exception {
        String scenario = "1M-line agent, " + runner + " runner";
        String agent = "fault-million-" + runner;
        api.createAgent(agent, "seq 1 " + LINES, "1", Duration.ofMinutes(6), image);
        long began = System.nanoTime();
        long postedAtMs = System.currentTimeMillis();
        String id = api.start(run.stack.token("fault-million", false), agent);
        // the agent's own timeout (6 min) ends it before the reader stops waiting for its
        // terminal status
        ExecutionTally tally = run.kafka.read(new ExecutionTally(id).expectingLogLines(LINES), Duration.ofMinutes(8));
        long readMs = (System.nanoTime() - began) / 1_000_000;
        long wallMs = tally.hasTerminal() ? tally.terminalTimestamp() - postedAtMs : readMs;

        List<String> problems = new ArrayList<>(tally.problems());
        var terminal = tally.terminal();
        if (terminal != null && !terminal.status().equals("COMPLETED")) {
            problems.add(id + " ended " + terminal.status() + ": " + terminal.error());
        }
        if (tally.logLines() != LINES) {
            problems.add(String.format("%,d of %,d lines on Kafka", tally.logLines(), LINES));
        }
        List<String> notes = new ArrayList<>(List.of(String.format(
                "%s: wall time %.1f s (POST to the terminal status's timestamp) = %,.0f lines/s; PENDING to "
                        + "terminal by event timestamps %.1f s; read back from Kafka %.1f s after the POST",
                id, wallMs / 1000.0, tally.logLines() * 1000.0 / wallMs, tally.spanMs() / 1000.0, readMs / 1000.0)));
        notes.addAll(CrossCheck.of(run.kafka, tally));
        run.table.add(FaultTable.Row.of(scenario, List.of(tally), problems, notes));
        assertThat(problems).as(scenario).isEmpty();
    }

}
