package com.agentnexus.aggregator.acceptance;

import static com.agentnexus.aggregator.acceptance.LedgerAssert.assertRevenueMatches;
import static com.agentnexus.aggregator.acceptance.LedgerAssert.assertThatScrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two aggregators share the six partitions of one consumer group; one is SIGKILLed
 * mid-run and later started again. Whatever partitions moved, the two instances' series
 * add up to exactly what was published, and each instance's /api/revenue gives the global
 * exact totals.
 */
class AggregatorRebalanceIT {

    private static final int PARTITIONS = 6;

    private static final int EXECUTIONS = 3_000;

    private static AggregatorInfrastructure infrastructure;

    private static AggregatorProcess first;

    private static AggregatorProcess second;

    @BeforeAll
    static void startInfrastructure() {
        infrastructure = AggregatorInfrastructure.start(PARTITIONS);
        first = new AggregatorProcess("rebalance-a", infrastructure, "rebalance-it", Map.of());
        second = new AggregatorProcess("rebalance-b", infrastructure, "rebalance-it", Map.of());
    }

    @AfterAll
    static void stopEverything() {
        try {
            for (AggregatorProcess aggregator : new AggregatorProcess[] { first, second }) {
                if (aggregator != null) {
                    aggregator.close();
                }
            }
        }
        finally {
            if (infrastructure != null) {
                infrastructure.close();
            }
        }
    }

    @Test
    void twoInstancesAddUpToEveryEventOnceThoughOneIsKilledAndRestarted() throws Exception {
        long seed = Long.getLong("aggregator.it.seed", System.nanoTime());
        var truth = new LedgerTruth(PARTITIONS);
        var traffic = new ExecutionTraffic(new Random(seed), truth, EXECUTIONS, 8, 4);
        first.start();
        second.start();
        first.awaitReady(Duration.ofSeconds(120));
        second.awaitReady(Duration.ofSeconds(120));

        try (var publisher = new EventPublisher(infrastructure);
                var scrapes = ScrapeRecorder.start(List.of(first, second))) {
            CompletableFuture<Void> publishing = publisher.publishPaced(traffic, 800);
            awaitStarted(traffic, EXECUTIONS / 4);
            first.kill();
            await("%s took over every partition".formatted(second.name())).atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> second.scrape()
                    .map(PrometheusSamples::parse)
                    .map(s -> exportedPartitions(s).size())
                    .orElse(0) == PARTITIONS);
            awaitStarted(traffic, EXECUTIONS * 2 / 3);
            first.start();
            first.awaitReady(Duration.ofSeconds(120));
            publishing.get(5, TimeUnit.MINUTES);
            assertThat(publisher.failures()).as("records the broker did not take").isEmpty();

            await("both instances together show everything published (seed %d)".formatted(seed))
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThatScrape(PrometheusSamples.combine(List.of(scrape(first), scrape(second))))
                    .matchesTheLedgerOf(truth));
            assertThat(exportedPartitions(scrape(first))).as("partitions of %s", first.name()).isNotEmpty();
            assertThat(exportedPartitions(scrape(second))).as("partitions of %s", second.name()).isNotEmpty();
            Set<String> all = new HashSet<>(exportedPartitions(scrape(first)));
            all.addAll(exportedPartitions(scrape(second)));
            assertThat(all).as("partitions exported by either")
                .isEqualTo(IntStream.range(0, PARTITIONS).mapToObj(Integer::toString).collect(Collectors.toSet()));

            assertRevenueMatches(RevenueReport.fetch(first), truth);
            assertRevenueMatches(RevenueReport.fetch(second), truth);

            scrapes.close();
            assertThat(scrapes.violations())
                .as("counters that went backwards across instances or gauges below zero (%d times in %d scrapes)",
                        scrapes.violationCount(), scrapes.scrapes())
                .isEmpty();
        }
    }

    private static void awaitStarted(ExecutionTraffic traffic, int executions) {
        await("%d executions published".formatted(executions)).atMost(Duration.ofMinutes(2))
            .until(() -> traffic.started() >= executions);
    }

    private static PrometheusSamples scrape(AggregatorProcess aggregator) {
        return PrometheusSamples.parse(aggregator.scrape()
            .orElseThrow(() -> new AssertionError("%s does not answer; its log ends with:%n%s"
                .formatted(aggregator.name(), aggregator.logTail(40)))));
    }

    private static Set<String> exportedPartitions(PrometheusSamples scrape) {
        return scrape.named(LedgerAssert.STATUSES).map(s -> s.label("partition")).collect(Collectors.toSet());
    }

}
