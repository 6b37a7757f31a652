package com.agentnexus.aggregator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.aggregator.acceptance.PrometheusSamples.Sample;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what aggregators export, against the {@link LedgerTruth} of what was
 * published: every ledger series per agent, status and Kafka partition, summed over
 * instances when several scrapes are combined.
 */
final class LedgerAssert extends AbstractAssert<LedgerAssert, PrometheusSamples> {

    static final String EXECUTIONS = "agentnexus_executions_total";
    static final String STATUSES = "agentnexus_execution_status_total";
    static final String DURATION = "agentnexus_execution_duration_seconds";
    static final String RUNNING = "agentnexus_agent_running_executions";
    static final String REVENUE = "agentnexus_agent_revenue_wei_total";
    static final String REJECTED = "agentnexus_aggregator_rejected_events_total";
    static final String MEMORY = "agentnexus_container_memory_bytes";
    static final String CPU = "agentnexus_container_cpu_percent";
    static final String OMITTED = "agentnexus_aggregator_container_series_omitted_total";

    private static final List<String> LEDGER_METRICS = List.of(EXECUTIONS, STATUSES, DURATION + "_bucket",
            DURATION + "_count", DURATION + "_sum", RUNNING, REVENUE, REJECTED);

    private static final BigDecimal WEI_PER_ETH = BigDecimal.TEN.pow(18);

    private LedgerAssert(PrometheusSamples actual) {
        super(actual, LedgerAssert.class);
    }

    static LedgerAssert assertThatScrape(PrometheusSamples scrape) {
        return new LedgerAssert(scrape);
    }

    /**
     * Everything a finished run must show: every total as published, nothing running, no
     * container left.
     */
    LedgerAssert matchesTheLedgerOf(LedgerTruth truth) {
        return labelsEveryLedgerSeriesWithItsPartition().countsTheExecutionsOf(truth)
            .countsTheStatusesOf(truth)
            .hasTheDurationHistogramsOf(truth)
            .hasTheRevenueOf(truth)
            .rejectedTheGarbageOf(truth)
            .hasNoRunningExecutions()
            .hasNoContainerSeries();
    }

    LedgerAssert labelsEveryLedgerSeriesWithItsPartition() {
        isNotNull();
        List<String> unlabelled = actual.samples()
            .stream()
            .filter(s -> LEDGER_METRICS.contains(s.name()) && !s.label("partition").matches("\\d+"))
            .map(Sample::series)
            .limit(20)
            .toList();
        if (!unlabelled.isEmpty()) {
            failWithMessage("ledger series without a partition label: %s", unlabelled);
        }
        return this;
    }

    LedgerAssert countsTheExecutionsOf(LedgerTruth truth) {
        return sameCounts(EXECUTIONS, truth.executions(), "agent_id", "agent_name", "partition");
    }

    LedgerAssert countsTheStatusesOf(LedgerTruth truth) {
        return sameCounts(STATUSES, truth.statuses(), "agent_id", "status", "partition");
    }

    /** Count, every bucket and the sum of each agent's and status's histogram. */
    LedgerAssert hasTheDurationHistogramsOf(LedgerTruth truth) {
        sameCounts(DURATION + "_count", truth.durationCounts(), "agent_id", "status", "partition");
        Map<List<String>, Double> buckets = new HashMap<>();
        actual.sumBy(DURATION + "_bucket", "agent_id", "status", "partition", "le").forEach((key, value) -> {
            String le = key.get(3);
            double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            buckets.merge(List.of(key.get(0), key.get(1), key.get(2), LedgerTruth.leLabel(bound)), value, Double::sum);
        });
        compare(DURATION + "_bucket by agent_id, status, partition, le", widen(truth.durationBuckets()), buckets,
                (expected, exported) -> expected.doubleValue() == exported);
        return compare(DURATION + "_sum by agent_id, status, partition", truth.durationSumsSeconds(),
                actual.sumBy(DURATION + "_sum", "agent_id", "status", "partition"), (expected, exported) -> Math
                    .abs(exported - expected.doubleValue()) <= 1e-6 + 1e-9 * expected.doubleValue());
    }

    /** The float view of revenue, which may round but not drift. */
    LedgerAssert hasTheRevenueOf(LedgerTruth truth) {
        return compare(REVENUE + " by agent_id, agent_name, partition", truth.revenue(),
                actual.sumBy(REVENUE, "agent_id", "agent_name", "partition"),
                (expected, exported) -> Math.abs(exported - expected.doubleValue()) <= 1e-9 * expected.doubleValue());
    }

