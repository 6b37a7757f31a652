package com.agentnexus.execution;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Not a test: how many lines per second one unpaced agent gets onto Kafka. Each round runs the million-line agent
 * of {@link BurstyAgentScenario}; lines/s = lines / the run's duration (agent start → exit, and the agent exits only
 * once its output has been read, which waits for room in the buffer, which waits for Kafka's acknowledgements).
 * Prints the median of three rounds; asserts only that each run was complete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LineThroughputBenchmark extends BurstyAgentScenario {

    private static final int ROUNDS = 3;

    abstract String runner();

    @Test
    void linesPerSecondOntoKafka() throws Exception {
        List<Double> perSecond = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            RunOnKafka.Summary run = runMillionLines();
            assertCompleteCountingRun(run);
            long millis = run.terminal().durationMs();
            durations.add(millis);
            perSecond.add(LINES * 1000.0 / millis);
            System.out.printf("round %d: %,d lines in %,d ms = %,.0f lines/s (%,d events)%n", round + 1, LINES,
                    millis, LINES * 1000.0 / millis, run.received());
        }
        perSecond.sort(Double::compare);
        durations.sort(Long::compare);
        System.out.printf("%n=== line throughput, runner=%s: median %,.0f lines/s, run %,d ms (min %,.0f, max %,.0f) ===%n",
                runner(), perSecond.get(ROUNDS / 2), durations.get(ROUNDS / 2), perSecond.get(0),
                perSecond.get(ROUNDS - 1));
    }
}
