package com.agentnexus.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.launcher.StackHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stops while four executions run and starts again 15 s later: two of them end
 * during the outage, two after it. Every stream must be complete, and every row must
 * reach the state its terminal event carries.
 */
@Order(2)
@ExtendWith(FaultSuite.class)
class PostgresRestartScenario {

    private static final String SHORT = "fault-pg-short";

    private static final String LONG = "fault-pg-long";

    @Test
    void everyStreamCompleteAndEveryRowConvergesAfterARestart(FaultSuite.Run run) throws Exception {
        String scenario = "PostgreSQL stop/start mid-run (4 executions)";
        run.api.createAgent(SHORT, ticker("pg-short", 30, "0.2"), "1", Duration.ofMinutes(2), null);
        run.api.createAgent(LONG, ticker("pg-long", 120, "0.25"), "1", Duration.ofMinutes(2), null);
        String user = run.stack.token("fault-pg", false);
        List<String> shortIds = List.of(run.api.start(user, SHORT), run.api.start(user, SHORT));
        List<String> longIds = List.of(run.api.start(user, LONG), run.api.start(user, LONG));
        List<String> notes = new ArrayList<>();

        var postgres = run.postgres;
        // the outage strikes mid-run: all four RUNNING in their rows and printing
        List<String> all = new ArrayList<>(shortIds);
        all.addAll(longIds);
        await("all four RUNNING").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> all.stream()
                .map(run.api::execution)
                .allMatch(row -> row != null && row.path("status").asString().equals("RUNNING")));
        all.forEach(id -> run.kafka.awaitLogLines(id, 3, Duration.ofSeconds(30)));
        long stoppedAt = System.nanoTime();
        postgres.stop();
        List<ExecutionTally> tallies = new ArrayList<>();
        try {
            for (String id : shortIds) {
                tallies.add(run.kafka.untilTerminal(id, Duration.ofSeconds(30)));
            }
            long left = 15_000 - (System.nanoTime() - stoppedAt) / 1_000_000;
            if (left > 0) {
                // not a wait for a fact: the outage lasting 15 s is the scenario (the
                // long ones run through it)
                Thread.sleep(left);
            }
        }
        finally {
            postgres.start();
        }
        notes.add(String.format("PostgreSQL down %.1f s; %d of 2 short executions ended during the outage",
                (System.nanoTime() - stoppedAt) / 1e9, tallies.stream().filter(ExecutionTally::hasTerminal).count()));
        for (String id : longIds) {
            tallies.add(run.kafka.untilTerminal(id, Duration.ofSeconds(90)));
        }

        List<String> problems = new ArrayList<>();
        for (ExecutionTally tally : tallies) {
            problems.addAll(tally.problems());
            var terminal = tally.terminal();
            if (terminal != null && !terminal.status().equals("COMPLETED")) {
                problems.add(tally.executionId() + " ended " + terminal.status() + ": " + terminal.error());
            }
        }
        problems.addAll(ExecutionRows.awaitMatchingTerminals(run.api, tallies, Duration.ofSeconds(60)));
        tallies.forEach(tally -> notes.addAll(CrossCheck.of(run.kafka, tally)));
        List<String> supervision = run.stack.supervision(StackHandle.POSTGRES);
        notes.add("launcher on PostgreSQL: "
                + (supervision.isEmpty() ? "nothing reported" : String.join("; ", supervision)) + "; restarts counted "
                + run.stack.restarts(StackHandle.POSTGRES));
        if (run.stack.restarts(StackHandle.POSTGRES) != 0) {
            problems.add("the launcher restarted a PostgreSQL that was stopped cleanly");
        }
        run.table.add(FaultTable.Row.of(scenario, tallies, problems, notes));
        assertThat(problems).as(scenario).isEmpty();
    }

    /**
     * Prints {@code count} numbered lines {@code pause} seconds apart, then a JSON output
     * line.
     */
    static String ticker(String name, int count, String pause) {
        return "i=0; while [ $i -lt " + count + " ]; do i=$((i+1)); echo \"" + name + " $i\"; sleep " + pause
                + "; done; echo '{\"ticks\":" + count + "}'";
    }

}
