package com.agentnexus.aggregator.ledger;

import com.agentnexus.aggregator.ConsumedBatch;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
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
 * The in-memory half of the ledger: the partitions this instance owns and the container
 * series, with the rules for applying a batch — what it would change ({@link #prepare})
 * and, once that is stored, folding it in ({@link #merge}). No I/O, so the meters'
 * semantics are tested without a database.
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

    /**
     * Takes a partition's state as loaded from the store, replacing what memory held of
     * it.
     */
    void add(PartitionLedger ledger) {
        owned.put(ledger.partition(), ledger);
        // a series of an execution that ended in a batch whose acknowledgement was lost
        // would never be removed
        containers.retain(ledger.partition(), ledger::isRunning);
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

    /**
     * Partitions of a batch that this instance may not write: not owned, or claimed since
     * by another epoch.
     */
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

    /**
     * Executions with status events in {@code events} that are not open in memory: the
     * store may know them.
     */
    Set<UUID> unknownExecutions(List<ConsumedBatch.Consumed> events) {
        Set<UUID> unknown = new HashSet<>();
        var statuses = new EventSteps() {
            @Override
            public Void status(ExecutionStatusChanged status) {
                UUID id = status.executionId().value();
                if (ledger(partition).open(id) == null) {
                    unknown.add(id);
                }
                return null;
            }
        };
        events.forEach(statuses::visit);
        return unknown;
    }

    /**
     * Works out what the owned part of a batch changes; nothing changes until
     * {@link #merge}.
     */
    BatchApplication prepare(ConsumedBatch batch, Set<Integer> fenced, Map<UUID, TrackedExecution> stored) {
        var application = new BatchApplication(owned::get, stored,
                agentId -> agents.computeIfAbsent(agentId, AgentSeries::new));
        var statuses = new EventSteps() {
            @Override
            public Void status(ExecutionStatusChanged status) {
                application.status(partition, status);
                return null;
            }
        };
        for (ConsumedBatch.Consumed consumed : batch.events()) {
            if (fenced.isEmpty() || !fenced.contains(consumed.position().partition())) {
                statuses.visit(consumed);
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
     * Folds a stored batch into memory: totals, open executions, running counts, then the
     * resource samples — after the statuses, so a sample of an execution that ended in
     * the same batch (or earlier) is dropped.
     */
    void merge(ConsumedBatch batch, BatchApplication application, Set<Integer> fenced) {
        application.increments()
            .forEach((partition, increments) -> owned.get(partition)
                .merge(increments, application.runningChanges(partition)));
        for (TrackedExecution execution : application.touched()) {
            PartitionLedger tracking = owned.get(execution.partition());
            if (tracking != null) {
                tracking.track(execution);
            }
            if (execution.ended()) {
                containers.ended(execution.executionId());
            }
        }
        var samples = new EventSteps() {
            @Override
            public Void resources(ResourcesSampled sample) {
                if (ledger(partition).isRunning(sample.executionId().value())) {
                    containers.sample(partition, sample);
                }
                return null;
            }
        };
        for (ConsumedBatch.Consumed consumed : batch.events()) {
            if (fenced.isEmpty() || !fenced.contains(consumed.position().partition())) {
                samples.visit(consumed);
            }
        }
        fenced.forEach(this::drop);
    }

    /**
     * One pass over a batch's events: a visitor over the sealed event family (a new kind
     * of event fails compilation here), with the partition of the event being visited and
     * its ledger at hand. Log events never reach the aggregator's topics' consumers; each
     * pass overrides the kinds it acts on.
     */
    private abstract class EventSteps implements ExecutionEvent.Visitor<Void> {

        int partition;

        private @Nullable PartitionLedger current;

        void visit(ConsumedBatch.Consumed consumed) {
            partition = consumed.position().partition();
            consumed.event().accept(this);
        }

        PartitionLedger ledger(int index) {
            PartitionLedger ledger = current;
            if (ledger == null || ledger.partition() != index) {
                ledger = owned.get(index);
                current = ledger;
            }
            return ledger;
        }

        @Override
        public Void log(LogLineEmitted log) {
            return null;
        }

        @Override
        public Void status(ExecutionStatusChanged status) {
            return null;
        }

        @Override
        public Void resources(ResourcesSampled resources) {
            return null;
        }

    }

}
