package com.agentnexus.aggregator.ledger;

import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Works out what one batch changes, without changing anything: the increments per
 * partition and series, the executions whose state moved, the running-gauge changes. The
 * ledger writes all of it in one transaction and merges it into memory only once that
 * committed, so a failed batch leaves no trace and can be re-read.
 *
 * <p>
 * Each execution's status events are applied in seq order once: an event at or below the
 * last applied seq is a duplicate (a redelivery or a replay) and changes nothing.
 */
final class BatchApplication {

    private static final SeriesKey DUPLICATE = SeriesKey.of(Metric.DUPLICATES);

    private final IntFunction<PartitionLedger> ledgers;

    private final Function<String, AgentSeries> agents;

    private final Map<UUID, TrackedExecution> stored;

    private final Map<UUID, TrackedExecution> touched = new HashMap<>();

    private final Map<Integer, Map<SeriesKey, Increment>> increments = new HashMap<>();

    private final Map<Integer, Map<AgentRef, Increment>> runningChanges = new HashMap<>();

    private @Nullable PartitionLedger lastLedger;

    private int lastPartition = -1;

    private @Nullable Map<SeriesKey, Increment> lastIncrements;

    /**
     * @param ledgers the owned partitions' in-memory state
     * @param stored what the store knows of executions that are not open in memory (ended
     * ones, mostly)
     * @param agents the series keys of each agent, kept across batches
     */
    BatchApplication(IntFunction<PartitionLedger> ledgers, Map<UUID, TrackedExecution> stored,
            Function<String, AgentSeries> agents) {
        this.ledgers = ledgers;
        this.stored = stored;
        this.agents = agents;
    }

    void status(int partition, ExecutionStatusChanged event) {
        UUID id = event.executionId().value();
        TrackedExecution current = current(partition, id);
        if (current == null) {
            current = TrackedExecution.unseen(id, partition, event.agentId().value(), event.agentName());
        }
        else if (current.partition() != partition) {
            // the topics gained partitions while it ran: its RUNNING counts on its old
            // partition, whose gauge this partition must not decrement; its seq still
            // guards against duplicates
            current = current.movedTo(partition);
        }
        Map<SeriesKey, Increment> series = increments(partition);
        if (event.seq() <= current.lastStatusSeq() || current.ended()) {
            add(series, DUPLICATE, 1);
            return;
        }
        AgentSeries agent = agents.apply(current.agentId());
        ExecutionStatus status = event.status();
        boolean running = current.running();
        if (status == ExecutionStatus.PENDING) {
            add(series, agent.named(event.agentName()).executions(), 1);
        }
        add(series, agent.status(status), 1);
        String runningName = current.agentName();
        if (status == ExecutionStatus.RUNNING && !running) {
            running = true;
            runningName = event.agentName();
            changeRunning(partition, agent.named(runningName).running(), 1);
        }
        if (event.isTerminal()) {
            if (running) {
                running = false;
                changeRunning(partition, agent.named(current.agentName()).running(), -1);
            }
            finished(series, agent, event);
        }
        touched.put(id, current.advancedTo(event.seq(), running, event.isTerminal(), runningName));
    }

    private void finished(Map<SeriesKey, Increment> series, AgentSeries agent, ExecutionStatusChanged event) {
        Long durationMs = event.durationMs();
        if (durationMs != null) {
            add(series, agent.durationBucket(event.status(), DurationBuckets.indexOf(durationMs)), 1);
            add(series, agent.durationSum(event.status()), durationMs);
        }
        BigInteger price = event.priceWei();
        if (event.status() == ExecutionStatus.COMPLETED && price != null) {
            AgentSeries.Named named = agent.named(event.agentName());
            series.computeIfAbsent(named.revenueWei(), k -> new Increment()).add(price);
            add(series, named.revenueExecutions(), 1);
        }
    }

    private Map<SeriesKey, Increment> increments(int partition) {
        if (partition == lastPartition && lastIncrements != null) {
            return lastIncrements;
        }
        lastPartition = partition;
        lastIncrements = increments.computeIfAbsent(partition, p -> new HashMap<>());
        return lastIncrements;
    }

    void rejected(int partition, String topic) {
        add(increments(partition), SeriesKey.of(Metric.REJECTED, topic), 1);
    }

    private @Nullable TrackedExecution current(int partition, UUID id) {
        TrackedExecution inBatch = touched.get(id);
        if (inBatch != null) {
            return inBatch;
        }
        PartitionLedger ledger = lastLedger;
        if (ledger == null || ledger.partition() != partition) {
            ledger = ledgers.apply(partition);
            lastLedger = ledger;
        }
        TrackedExecution open = ledger.open(id);
        return open != null || stored.isEmpty() ? open : stored.get(id);
    }

    private static void add(Map<SeriesKey, Increment> series, SeriesKey key, long amount) {
        series.computeIfAbsent(key, k -> new Increment()).add(amount);
    }

    private void changeRunning(int partition, AgentRef agent, long change) {
        runningChanges.computeIfAbsent(partition, p -> new HashMap<>())
            .computeIfAbsent(agent, a -> new Increment())
            .add(change);
    }

    Map<Integer, Map<SeriesKey, Increment>> increments() {
        return increments;
    }

    Map<AgentRef, Increment> runningChanges(int partition) {
        return runningChanges.getOrDefault(partition, Map.of());
    }

    Collection<TrackedExecution> touched() {
        return touched.values();
    }

}
