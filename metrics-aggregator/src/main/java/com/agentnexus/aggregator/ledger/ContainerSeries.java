package com.agentnexus.aggregator.ledger;

import com.agentnexus.events.ResourcesSampled;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The latest resource sample of each running execution, for the per-container gauges. Series are labelled by
 * execution, so their number is capped: beyond {@code maxSeries} running executions, later ones are not exported
 * (until a slot frees) and {@link #omitted()} counts each of them once. A series disappears at its execution's
 * terminal status; a sample of an execution that is not running (ended, or not yet seen RUNNING) is dropped, so a
 * late sample can never bring a removed series back.
 */
public final class ContainerSeries {

    /** The last sample of one execution. */
    public record Sample(UUID executionId, int partition, String agentId, long memoryBytes, double cpuPercent) {
    }

    private final int maxSeries;
    private final Map<UUID, Sample> exported = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> omittedRunning = new HashMap<>();
    private final AtomicLong omitted = new AtomicLong();

    public ContainerSeries(int maxSeries) {
        this.maxSeries = maxSeries;
    }

    /** Called by the consumer thread for a sample whose execution the ledger knows to be running. */
    void sample(int partition, ResourcesSampled sample) {
        UUID id = sample.executionId().value();
        var latest = new Sample(id, partition, sample.agentId().value(), sample.memoryBytes(), sample.cpuPercent());
        if (exported.containsKey(id) || exported.size() < maxSeries) {
            exported.put(id, latest);
            omittedRunning.remove(id);
        } else if (omittedRunning.put(id, partition) == null) {
            omitted.incrementAndGet();
        }
    }

    void ended(UUID executionId) {
        exported.remove(executionId);
        omittedRunning.remove(executionId);
    }

    void forgetPartition(int partition) {
        exported.values().removeIf(sample -> sample.partition() == partition);
        omittedRunning.values().removeIf(owner -> owner == partition);
    }

    /** The exported samples, at most {@code maxSeries}. */
    public List<Sample> samples() {
        return List.copyOf(exported.values());
    }

    /** Executions that were running but left out because the cap was reached, each counted once. */
    public long omitted() {
        return omitted.get();
    }
}
