package com.agentnexus.aggregator.acceptance;

import static com.agentnexus.aggregator.acceptance.LedgerAssert.assertRevenueMatches;
import static com.agentnexus.aggregator.acceptance.LedgerAssert.assertThatScrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.aggregator.acceptance.PrometheusSamples.Sample;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ResourcesSampled;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Container gauges have one series per running execution, so their cardinality is capped:
 * with 5,000 executions running, exactly the default cap of 1,000 have series and the
 * other 4,000 are counted as omitted; when they end, every series goes, and a resource
 * sample that arrives after its execution's terminal status does not bring one back.
 */
class ContainerSeriesCapIT {

    private static final int EXECUTIONS = 5_000;

    private static final int CAP = 1_000;

    private static AggregatorInfrastructure infrastructure;

    private static AggregatorProcess aggregator;

    /** One execution's events, built in seq order but published phase by phase. */
    private record Run(ExecutionEvent pending, ExecutionEvent running, ResourcesSampled sample, ResourcesSampled late,
            ExecutionEvent terminal) {
    }

    @BeforeAll
    static void startAggregator() {
        infrastructure = AggregatorInfrastructure.start(3);
        aggregator = new AggregatorProcess("container-cap", infrastructure, "container-cap-it", Map.of());
        aggregator.start();
        aggregator.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (aggregator != null) {
                aggregator.close();
            }
        }
        finally {
            if (infrastructure != null) {
                infrastructure.close();
            }
        }
    }

    @Test
    void tracksAtMostTheCapOfRunningExecutionsAndDropsThemWhenTheyEnd() {
        var random = new Random(42);
        var truth = new LedgerTruth(infrastructure.partitions());
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            runs.add(run(random, i));
        }

        try (var publisher = new EventPublisher(infrastructure)) {
            publish(publisher, truth, runs, r -> List.of(r.pending(), r.running()));
            await("every execution running").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThatScrape(scrape()).hasRunningExecutions(EXECUTIONS));

            publish(publisher, truth, runs, r -> List.of(r.sample()));
            awaitEverythingApplied();
            Set<String> tracked = assertExactlyTheCapIsTracked(scrape(), runs);

            publish(publisher, truth, runs, r -> List.of(r.terminal()));
            awaitEverythingApplied();
            assertThatScrape(scrape()).hasNoContainerSeries().hasNoRunningExecutions();

            // late samples of executions that had a series and of some that had none
            List<Run> late = runs.stream()
                .filter(r -> tracked.contains(r.sample().executionId().toString()))
                .limit(25)
                .collect(Collectors.toCollection(ArrayList::new));
            runs.stream()
                .filter(r -> !tracked.contains(r.sample().executionId().toString()))
                .limit(25)
                .forEach(late::add);
            publish(publisher, truth, late, r -> List.of(r.late()));
            awaitEverythingApplied();
            assertThatScrape(scrape()).matchesTheLedgerOf(truth);
            assertRevenueMatches(RevenueReport.fetch(aggregator), truth);
        }
    }

    @Test
    void servesTheExactRevenueToAdminsOnly() {
        assertThat(aggregator.get("/api/revenue", null))
            .hasValueSatisfying(response -> assertThat(response.statusCode()).isEqualTo(401));
        assertThat(aggregator.get("/api/revenue", BearerTokens.user())).hasValueSatisfying(response -> {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        });
        assertThat(aggregator.get("/api/revenue", BearerTokens.admin()).map(HttpResponse::statusCode)).contains(200);
    }

    /**
     * Exactly {@link #CAP} executions have both gauges, with their sample's figures; the
     * rest are omitted.
     */
    private static Set<String> assertExactlyTheCapIsTracked(PrometheusSamples scrape, List<Run> runs) {
        Map<String, ResourcesSampled> sent = runs.stream()
            .map(Run::sample)
            .collect(Collectors.toMap(s -> s.executionId().toString(), Function.identity()));
        Map<String, Sample> memory = byExecution(scrape, LedgerAssert.MEMORY);
        Map<String, Sample> cpu = byExecution(scrape, LedgerAssert.CPU);
        assertThat(memory).as("executions with a memory series").hasSize(CAP);
        assertThat(cpu.keySet()).as("executions with a cpu series").isEqualTo(memory.keySet());
        memory.forEach((executionId, series) -> {
            ResourcesSampled sample = sent.get(executionId);
            assertThat(sample).as("a series for %s, which sent no sample", executionId).isNotNull();
            assertThat(series.label("agent_id")).isEqualTo(sample.agentId().value());
            assertThat(series.value()).as("memory of %s", executionId).isEqualTo((double) sample.memoryBytes());
            assertThat(cpu.get(executionId).value()).as("cpu of %s", executionId).isEqualTo(sample.cpuPercent());
        });
        assertThat(scrape.sum(LedgerAssert.OMITTED)).as(LedgerAssert.OMITTED).isEqualTo(EXECUTIONS - CAP);
        return memory.keySet();
    }

    private static Run run(Random random, int index) {
        String agent = "cap-agent-" + (index % 4);
        var run = ExecutionFixture.anExecution()
            .ofAgent(agent, "Cap agent " + (index % 4), new BigInteger(80, random).toString());
        var pending = run.pending();
        var running = run.running();
        var sample = run.resources(1 + random.nextInt(1 << 30), Math.round(random.nextDouble() * 10_000) / 100.0);
        var late = run.resources(1 + random.nextInt(1 << 30), 1.5);
        var terminal = random.nextBoolean() ? run.completed("{\"ok\":true}")
                : run.terminal(ExecutionStatus.FAILED, null, "exited with code 3", 3);
        return new Run(pending, running, sample, late, terminal);
    }

    private static void publish(EventPublisher publisher, LedgerTruth truth, List<Run> runs,
            Function<Run, List<? extends ExecutionEvent>> phase) {
        List<OutgoingRecord> records = new ArrayList<>();
        for (Run run : runs) {
            for (ExecutionEvent event : phase.apply(run)) {
                truth.record(event);
                records.add(OutgoingRecord.of(event));
            }
        }
        publisher.sendAll(records.iterator());
        assertThat(publisher.failures()).as("records the broker did not take").isEmpty();
    }

    /**
     * The ledger has committed offsets up to the end of every partition it reads: all
     * applied.
     */
    private static void awaitEverythingApplied() {
        var end = infrastructure.endOffsets(AggregatorInfrastructure.consumedTopics());
        await("the aggregator at the end of every partition").atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(RevenueReport.fetch(aggregator).offsetsBehind(end)).isEmpty());
    }

    private static Map<String, Sample> byExecution(PrometheusSamples scrape, String metric) {
        Map<String, Sample> series = new HashMap<>();
        scrape.named(metric).forEach(sample -> {
            Sample before = series.put(sample.label("execution_id"), sample);
            assertThat(before).as("a second %s series for %s", metric, sample.label("execution_id")).isNull();
        });
        return series;
    }

    private static PrometheusSamples scrape() {
        return PrometheusSamples.parse(aggregator.scrape()
            .orElseThrow(() -> new AssertionError(
                    "the aggregator does not answer; its log ends with:%n%s".formatted(aggregator.logTail(40)))));
    }

}
