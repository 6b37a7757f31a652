package com.agentnexus.aggregator.acceptance;

import static com.agentnexus.aggregator.acceptance.LedgerAssert.assertRevenueMatches;
import static com.agentnexus.aggregator.acceptance.LedgerAssert.assertThatScrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger is exactly-once across crashes: one aggregator is SIGKILLed and started
 * again at random moments — during start-up and while it consumes — as ten thousand
 * executions stream in with duplicates and garbage, and afterwards every total is what
 * was published, to the Wei, and no exported counter ever went backwards.
 */
class AggregatorCrashIT {

    private static final int EXECUTIONS = 10_000;

    private static final int MIN_KILLS = 10;

    private static final int MAX_KILLS = 30;

    private static final Duration PUBLISHING_SPREAD = Duration.ofSeconds(60);

    private static AggregatorInfrastructure infrastructure;

    private static AggregatorProcess aggregator;

    @BeforeAll
    static void startInfrastructure() {
        infrastructure = AggregatorInfrastructure.start(3);
        aggregator = new AggregatorProcess("crash", infrastructure, "crash-it", Map.of());
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
    void countsEveryEventExactlyOnceThoughKilledAtRandomMoments() throws Exception {
        long seed = Long.getLong("aggregator.it.seed", System.nanoTime());
        Random random = new Random(seed);
        var truth = new LedgerTruth(infrastructure.partitions());
        var traffic = new ExecutionTraffic(random, truth, EXECUTIONS, 8, 7);
        var kills = new Kills();
        long began = System.nanoTime();

        try (var publisher = new EventPublisher(infrastructure);
                var scrapes = ScrapeRecorder.start(List.of(aggregator))) {
            try {
                CompletableFuture<Void> publishing = publisher.publishPaced(traffic,
                        (int) (EXECUTIONS * 5.3 / PUBLISHING_SPREAD.toSeconds()));
                killAndRestartWhile(publishing, random, kills);
                publishing.get(5, TimeUnit.MINUTES);
                assertThat(publisher.failures()).as("records the broker did not take").isEmpty();

                aggregator.start();
                aggregator.awaitReady(Duration.ofSeconds(120));
                await("the totals of everything published").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThatScrape(scrape()).matchesTheLedgerOf(truth));
                RevenueReport revenue = RevenueReport.fetch(aggregator);
                assertRevenueMatches(revenue, truth);
                assertThat(revenue.offsetsBehind(infrastructure.endOffsets(AggregatorInfrastructure.consumedTopics())))
                    .as("committed offsets behind the end of their partition")
                    .isEmpty();
            }
            finally {
                scrapes.close();
                report(seed, truth, publisher.sent(), kills, began, scrapes);
            }
            assertThat(scrapes.unreadableScrapes()).as("scrapes that were not Prometheus text").isEmpty();
            assertThat(scrapes.violations())
                .as("counters that went backwards or running gauges below zero (%d times in %d scrapes)",
                        scrapes.violationCount(), scrapes.scrapes())
                .isEmpty();
        }
    }

    /** How often the aggregator was killed, and how often before it was ready. */
    private static final class Kills {

        int total;

        int beforeReady;

    }

    /**
     * Starts and SIGKILLs the aggregator at least {@link #MIN_KILLS} times and until
     * publishing is done: every third kill (the first included) at a random moment of
     * start-up, the others once it consumes, a random moment later.
     */
    private static void killAndRestartWhile(CompletableFuture<Void> publishing, Random random, Kills kills)
            throws InterruptedException {
        while ((kills.total < MIN_KILLS || !publishing.isDone()) && kills.total < MAX_KILLS) {
            aggregator.start();
            if (kills.total % 3 == 0) {
                // a chosen moment, not a wait for a fact: anywhere in start-up (JVM,
                // Flyway, joining the group, loading the ledger), on a 2-core runner
                // nearly always before it is ready
                Thread.sleep(300 + random.nextInt(8_000));
                if (!isReady()) {
                    kills.beforeReady++;
                }
            }
            else {
                awaitConsuming();
                // again a chosen moment, not a wait for a fact: somewhere in the first
                // two seconds of consuming
                Thread.sleep(random.nextInt(2_000));
            }
            aggregator.kill();
            kills.total++;
        }
    }

    private static boolean isReady() {
        return aggregator.get("/health/ready", null).map(r -> r.statusCode() == 200).orElse(false);
    }

    /** Ready and exporting ledger series: it owns partitions and is applying events. */
    private static void awaitConsuming() {
        aggregator.awaitReady(Duration.ofSeconds(120));
        await("crash aggregator consuming").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> aggregator.scrape()
                .map(body -> PrometheusSamples.parse(body).named(LedgerAssert.STATUSES).findAny().isPresent())
                .orElse(false));
    }

    private static PrometheusSamples scrape() {
        return PrometheusSamples.parse(aggregator.scrape()
            .orElseThrow(() -> new AssertionError(
                    "the aggregator does not answer; its log ends with:%n%s".formatted(aggregator.logTail(40)))));
    }

    private static void report(long seed, LedgerTruth truth, long sent, Kills kills, long began, ScrapeRecorder scrapes)
            throws IOException {
        String figures = """
                AggregatorCrashIT
                  seed                      %d
                  executions                %d
                  events published          %d (+ %d duplicates, %d garbage records; %d records acknowledged)
                  kills                     %d (%d before the aggregator was ready), %d starts
                  wall time                 %.1f s
                  scrapes taken             %d (%d samples, %d persisted counter series watched)
                  counter decreases seen    %d (incl. negative running gauges)
                """.formatted(seed, truth.executionCount(), truth.events(), truth.duplicates(), truth.garbage(), sent,
                kills.total, kills.beforeReady, aggregator.starts(), (System.nanoTime() - began) / 1e9,
                scrapes.scrapes(), scrapes.samples(), scrapes.persistedSeries(), scrapes.violationCount());
        Files.createDirectories(AggregatorProcess.OUTPUT_DIR);
        Files.writeString(AggregatorProcess.OUTPUT_DIR.resolve("AggregatorCrashIT-report.txt"), figures,
                StandardCharsets.UTF_8);
        System.out.print(figures);
    }

}
