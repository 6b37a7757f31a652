package com.agentnexus.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Not a test: how many lines per second one unpaced agent gets onto Kafka. Each round
 * runs the million-line agent of {@link MillionLineAgent}; lines/s = lines / the run's
 * duration (agent start → exit, and the agent exits only once its output has been read,
 * which waits for room in the buffer, which waits for Kafka's acknowledgements). Prints
 * the median of three rounds; asserts only that each run was complete. Nothing reads the
 * topics while the agent runs (the run is read back and checked afterwards), so the
 * figure is the service's alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LineThroughputBenchmark extends MillionLineAgent {

    private static final int ROUNDS = 3;

    abstract String runner();

    @Test
    void linesPerSecondOntoKafka() throws Exception {
        List<Double> perSecond = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // No reader competes with the service for the 2 cores while it runs: the run
            // is read back afterwards.
            String id = startMillionLines();
            Awaitility.await()
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !List.of("PENDING", "RUNNING").contains(api().view(TOKEN, id).get("status").asString()));
            RunOnKafka.Summary run = new RunOnKafka().read(id, Duration.ofMinutes(5));
            assertCompleteCountingRun(run);
            long millis = run.terminal().durationMs();
            durations.add(millis);
            perSecond.add(LINES * 1000.0 / millis);
            System.out.printf("round %d: %,d lines in %,d ms = %,.0f lines/s (%,d events)%n", round + 1, LINES, millis,
                    LINES * 1000.0 / millis, run.received());
        }
        perSecond.sort(Double::compare);
        durations.sort(Long::compare);
        System.out.printf(
                "%n=== line throughput, runner=%s: median %,.0f lines/s, run %,d ms (min %,.0f, max %,.0f) ===%n",
                runner(), perSecond.get(ROUNDS / 2), durations.get(ROUNDS / 2), perSecond.get(0),
                perSecond.get(ROUNDS - 1));
    }

}
