package com.agentnexus.aggregator.ledger;

import com.agentnexus.events.ResourcesSampled;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The latest resource sample of each running execution, for the per-container gauges.
 * Series are labelled by execution, so their number is capped: beyond {@code maxSeries}
 * running executions, later ones are not exported (until a slot frees) and
 * {@link #omitted()} counts each of them once. A series disappears at its execution's
 * terminal status; a sample of an execution that is not running (ended, or not yet seen
 * RUNNING) is dropped, so a late sample can never bring a removed series back.
 */
public final class ContainerSeries {

    /** The last sample of one execution. */
    public record Sample(UUID executionId, int partition, String agentId, long memoryBytes, double cpuPercent) {
    }

    /**
     * The gauges of one exported execution, updated in place by each sample (no
     * allocation per sample).
     */
    private static final class Gauges {

        private final UUID executionId;

        private final int partition;

        private final String agentId;

        private volatile long memoryBytes;

        private volatile double cpuPercent;

        Gauges(UUID executionId, int partition, String agentId) {
            this.executionId = executionId;
            this.partition = partition;
            this.agentId = agentId;
        }

        Sample sample() {
            return new Sample(executionId, partition, agentId, memoryBytes, cpuPercent);
        }

    }

    private final int maxSeries;

    private final Map<UUID, Gauges> exported = new ConcurrentHashMap<>();

    private final Map<UUID, Integer> omittedRunning = new HashMap<>();

    private final AtomicLong omitted = new AtomicLong();

    public ContainerSeries(int maxSeries) {
        this.maxSeries = maxSeries;
    }

    /**
     * Called by the consumer thread for a sample whose execution the ledger knows to be
     * running.
     */
    void sample(int partition, ResourcesSampled sample) {
        UUID id = sample.executionId().value();
        Gauges gauges = exported.get(id);
        if (gauges == null) {
            if (exported.size() >= maxSeries) {
                if (omittedRunning.put(id, partition) == null) {
                    omitted.incrementAndGet();
                }
                return;
            }
            gauges = new Gauges(id, partition, sample.agentId().value());
            exported.put(id, gauges);
            if (!omittedRunning.isEmpty()) {
                omittedRunning.remove(id);
            }
        }
        gauges.memoryBytes = sample.memoryBytes();
        gauges.cpuPercent = sample.cpuPercent();
    }

    void ended(UUID executionId) {
        exported.remove(executionId);
        omittedRunning.remove(executionId);
    }

    /** Keeps of a partition's series only those of executions that run. */
    void retain(int partition, Predicate<UUID> running) {
        exported.values().removeIf(gauges -> gauges.partition == partition && !running.test(gauges.executionId));
        omittedRunning.entrySet().removeIf(e -> e.getValue() == partition && !running.test(e.getKey()));
    }

    void forgetPartition(int partition) {
        exported.values().removeIf(gauges -> gauges.partition == partition);
        omittedRunning.values().removeIf(owner -> owner == partition);
    }

    /** The exported samples, at most {@code maxSeries}. */
    public List<Sample> samples() {
        return exported.values().stream().map(Gauges::sample).toList();
    }

    /**
     * Executions that were running but left out because the cap was reached, each counted
     * once.
     */
    public long omitted() {
        return omitted.get();
    }

}