    LedgerAssert rejectedTheGarbageOf(LedgerTruth truth) {
        return sameCounts(REJECTED, truth.rejected(), "topic", "partition");
    }

    /**
     * Every RUNNING has been matched by its terminal status, and no series ever went
     * below zero.
     */
    LedgerAssert hasNoRunningExecutions() {
        isNotNull();
        List<String> negative = actual.named(RUNNING).filter(s -> s.value() < 0).map(Sample::toString).toList();
        if (!negative.isEmpty()) {
            failWithMessage("running gauges below zero: %s", negative);
        }
        assertThat(actual.sum(RUNNING)).as("sum of %s", RUNNING).isZero();
        return this;
    }

    LedgerAssert hasRunningExecutions(long expected) {
        isNotNull();
        assertThat(actual.sum(RUNNING)).as("sum of %s", RUNNING).isEqualTo((double) expected);
        return this;
    }

    LedgerAssert hasNoContainerSeries() {
        isNotNull();
        assertThat(actual.named(MEMORY).map(Sample::series).limit(10)).as(MEMORY + " series").isEmpty();
        assertThat(actual.named(CPU).map(Sample::series).limit(10)).as(CPU + " series").isEmpty();
        return this;
    }

    /**
     * The exact revenue: totals to the Wei, per agent, and the Ether view consistent with
     * them.
     */
    static void assertRevenueMatches(RevenueReport report, LedgerTruth truth) {
        assertThat(report.totalWei()).as("totalWei").isEqualTo(truth.totalRevenueWei());
        assertThat(report.totalEth()).as("totalEth").isEqualByComparingTo(eth(report.totalWei()));
        assertThat(report.executions()).as("revenue-bearing executions").isEqualTo(truth.completedExecutions());
        Map<String, RevenueReport.Agent> expected = new TreeMap<>();
        truth.revenueByAgent()
            .forEach((agentId, wei) -> expected.put(agentId, new RevenueReport.Agent(truth.agentNames().get(agentId),
                    wei, eth(wei), truth.completedByAgent().get(agentId))));
        Map<String, RevenueReport.Agent> reported = report.earningAgents();
        assertThat(reported.keySet()).as("agents with revenue").isEqualTo(expected.keySet());
        reported.forEach((agentId, agent) -> {
            RevenueReport.Agent want = expected.get(agentId);
            assertThat(agent.agentName()).as("%s name", agentId).isEqualTo(want.agentName());
            assertThat(agent.revenueWei()).as("%s revenueWei", agentId).isEqualTo(want.revenueWei());
            assertThat(agent.revenueEth()).as("%s revenueEth", agentId).isEqualByComparingTo(want.revenueEth());
            assertThat(agent.executions()).as("%s executions", agentId).isEqualTo(want.executions());
        });
    }

    private static BigDecimal eth(BigInteger wei) {
        return new BigDecimal(wei).divide(WEI_PER_ETH);
    }

    private LedgerAssert sameCounts(String metric, Map<List<String>, Long> expected, String... labels) {
        return compare(metric + " by " + String.join(", ", labels), widen(expected), actual.sumBy(metric, labels),
                (want, exported) -> want.doubleValue() == exported);
    }

    private static Map<List<String>, Number> widen(Map<List<String>, ? extends Number> map) {
        return new HashMap<>(map);
    }

    /** Compares series by key; a series missing on one side counts as 0 there. */
    private <N extends Number> LedgerAssert compare(String what, Map<List<String>, N> expected,
            Map<List<String>, Double> exported, BiPredicate<Number, Double> agrees) {
        isNotNull();
        Set<List<String>> keys = new LinkedHashSet<>(expected.keySet());
        keys.addAll(exported.keySet());
        List<String> differences = new ArrayList<>();
        for (List<String> key : keys) {
            Number want = expected.containsKey(key) ? expected.get(key) : 0L;
            double got = exported.getOrDefault(key, 0.0);
            if (!agrees.test(want, got)) {
                differences.add("%s: published %s, exported %s".formatted(key, want,
                        exported.containsKey(key) ? got : "nothing"));
            }
        }
        if (!differences.isEmpty()) {
            failWithMessage("%s differs in %d of %d series, e.g.:%n%s", what, differences.size(), keys.size(),
                    String.join(System.lineSeparator(), differences.subList(0, Math.min(30, differences.size()))));
        }
        return this;
    }

}
