package com.agentnexus.aggregator;

import java.util.Objects;

/**
 * Where a record sits on Kafka, in Kafka-free terms: the ledger stores these next to the
 * totals they produced.
 *
 * @param offset the record's offset, or for a read position the next offset to read
 */
public record Position(String topic, int partition, long offset) {

    public Position {
        Objects.requireNonNull(topic, "topic");
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset must be >= 0");
        }
    }

    /** The read position just after this record. */
    public Position next() {
        return new Position(topic, partition, offset + 1);
    }
}
