package com.agentnexus.aggregator.acceptance;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.ResourcesSampled;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the aggregator must show for the events a test published, each event counted once
 * however often it was delivered. Series keys are label values in a fixed order, each
 * with the Kafka partition of the execution, the way {@link PrometheusSamples#sumBy}
 * groups a scrape.
 */
final class LedgerTruth {

    /** The upper bounds of the duration histogram, in milliseconds; +Inf comes last. */
    static final long[] BUCKET_BOUNDS_MILLIS = { 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000,
            300_000 };
    static final String INFINITY = "+Inf";

    private final int partitions;

    private final Map<List<String>, Long> executions = new HashMap<>();

    private final Map<List<String>, Long> statuses = new HashMap<>();

    private final Map<List<String>, List<Long>> durationsMillis = new HashMap<>();

    private final Map<List<String>, BigInteger> revenue = new HashMap<>();

    private final Map<String, String> agentNames = new TreeMap<>();

    private final Map<String, BigInteger> revenueByAgent = new TreeMap<>();

    private final Map<String, Long> completedByAgent = new TreeMap<>();

    private final Map<List<String>, Long> rejected = new HashMap<>();

    private long events;

    private long duplicates;

    LedgerTruth(int partitions) {
        this.partitions = partitions;
    }

    int partitions() {
        return partitions;
    }

    /** Counts one published event (its first delivery). */
    synchronized void record(ExecutionEvent event) {
        events++;
        String partition = Integer.toString(OutgoingRecord.partitionOf(event.executionId().toString(), partitions));
        String agentId = event.agentId().value();
        event.accept(new ExecutionEvent.Visitor<Void>() {
            @Override
            public Void log(LogLineEmitted log) {
                return null;
            }

            @Override
            public Void status(ExecutionStatusChanged status) {
                recordStatus(status, agentId, partition);
                return null;
            }

            @Override
            public Void resources(ResourcesSampled resources) {
                return null;
            }
        });
    }

    private void recordStatus(ExecutionStatusChanged status, String agentId, String partition) {
        agentNames.put(agentId, status.agentName());
        statuses.merge(List.of(agentId, status.status().name(), partition), 1L, Long::sum);
        if (status.status() == ExecutionStatus.PENDING) {
            executions.merge(List.of(agentId, status.agentName(), partition), 1L, Long::sum);
        }
        if (status.isTerminal()) {
            durationsMillis
                .computeIfAbsent(List.of(agentId, status.status().name(), partition), key -> new ArrayList<>())
                .add(status.durationMs());
        }
        if (status.status() == ExecutionStatus.COMPLETED && status.priceWei() != null) {
            revenue.merge(List.of(agentId, status.agentName(), partition), status.priceWei(), BigInteger::add);
            revenueByAgent.merge(agentId, status.priceWei(), BigInteger::add);
            completedByAgent.merge(agentId, 1L, Long::sum);
        }
    }

    /**
     * Counts a record that is not an event: the aggregator must reject it, once, and go
     * on.
     */
    synchronized void recordGarbage(OutgoingRecord garbage) {
        rejected.merge(List.of(garbage.topic(), Integer.toString(garbage.partition(partitions))), 1L, Long::sum);
    }

    /** Notes that a record went out twice; the ledger must not see it. */
    synchronized void recordDuplicate() {
        duplicates++;
    }

    /** By agent_id, agent_name, partition. */
    synchronized Map<List<String>, Long> executions() {
        return Map.copyOf(executions);
    }

    /** By agent_id, status, partition. */
    synchronized Map<List<String>, Long> statuses() {
        return Map.copyOf(statuses);
    }

    /** By agent_id, status, partition. */
    synchronized Map<List<String>, Long> durationCounts() {
        Map<List<String>, Long> counts = new HashMap<>();
        durationsMillis.forEach((key, durations) -> counts.put(key, (long) durations.size()));
        return counts;
    }

    /** By agent_id, status, partition: the sum of the durations in seconds. */
    synchronized Map<List<String>, Double> durationSumsSeconds() {
        Map<List<String>, Double> sums = new HashMap<>();
        durationsMillis
            .forEach((key, durations) -> sums.put(key, durations.stream().mapToLong(Long::longValue).sum() / 1000.0));
        return sums;
    }

    /**
     * By agent_id, status, partition, le: cumulative bucket counts, every bucket of every
     * series that has an observation; {@code le} as {@link #leLabel} writes it.
     */
    synchronized Map<List<String>, Long> durationBuckets() {
        Map<List<String>, Long> buckets = new HashMap<>();
        durationsMillis.forEach((key, durations) -> {
            for (long bound : BUCKET_BOUNDS_MILLIS) {
                long within = durations.stream().filter(d -> d <= bound).count();
                buckets.put(withLe(key, leLabel(bound / 1000.0)), within);
            }
            buckets.put(withLe(key, INFINITY), (long) durations.size());
        });
        return buckets;
    }

    /**
     * One spelling of an {@code le} bound whichever way an exporter writes it ("1",
     * "1.0", "+Inf").
     */
    static String leLabel(double bound) {
        return Double.isInfinite(bound) ? INFINITY : Double.toString(bound);
    }

    private static List<String> withLe(List<String> key, String le) {
        List<String> withLe = new ArrayList<>(key);
        withLe.add(le);
        return List.copyOf(withLe);
    }

    /** By agent_id, agent_name, partition: Wei earned by COMPLETED executions. */
    synchronized Map<List<String>, BigInteger> revenue() {
        return Map.copyOf(revenue);
    }

    synchronized BigInteger totalRevenueWei() {
        return revenueByAgent.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    synchronized long completedExecutions() {
        return completedByAgent.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized Map<String, BigInteger> revenueByAgent() {
        return Map.copyOf(revenueByAgent);
    }

    synchronized Map<String, Long> completedByAgent() {
        return Map.copyOf(completedByAgent);
    }

    synchronized Map<String, String> agentNames() {
        return Map.copyOf(agentNames);
    }

    /** By topic, partition. */
    synchronized Map<List<String>, Long> rejected() {
        return Map.copyOf(rejected);
    }

    synchronized long garbage() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized long executionCount() {
        return executions.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized long events() {
        return events;
    }

    synchronized long duplicates() {
        return duplicates;
    }

}
