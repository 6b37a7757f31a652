package com.agentnexus.gateway.kafka;

import com.agentnexus.events.ExecutionId;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition the producer's default partitioner chose for an execution's records: they
 * are keyed by the execution id, so replay can read one partition per topic instead of
 * all of them.
 */
public final class ExecutionPartition {

    private ExecutionPartition() {
    }

    /**
     * Kafka's keyed partitioning: murmur2 of the serialised key, made positive, modulo
     * the partition count.
     */
    public static int of(ExecutionId executionId, int partitionCount) {
        if (partitionCount < 1) {
            throw new IllegalArgumentException("partitionCount must be >= 1, was " + partitionCount);
        }
        byte[] key = executionId.toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitionCount;
    }

}
