package com.agentnexus.aggregator.consumption;

import com.agentnexus.aggregator.ConsumerLag;
import com.agentnexus.aggregator.Position;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Lag as the ledger sees it: records between what it has applied and the end of each
 * owned partition. Kafka's own lag counts from the fetch position, which runs ahead of
 * the ledger while a batch is written or is to be re-read.
 */
final class LagRecorder {

    private final ConsumerLag lag;

    LagRecorder(ConsumerLag lag) {
        this.lag = lag;
    }

    void record(Consumer<?, ?> kafka, Map<Position, Long> applied, Set<TopicPartition> unloaded) {
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong fetchLag = kafka.currentLag(partition);
            if (fetchLag.isEmpty()) {
                continue;
            }
            long behind = fetchLag.getAsLong();
            Long next = applied.get(LedgerConsumer.position(partition));
            try {
                long fetched = kafka.position(partition, Duration.ZERO);
                if (next != null) {
                    behind += Math.max(0, fetched - next);
                }
                else if (unloaded.contains(partition)) {
                    // not loaded: nothing of it is applied here, so everything up to the
                    // end is behind
                    behind += fetched;
                }
            }
            catch (TimeoutException positionUnknown) {
                // no fetch position yet: the fetch lag is all there is
            }
            lag.record(partition.topic(), partition.partition(), behind);
        }
    }

    void forget(TopicPartition partition) {
        lag.forget(partition.topic(), partition.partition());
    }

}
