package com.agentnexus.aggregator.ledger;

import com.agentnexus.aggregator.ConsumedBatch;
import com.agentnexus.aggregator.Position;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.Topics;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The in-memory ledger of one instance, fed batch by batch as the real one is (prepare,
 * then merge as after a commit), with a map standing in for what PostgreSQL remembers of
 * executions.
 */
final class LedgerFixture {

    private final OwnedPartitions partitions;

    private final Map<UUID, TrackedExecution> stored = new java.util.HashMap<>();

    private long offset;

    LedgerFixture(int maxContainerSeries, int... owned) {
        partitions = new OwnedPartitions(new ContainerSeries(maxContainerSeries));
        for (int partition : owned) {
            partitions.add(new PartitionLedger(partition, 1, Map.of(), List.of()));
        }
    }

    static LedgerFixture onePartition() {
        return new LedgerFixture(1_000, 0);
    }

    /** A restarted instance: partition 0 loaded with what the store held. */
    static LedgerFixture restartedWith(Collection<TrackedExecution> open, Map<SeriesKey, BigInteger> totals) {
        var fixture = new LedgerFixture(1_000);
        fixture.partitions.add(new PartitionLedger(0, 2, totals, open));
        return fixture;
    }

    /**
     * Applies the events as one batch on partition 0, and remembers touched executions as
     * the store would.
     */
    LedgerFixture apply(ExecutionEvent... events) {
        return applyOn(0, events);
    }

    LedgerFixture applyOn(int partition, ExecutionEvent... events) {
        List<ConsumedBatch.Consumed> consumed = new ArrayList<>();
        for (ExecutionEvent event : events) {
            consumed.add(new ConsumedBatch.Consumed(
                    new Position(Topics.DEFAULTS.topicFor(event.type()), partition, offset++), event));
        }
        var batch = new ConsumedBatch(consumed, List.of(), List.of());
        BatchApplication application = partitions.prepare(batch, Set.of(), stored);
        partitions.merge(batch, application, Set.of());
        application.touched().forEach(execution -> stored.put(execution.executionId(), execution));
        return this;
    }

    LedgerFixture reject(String topic) {
        var batch = new ConsumedBatch(List.of(), List.of(new ConsumedBatch.Rejected(new Position(topic, 0, offset++))),
                List.of());
        partitions.merge(batch, partitions.prepare(batch, Set.of(), stored), Set.of());
        return this;
    }

    /** The total of one series over every owned partition, 0 if it never moved. */
    BigInteger total(Metric metric, String... labels) {
        var key = new SeriesKey(metric, List.of(labels));
        return partitions.all()
            .stream()
            .map(p -> p.totals().getOrDefault(key, BigInteger.ZERO))
            .reduce(BigInteger.ZERO, BigInteger::add);
    }

    long running(String agentId, String agentName) {
        return partitions.all()
            .stream()
            .mapToLong(p -> p.running().getOrDefault(new AgentRef(agentId, agentName), 0L))
            .sum();
    }

    Map<UUID, TrackedExecution> stored() {
        return stored;
    }

    PartitionLedger partition(int index) {
        return partitions.get(index);
    }

    ContainerSeries containers() {
        return partitions.containers();
    }

}
