package com.agentnexus.aggregator.ledger;

import com.agentnexus.aggregator.ConsumedBatch;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.ResourcesSampled;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory half of the ledger: the partitions this instance owns and the container series, with the rules
 * for applying a batch — what it would change ({@link #prepare}) and, once that is stored, folding it in
 * ({@link #merge}). No I/O, so the meters' semantics are tested without a database.
 */
final class OwnedPartitions {

    private final Map<Integer, PartitionLedger> owned = new ConcurrentHashMap<>();
    private final ContainerSeries containers;
    private final Map<String, AgentSeries> agents = new HashMap<>();

    OwnedPartitions(ContainerSeries containers) {
        this.containers = containers;
    }

    boolean owns(int partition) {
        return owned.containsKey(partition);
    }

    void add(PartitionLedger ledger) {
        owned.put(ledger.partition(), ledger);
    }

    void drop(int partition) {
        if (owned.remove(partition) != null) {
            containers.forgetPartition(partition);
        }
    }

    @Nullable PartitionLedger get(int partition) {
        return owned.get(partition);
    }

    Collection<PartitionLedger> all() {
        return List.copyOf(owned.values());
    }

    ContainerSeries containers() {
        return containers;
    }

    /** Partitions of a batch that this instance may not write: not owned, or claimed since by another epoch. */
    Set<Integer> fenced(Set<Integer> partitions, Map<Integer, Long> storedEpochs) {
        Set<Integer> fenced = new HashSet<>();
        for (int partition : partitions) {
            PartitionLedger ledger = owned.get(partition);
            Long epoch = storedEpochs.get(partition);
            if (ledger == null || epoch == null || epoch != ledger.epoch()) {
                fenced.add(partition);
            }
        }
        return fenced;
    }

    /** Executions with status events in {@code events} that are not open in memory: the store may know them. */
    Set<UUID> unknownExecutions(List<ConsumedBatch.Consumed> events) {
        Set<UUID> unknown = new HashSet<>();
        for (ConsumedBatch.Consumed consumed : events) {
            if (consumed.event() instanceof ExecutionStatusChanged status) {
                UUID id = status.executionId().value();
                if (owned.get(consumed.position().partition()).open(id) == null) {
                    unknown.add(id);
                }
            }
        }
        return unknown;
    }

    /** Works out what the owned part of a batch changes; nothing changes until {@link #merge}. */
    BatchApplication prepare(ConsumedBatch batch, Set<Integer> fenced, Map<UUID, TrackedExecution> stored) {
        var application = new BatchApplication(owned::get, stored,
                agentId -> agents.computeIfAbsent(agentId, AgentSeries::new));
        for (ConsumedBatch.Consumed consumed : batch.events()) {
            int partition = consumed.position().partition();
            if (consumed.event() instanceof ExecutionStatusChanged status
                    && (fenced.isEmpty() || !fenced.contains(partition))) {
                application.status(partition, status);
            }
        }
        for (ConsumedBatch.Rejected rejected : batch.rejected()) {
            if (!fenced.contains(rejected.position().partition())) {
                application.rejected(rejected.position().partition(), rejected.position().topic());
            }
        }
        return application;
    }

    /**
     * Folds a stored batch into memory: totals, open executions, running counts, then the resource samples —
     * after the statuses, so a sample of an execution that ended in the same batch (or earlier) is dropped.
     */
    void merge(ConsumedBatch batch, BatchApplication application, Set<Integer> fenced) {
        application.increments().forEach((partition, increments) ->
                owned.get(partition).merge(increments, application.runningChanges(partition)));
        for (TrackedExecution execution : application.touched()) {
            PartitionLedger tracking = owned.get(execution.partition());
            if (tracking != null) {
                tracking.track(execution);
            }
            if (execution.ended()) {
                containers.ended(execution.executionId());
            }
        }
        PartitionLedger ledger = null;
        for (ConsumedBatch.Consumed consumed : batch.events()) {
            int partition = consumed.position().partition();
            if (consumed.event() instanceof ResourcesSampled sample
                    && (fenced.isEmpty() || !fenced.contains(partition))) {
                if (ledger == null || ledger.partition() != partition) {
                    ledger = owned.get(partition);
                }
                if (ledger.isRunning(sample.executionId().value())) {
                    containers.sample(partition, sample);
                }
            }
        }
        fenced.forEach(this::drop);
    }
}
