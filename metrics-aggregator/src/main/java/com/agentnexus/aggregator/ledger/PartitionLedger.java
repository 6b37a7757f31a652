package com.agentnexus.aggregator.ledger;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The state of one partition index that this instance owns: its all-time totals, the
 * executions still open and the running count per agent. Changed only by the consumer
 * thread after a batch committed; totals and running counts are also read by scrapes.
 */
public final class PartitionLedger {

    private final int partition;

    private final long epoch;

    private final Map<SeriesKey, BigInteger> totals = new ConcurrentHashMap<>();

    private final Map<UUID, TrackedExecution> open = new HashMap<>();

    private final Map<AgentRef, Long> running = new ConcurrentHashMap<>();

    PartitionLedger(int partition, long epoch, Map<SeriesKey, BigInteger> storedTotals,
            Collection<TrackedExecution> openExecutions) {
        this.partition = partition;
        this.epoch = epoch;
        totals.putAll(storedTotals);
        for (TrackedExecution execution : openExecutions) {
            open.put(execution.executionId(), execution);
            if (execution.running()) {
                running.merge(new AgentRef(execution.agentId(), execution.agentName()), 1L, Long::sum);
            }
        }
    }

    public int partition() {
        return partition;
    }

    long epoch() {
        return epoch;
    }

    /** All-time totals of this partition (a live view). */
    public Map<SeriesKey, BigInteger> totals() {
        return Collections.unmodifiableMap(totals);
    }

    /** Running executions per agent; an agent whose executions all ended stays at 0. */
    public Map<AgentRef, Long> running() {
        return Collections.unmodifiableMap(running);
    }

    @Nullable TrackedExecution open(UUID executionId) {
        return open.get(executionId);
    }

    boolean isRunning(UUID executionId) {
        TrackedExecution execution = open.get(executionId);
        return execution != null && execution.running();
    }

    int openCount() {
        return open.size();
    }

    /** Merges what a committed batch changed in this partition. */
    void merge(Map<SeriesKey, Increment> increments, Map<AgentRef, Increment> runningChanges) {
        increments.forEach((key, increment) -> totals.merge(key, increment.value(), BigInteger::add));
        runningChanges.forEach((agent, change) -> running.merge(agent, change.longValue(), Long::sum));
    }

    void track(TrackedExecution execution) {
        if (execution.ended()) {
            open.remove(execution.executionId());
        }
        else {
            open.put(execution.executionId(), execution);
        }
    }

}
