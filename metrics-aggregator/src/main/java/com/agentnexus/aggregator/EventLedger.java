package com.agentnexus.aggregator;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Applies consumed batches exactly once. The consumption side tells it which partitions
 * this instance owns and hands it each poll's batch; the ledger stores totals and read
 * positions together, so Kafka's own committed offsets play no part.
 */
public interface EventLedger {

    /**
     * This instance now owns these topic partitions (positions with offset 0 name them).
     * Returns the stored next offset of each; a partition missing from the map is read
     * from its beginning.
     * @throws LedgerUnavailableException when the store cannot be reached; the caller
     * retries later
     */
    Map<Position, Long> assigned(Collection<Position> partitions);

    /**
     * This instance no longer owns these topic partitions: their series stop being
     * exported here.
     */
    void revoked(Collection<Position> partitions);

    /**
     * Applies one batch in one transaction. Returns the partition indexes whose ownership
     * another instance has taken meanwhile: nothing of theirs was applied and the caller
     * stops reading them.
     * @throws LedgerUnavailableException when nothing was applied; the caller re-reads
     * the batch later
     */
    Set<Integer> apply(ConsumedBatch batch);

    /**
     * The next offset this instance will apply for a topic partition it owns (after the
     * last applied batch).
     */
    Map<Position, Long> appliedPositions();

}
