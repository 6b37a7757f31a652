package com.agentnexus.aggregator.ledger;

import com.agentnexus.aggregator.ConsumedBatch;
import com.agentnexus.aggregator.Position;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.Topics;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the in-memory cost of applying one decoded event to the meters — working
 * out a batch's changes and folding them into the partition state, without Kafka or
 * PostgreSQL. A plain harness: warm-up rounds, then the median of measured rounds.
 * Prints, asserts nothing on timing.
 */
class ApplyCostBenchmark {

    private static final int EXECUTIONS_PER_ROUND = 20_000;

    private static final int BATCH = 5_000;

    private static final List<ExecutionStatus> ENDS = List.of(ExecutionStatus.COMPLETED, ExecutionStatus.FAILED,
            ExecutionStatus.TIMED_OUT, ExecutionStatus.CANCELLED);

    @Test
    void costOfApplyingOneEventInMemory() {
        var random = new Random(7);
        int rounds = Integer.getInteger("bench.rounds", 40);
        int warmup = 15;
        double[] nanosPerEvent = new double[rounds - warmup];
        long events = 0;
        for (int round = 0; round < rounds; round++) {
            List<ConsumedBatch> batches = batches(random);
            var partitions = new OwnedPartitions(new ContainerSeries(1_000));
            partitions.add(new PartitionLedger(0, 1, Map.of(), List.of()));
            long count = batches.stream().mapToLong(b -> b.events().size()).sum();
            // the set-up's garbage is not this round's cost
            System.gc();
            long began = System.nanoTime();
            for (ConsumedBatch batch : batches) {
                BatchApplication application = partitions.prepare(batch, Set.of(), Map.of());
                partitions.merge(batch, application, Set.of());
            }
            long elapsed = System.nanoTime() - began;
            if (round >= warmup) {
                nanosPerEvent[round - warmup] = (double) elapsed / count;
                events += count;
            }
        }
        Arrays.sort(nanosPerEvent);
        System.out.printf("| in-memory apply | %,d events measured | median %.0f ns/event | min %.0f | max %.0f |%n",
                events, nanosPerEvent[nanosPerEvent.length / 2], nanosPerEvent[0],
                nanosPerEvent[nanosPerEvent.length - 1]);
    }

    /**
     * Executions of 8 agents, 3 statuses and 5 resource samples each, in batches as a
     * poll returns them.
     */
    private static List<ConsumedBatch> batches(Random random) {
        List<ConsumedBatch.Consumed> all = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < EXECUTIONS_PER_ROUND; i++) {
            var run = ExecutionFixture.anExecution()
                .ofAgent("agent-" + random.nextInt(8), "Agent", new BigInteger(80, random).toString());
            run.pending();
            run.running();
            for (int s = 0; s < 5; s++) {
                run.resources(random.nextInt(1 << 30), random.nextDouble() * 100);
            }
            run.terminal(ENDS.get(random.nextInt(ENDS.size())), "{}", "end", 0);
            for (ExecutionEvent event : run.events()) {
                all.add(new ConsumedBatch.Consumed(new Position(Topics.DEFAULTS.topicFor(event.type()), 0, offset++),
                        event));
            }
        }
        List<ConsumedBatch> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(new ConsumedBatch(all.subList(from, Math.min(all.size(), from + BATCH)), List.of(), List.of()));
        }
        return batches;
    }

}
