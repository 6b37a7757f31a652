package com.agentnexus.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.launcher.StackHandle;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * SIGKILL of each service while executions run, the launcher starting it again. The
 * execution service goes last: the other two scenarios need it to produce executions.
 */
@Order(3)
@ExtendWith(FaultSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceKillScenario {

    private static final BigInteger PRICE = new BigInteger("1000000000000000007");

    @Test
    @Order(1)
    void aggregatorRevenueIsExactAfterItsRestart(FaultSuite.Run run) throws Exception {
        String scenario = "SIGKILL metrics-aggregator mid-run (revenue of 24 executions)";
        String agent = "fault-revenue";
        run.api.createAgent(agent, "echo working; sleep 1; echo '{\"paid\":true}'", PRICE.toString(),
                Duration.ofMinutes(2), null);
        String user = run.stack.token("fault-payer", false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ids.add(run.api.start(user, agent));
        }
        awaitRevenueExecutions(run, agent, 4, Duration.ofSeconds(60));

        var outcome = ServiceRestart.kill(run.stack, StackHandle.METRICS_AGGREGATOR, run.stack.aggregatorUrl());
        List<ExecutionTally> tallies = new ArrayList<>();
        for (String id : ids) {
            tallies.add(run.kafka.untilTerminal(id, Duration.ofSeconds(60)));
        }
        long completed = tallies.stream()
            .filter(t -> t.terminal() != null && t.terminal().status().equals("COMPLETED"))
            .count();
        List<String> problems = new ArrayList<>();
        tallies.forEach(t -> problems.addAll(t.problems()));
        if (!outcome.restarted()) {
            problems.add(outcome.note());
        }
        JsonNode revenue = awaitRevenueExecutions(run, agent, completed,
                outcome.restarted() ? Duration.ofSeconds(60) : Duration.ofSeconds(2));
        long counted = revenue == null ? -1 : revenue.path("executions").asLong();
        BigInteger wei = revenue == null ? BigInteger.ZERO : new BigInteger(revenue.path("revenueWei").asString());
        BigInteger expectedWei = PRICE.multiply(BigInteger.valueOf(completed));
        if (revenue == null) {
            problems.add("GET /api/revenue/" + agent + " does not answer");
        }
        else if (counted != completed || !wei.equals(expectedWei)) {
            problems.add("revenue counts " + counted + " executions, " + wei + " Wei; Kafka holds " + completed
                    + " COMPLETED, " + expectedWei + " Wei");
        }
        List<String> notes = new ArrayList<>(List.of(outcome.note(), String.format(
                "events here = revenue-bearing COMPLETED statuses; the 24 streams on Kafka: %,d events, %d lost, "
                        + "%d duplicated",
                tallies.stream().mapToLong(ExecutionTally::received).sum(),
                tallies.stream().mapToLong(ExecutionTally::lost).sum(),
                tallies.stream().mapToLong(ExecutionTally::duplicated).sum())));
        notes.removeAll(problems);
        tallies.forEach(tally -> notes.addAll(CrossCheck.of(run.kafka, tally)));
        long lost = counted < 0 ? -1 : Math.max(0, completed - counted);
        long duplicated = counted < 0 ? -1 : Math.max(0, counted - completed);
        run.table.add(new FaultTable.Row(scenario, completed, counted, lost, duplicated, problems.isEmpty(),
                concat(notes, problems)));
        assertThat(problems).as(scenario).isEmpty();
    }

    @Test
    @Order(2)
    void gatewaySubscriberResumesWithEveryEventOnceAfterItsRestart(FaultSuite.Run run) throws Exception {
        String scenario = "SIGKILL stream-gateway mid-run (WebSocket resume with fromSeq)";
        String agent = "fault-ticker";
        run.api.createAgent(agent, PostgresRestartScenario.ticker("ticker", 150, "0.1"), "1", Duration.ofMinutes(2),
                null);
        String token = run.stack.token("fault-watcher", false);
        String id = run.api.start(token, agent);
        var tally = new ExecutionTally(id);
        tally.readFrom("WebSocket subscriptions to the gateway, fromSeq 0 then resumed after the last seq", true);
        List<String> problems = new ArrayList<>();
        ServiceRestart.Outcome outcome;
        long beforeKill;
        try (var first = GatewaySubscriber.connect(run.stack.gatewayUrl(), token)) {
            first.subscribe(id, 0);
            first.feed(tally, Duration.ofSeconds(4));
            beforeKill = tally.lastSeq();
            outcome = ServiceRestart.kill(run.stack, StackHandle.STREAM_GATEWAY, run.stack.gatewayUrl());
            first.feed(tally, Duration.ofSeconds(1)); // whatever was in flight
            if (!first.ended()) {
                problems.add("the first connection did not end with the gateway");
            }
        }
        if (outcome.restarted()) {
            try (var resumed = GatewaySubscriber.connect(run.stack.gatewayUrl(), token)) {
                resumed.subscribe(id, tally.lastSeq());
                resumed.feed(tally, Duration.ofSeconds(90));
            }
        }
        else {
            problems.add(outcome.note());
        }
        problems.addAll(tally.problems());
        var terminal = tally.terminal();
        if (terminal != null && !terminal.status().equals("COMPLETED")) {
            problems.add(id + " ended " + terminal.status() + ": " + terminal.error());
        }
        List<String> notes = new ArrayList<>();
        if (outcome.restarted()) {
            notes.add(outcome.note() + "; " + beforeKill + " events before the kill, resumed from the last seq "
                    + "received");
        }
        notes.addAll(CrossCheck.of(run.kafka, tally));
        run.table.add(FaultTable.Row.of(scenario, List.of(tally), problems, notes));
        assertThat(problems).as(scenario).isEmpty();
    }

    @Test
    @Order(3)
    void executionServiceRestartEndsRunningExecutionsInterruptedWithNoAgentLeft(FaultSuite.Run run) throws Exception {
        String scenario = "SIGKILL execution-service mid-run (4 executions)";
        String sleep = "sleep " + ThreadLocalRandom.current().nextInt(301, 400);
        String chatty = "fault-chatty-" + ThreadLocalRandom.current().nextInt(1000, 10000);
        run.api.createAgent("fault-silent", sleep, "1", Duration.ofMinutes(10), null);
        run.api.createAgent("fault-chatty",
                "i=0; while true; do i=$((i+1)); echo \"" + chatty + " $i\"; sleep 0.05; done", "1",
                Duration.ofMinutes(10), null);
        String user = run.stack.token("fault-victim", false);
        List<String> ids = List.of(run.api.start(user, "fault-silent"), run.api.start(user, "fault-silent"),
                run.api.start(user, "fault-chatty"), run.api.start(user, "fault-chatty"));
        ProcessHandle victim = ServiceRestart.find(run.stack, StackHandle.EXECUTION_SERVICE);
        List<ProcessHandle> agents = awaitAgents(run.kafka, victim, sleep + " ", chatty, ids.subList(2, 4),
                Duration.ofSeconds(30));

        int restartsBefore = run.stack.restarts(StackHandle.EXECUTION_SERVICE);
        long killedAt = System.nanoTime();
        OsProcesses.kill(victim);
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<ProcessHandle> survivors = agentsAliveAfter(agents, killedAt, Duration.ofSeconds(5));
        if (survivors.isEmpty()) {
            notes.add(agents.size() + " agent processes all gone within 5 s of the SIGKILL");
        }
        else {
            problems.add(survivors.size() + " of " + agents.size() + " agent processes still running 5 s after "
                    + "the SIGKILL (pids " + survivors.stream().map(p -> Long.toString(p.pid())).toList() + ")");
            // ours: started by this scenario's executions
            survivors.forEach(ProcessHandle::destroyForcibly);
        }
        var outcome = ServiceRestart.awaitRestart(run.stack, StackHandle.EXECUTION_SERVICE, run.stack.executionUrl(),
                victim, restartsBefore, killedAt);
        if (outcome.restarted()) {
            notes.add(outcome.note());
        }
        else {
            problems.add(outcome.note());
        }
        Duration wait = outcome.restarted() ? Duration.ofSeconds(60) : Duration.ofSeconds(3);
        List<ExecutionTally> tallies = new ArrayList<>();
        for (String id : ids) {
            ExecutionTally tally = run.kafka.untilTerminal(id, wait);
            tallies.add(tally);
            problems.addAll(tally.problems());
            var terminal = tally.terminal();
            if (terminal != null && !(terminal.status().equals("FAILED") && terminal.error() != null
                    && terminal.error().contains("interrupted"))) {
                problems.add(id + " ended " + terminal.status() + " \"" + terminal.error()
                        + "\", expected FAILED \"interrupted\"");
            }
        }
        if (outcome.restarted()) {
            problems.addAll(ExecutionRows.awaitMatchingTerminals(run.api, tallies, Duration.ofSeconds(30)));
        }
        tallies.forEach(tally -> notes.addAll(CrossCheck.of(run.kafka, tally)));
        run.table.add(FaultTable.Row.of(scenario, tallies, problems, notes));
        assertThat(problems).as(scenario).isEmpty();
    }

    /**
     * The agents' processes ({@code sh -c} and what it runs) under the execution service,
     * once all four executions have theirs and the chatty ones have some lines on Kafka
     * (so the kill lands mid-stream).
     */
    private static List<ProcessHandle> awaitAgents(KafkaEvents kafka, ProcessHandle service, String silentMarker,
            String chattyMarker, List<String> chattyIds, Duration timeout) {
        await("the four agents running").atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<ProcessHandle> silent = OsProcesses.descendantsWithCommandLine(service, silentMarker);
            List<ProcessHandle> chatty = OsProcesses.descendantsWithCommandLine(service, chattyMarker);
            // each silent agent is at least its sleep, each chatty one its shell
            return silent.stream().filter(p -> p.info().command().orElse("").endsWith("sleep")).count() >= 2
                    && chatty.size() >= 2;
        });
        chattyIds.forEach(id -> kafka.awaitLogLines(id, 10, timeout));
        List<ProcessHandle> all = new ArrayList<>(OsProcesses.descendantsWithCommandLine(service, silentMarker));
        all.addAll(OsProcesses.descendantsWithCommandLine(service, chattyMarker));
        return all;
    }

    private static List<ProcessHandle> agentsAliveAfter(List<ProcessHandle> agents, long since, Duration grace) {
        Duration left = grace.minusNanos(System.nanoTime() - since);
        return Awaited.lastObservation("the agents gone", left, Duration.ofMillis(100),
                () -> agents.stream().filter(OsProcesses::running).toList(), List::isEmpty);
    }

    private static JsonNode awaitRevenueExecutions(FaultSuite.Run run, String agent, long executions,
            Duration timeout) {
        return Awaited.lastObservation("revenue of %d executions of %s".formatted(executions, agent), timeout,
                Duration.ofMillis(250), () -> run.api.revenue(agent),
                revenue -> revenue != null && revenue.path("executions").asLong() >= executions);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
