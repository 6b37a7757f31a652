package com.agentnexus.aggregator.acceptance;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * A record as the execution-service publishes it: keyed by executionId, the JSON of the
 * event as value.
 */
record OutgoingRecord(String topic, String key, String value) {

    private static final EventCodec CODEC = new EventCodec();

    static OutgoingRecord of(ExecutionEvent event) {
        return new OutgoingRecord(Topics.DEFAULTS.topicFor(event.type()), event.executionId().toString(),
                CODEC.encode(event));
    }

    /**
     * The partition Kafka's default partitioner picks for this key (murmur2, as the
     * producer does).
     */
    int partition(int partitions) {
        return partitionOf(key, partitions);
    }

    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
