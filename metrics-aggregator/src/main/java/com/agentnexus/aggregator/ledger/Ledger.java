package com.agentnexus.aggregator.ledger;

import com.agentnexus.aggregator.AggregatorProperties;
import com.agentnexus.aggregator.ConsumedBatch;
import com.agentnexus.aggregator.EventLedger;
import com.agentnexus.aggregator.LedgerUnavailableException;
import com.agentnexus.aggregator.Position;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link EventLedger}: owns the state of the partitions assigned to this instance and
 * applies each batch in one PostgreSQL transaction (fencing check, execution states,
 * totals, read positions), then merges it into memory.
 */
@Component
public class Ledger implements EventLedger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private static final int TRANSACTION_TIMEOUT_SECONDS = 60;

    private final LedgerStore store;

    private final TransactionTemplate transactions;

    private final AggregatorProperties properties;

    private final OwnedPartitions partitions;

    private final Map<Position, Long> applied = new ConcurrentHashMap<>();

    Ledger(LedgerStore store, PlatformTransactionManager transactionManager, AggregatorProperties properties) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        // well below Kafka's max.poll.interval.ms: a write that hangs must fail, not cost
        // the partitions
        transactions.setTimeout(TRANSACTION_TIMEOUT_SECONDS);
        this.properties = properties;
        this.partitions = new OwnedPartitions(new ContainerSeries(properties.maxContainerSeries()));
    }

    @Override
    public Map<Position, Long> assigned(Collection<Position> assigned) {
        try {
            // always from PostgreSQL, even for a partition already held: after a failed
            // write memory may be behind (or ahead) of what was committed
            for (int partition : indexes(assigned)) {
                partitions.add(load(partition));
            }
            Map<Position, Long> stored = store.positions(indexes(assigned));
            for (Position partition : assigned) {
                Position key = partitionOnly(partition);
                Long next = stored.get(key);
                if (next == null) {
                    applied.remove(key);
                }
                else {
                    applied.put(key, next);
                }
            }
            return stored;
        }
        catch (DataAccessException | TransactionException e) {
            throw new LedgerUnavailableException("cannot load the ledger of " + assigned, e);
        }
    }

    private PartitionLedger load(int partition) {
        Long epoch = transactions.execute(status -> store.claim(partition));
        var ledger = new PartitionLedger(partition, epoch == null ? 0 : epoch, store.totals(partition),
                store.openExecutions(partition));
        log.info("Took partition {} (epoch {}): {} series, {} open executions", partition, ledger.epoch(),
                ledger.totals().size(), ledger.openCount());
        return ledger;
    }

    @Override
    public void revoked(Collection<Position> revoked) {
        indexes(revoked).forEach(partitions::drop);
        revoked.forEach(p -> applied.remove(partitionOnly(p)));
    }

    @Override
    public Set<Integer> apply(ConsumedBatch batch) {
        Set<Integer> fenced = new HashSet<>();
        BatchApplication application;
        try {
            application = transactions.execute(status -> write(batch, fenced));
        }
        catch (DataAccessException | TransactionException | StalePositionsException e) {
            throw new LedgerUnavailableException("batch not applied", e);
        }
        if (application == null) {
            throw new IllegalStateException("the transaction returned nothing");
        }
        partitions.merge(batch, application, fenced);
        for (Position next : batch.nextPositions()) {
            if (fenced.contains(next.partition())) {
                applied.remove(partitionOnly(next));
            }
            else {
                applied.put(partitionOnly(next), next.offset());
            }
        }
        return fenced;
    }

    /**
     * The transaction: lock and check ownership, then write execution states, totals and
     * positions.
     */
    private BatchApplication write(ConsumedBatch batch, Set<Integer> fenced) {
        Set<Integer> touched = new TreeSet<>();
        batch.events().forEach(c -> touched.add(c.position().partition()));
        batch.rejected().forEach(r -> touched.add(r.position().partition()));
        batch.nextPositions().forEach(p -> touched.add(p.partition()));
        fenced.addAll(partitions.fenced(touched, store.lockEpochs(touched)));
        if (!fenced.isEmpty()) {
            log.warn("Partitions {} are owned by another instance now; their records are left to it", fenced);
        }
        requireBatchFollowsStoredPositions(batch, fenced);
        List<ConsumedBatch.Consumed> mine = batch.events()
            .stream()
            .filter(c -> !fenced.contains(c.position().partition()))
            .toList();
        BatchApplication application = partitions.prepare(batch, fenced,
                store.executions(partitions.unknownExecutions(mine)));
        store.writeExecutions(application.touched());
        store.addTotals(application.increments());
        store.writePositions(batch.nextPositions().stream().filter(p -> !fenced.contains(p.partition())).toList());
        return application;
    }

    /**
     * The batch must start where the ledger's stored positions end. If they moved on
     * without this instance knowing (a commit whose acknowledgement was lost), applying
     * it would count its records twice.
     */
    private void requireBatchFollowsStoredPositions(ConsumedBatch batch, Set<Integer> fenced) {
        Set<Integer> mine = new TreeSet<>();
        batch.nextPositions().forEach(p -> mine.add(p.partition()));
        mine.removeAll(fenced);
        if (mine.isEmpty()) {
            return;
        }
        Map<Position, Long> stored = store.positions(mine);
        for (Position next : batch.nextPositions()) {
            Position key = partitionOnly(next);
            if (!fenced.contains(next.partition()) && !Objects.equals(stored.get(key), applied.get(key))) {
                throw new StalePositionsException(key, stored.get(key), applied.get(key));
            }
        }
    }

    /**
     * The stored positions are not the ones this instance applied from; it must reload
     * before going on.
     */
    static final class StalePositionsException extends IllegalStateException {

        StalePositionsException(Position partition, Long stored, Long applied) {
            super("the ledger of " + partition.topic() + "-" + partition.partition() + " is at " + stored
                    + ", this instance expected " + applied);
        }

    }

    @Override
    public Map<Position, Long> appliedPositions() {
        return Map.copyOf(applied);
    }

    /** The partitions this instance owns now, for the Prometheus view. */
    public Collection<PartitionLedger> partitions() {
        return partitions.all();
    }

    public ContainerSeries containers() {
        return partitions.containers();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void pruneEnded() {
        try {
            int pruned = store.pruneEnded(properties.endedRetention());
            if (pruned > 0) {
                log.info("Forgot {} executions that ended more than {} ago", pruned, properties.endedRetention());
            }
        }
        catch (DataAccessException e) {
            log.warn("Pruning ended executions failed: {}", e.getMostSpecificCause().getMessage());
        }
    }

    private static Set<Integer> indexes(Collection<Position> partitions) {
        return partitions.stream().map(Position::partition).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Position partitionOnly(Position position) {
        return new Position(position.topic(), position.partition(), 0);
    }

}
