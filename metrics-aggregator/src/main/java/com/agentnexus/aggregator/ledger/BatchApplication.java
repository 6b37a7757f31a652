package com.agentnexus.aggregator.ledger;

import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Works out what one batch changes, without changing anything: the increments per partition and series, the
 * executions whose state moved, the running-gauge changes. The ledger writes all of it in one transaction and
 * merges it into memory only once that committed, so a failed batch leaves no trace and can be re-read.
 *
 * <p>Each execution's status events are applied in seq order once: an event at or below the last applied seq is
 * a duplicate (a redelivery or a replay) and changes nothing.
 */
final class BatchApplication {

    private final IntFunction<PartitionLedger> ledgers;
    private final Map<UUID, TrackedExecution> stored;
    private final Map<UUID, TrackedExecution> touched = new LinkedHashMap<>();
    private final Map<Integer, Map<SeriesKey, Increment>> increments = new HashMap<>();
    private final Map<Integer, Map<AgentRef, Long>> runningChanges = new HashMap<>();

    /**
     * @param ledgers the owned partitions' in-memory state
     * @param stored  what the store knows of executions that are not open in memory (ended ones, mostly)
     */
    BatchApplication(IntFunction<PartitionLedger> ledgers, Map<UUID, TrackedExecution> stored) {
        this.ledgers = ledgers;
        this.stored = stored;
    }

    void status(int partition, ExecutionStatusChanged event) {
        UUID id = event.executionId().value();
        TrackedExecution current = current(partition, id);
        if (current == null) {
            current = TrackedExecution.unseen(id, partition, event.agentId().value(), event.agentName());
        }
        if (event.seq() <= current.lastStatusSeq() || current.ended()) {
            add(increments.computeIfAbsent(partition, p -> new HashMap<>()), SeriesKey.of(Metric.DUPLICATES), 1);
            return;
        }
        Map<SeriesKey, Increment> series = increments.computeIfAbsent(partition, p -> new HashMap<>());
        String agentId = current.agentId();
        String status = event.status().name();
        boolean running = current.running();
        if (event.status() == ExecutionStatus.PENDING) {
            add(series, new SeriesKey(Metric.EXECUTIONS, List.of(agentId, event.agentName())), 1);
        }
        add(series, new SeriesKey(Metric.STATUS, List.of(status, agentId)), 1);
        String runningName = current.agentName();
        if (event.status() == ExecutionStatus.RUNNING && !running) {
            running = true;
            runningName = event.agentName();
            changeRunning(partition, new AgentRef(agentId, runningName), 1);
        }
        if (event.isTerminal()) {
            if (running) {
                running = false;
                changeRunning(partition, new AgentRef(agentId, current.agentName()), -1);
            }
            finished(series, agentId, status, event);
        }
        touched.put(id, current.advancedTo(event.seq(), running, event.isTerminal(), runningName));
    }

    private void finished(Map<SeriesKey, Increment> series, String agentId, String status,
            ExecutionStatusChanged event) {
        Long durationMs = event.durationMs();
        if (durationMs != null) {
            int bucket = DurationBuckets.indexOf(durationMs);
            add(series, new SeriesKey(Metric.DURATION_BUCKET,
                    List.of(agentId, status, DurationBuckets.label(bucket))), 1);
            add(series, new SeriesKey(Metric.DURATION_SUM_MS, List.of(agentId, status)), durationMs);
        }
        BigInteger price = event.priceWei();
        if (event.status() == ExecutionStatus.COMPLETED && price != null) {
            var agent = List.of(agentId, event.agentName());
            series.computeIfAbsent(new SeriesKey(Metric.REVENUE_WEI, agent), k -> new Increment()).add(price);
            add(series, new SeriesKey(Metric.REVENUE_EXECUTIONS, agent), 1);
        }
    }

    void rejected(int partition, String topic) {
        add(increments.computeIfAbsent(partition, p -> new HashMap<>()), SeriesKey.of(Metric.REJECTED, topic), 1);
    }

    private @Nullable TrackedExecution current(int partition, UUID id) {
        TrackedExecution inBatch = touched.get(id);
        if (inBatch != null) {
            return inBatch;
        }
        TrackedExecution open = ledgers.apply(partition).open(id);
        return open != null ? open : stored.get(id);
    }

    private static void add(Map<SeriesKey, Increment> series, SeriesKey key, long amount) {
        series.computeIfAbsent(key, k -> new Increment()).add(amount);
    }

    private void changeRunning(int partition, AgentRef agent, long change) {
        runningChanges.computeIfAbsent(partition, p -> new HashMap<>()).merge(agent, change, Long::sum);
    }

    Map<Integer, Map<SeriesKey, Increment>> increments() {
        return increments;
    }

    Map<AgentRef, Long> runningChanges(int partition) {
        return runningChanges.getOrDefault(partition, Map.of());
    }

    Collection<TrackedExecution> touched() {
        return touched.values();
    }
}
