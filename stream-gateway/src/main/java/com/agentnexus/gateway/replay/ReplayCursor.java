package com.agentnexus.gateway.replay;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.kafka.EventRecordDecoder;
import com.agentnexus.gateway.kafka.ExecutionPartition;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One blocking pass over an execution's history: its partition on each topic, from the
 * first record stamped no earlier than the id's creation time minus a margin, up to the
 * end offsets read when the pass starts — which is after the subscription registered for
 * live events, so live covers everything beyond them.
 */
final class ReplayCursor {

    private static final Logger log = LoggerFactory.getLogger(ReplayCursor.class);

    private final org.apache.kafka.clients.consumer.Consumer<String, String> consumer;

    private final EventRecordDecoder decoder;

    private final ReplayProperties properties;

    ReplayCursor(org.apache.kafka.clients.consumer.Consumer<String, String> consumer, EventRecordDecoder decoder,
            ReplayProperties properties) {
        this.consumer = consumer;
        this.decoder = decoder;
        this.properties = properties;
    }

    void replay(ExecutionId executionId, List<String> topics, Consumer<ExecutionEvent> sink, BooleanSupplier wanted) {
        List<TopicPartition> partitions = topics.stream()
            .map(topic -> new TopicPartition(topic,
                    ExecutionPartition.of(executionId, consumer.partitionsFor(topic).size())))
            .collect(Collectors.toList());
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Set<TopicPartition> pending = seekToStart(executionId, partitions, ends);
        log.debug("Replaying execution {} from {} up to {}", executionId, pending, ends);
        String key = executionId.toString();
        Instant deadline = Instant.now().plus(properties.timeout());
        while (!pending.isEmpty() && wanted.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "replay made no progress towards the end offsets for " + properties.timeout());
            }
            ConsumerRecords<String, String> records = consumer.poll(properties.pollTimeout());
            if (!records.isEmpty()) {
                // the timeout is for Kafka making no progress; the time a slow client
                // takes is not counted
                deadline = Instant.now().plus(properties.timeout());
            }
            for (ConsumerRecord<String, String> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(partition) && key.equals(record.key())) {
                    decoder.decode(record).ifPresent(sink);
                }
            }
            for (TopicPartition partition : List.copyOf(pending)) {
                long position = consumer.position(partition);
                log.trace("Replay of {} at {} on {}", executionId, position, partition);
                if (position >= ends.get(partition)) {
                    pending.remove(partition);
                    consumer.pause(List.of(partition));
                }
            }
        }
    }

    /**
     * Seeks each partition near the execution's start — never offset 0 — and returns
     * those with history.
     */
    private Set<TopicPartition> seekToStart(ExecutionId executionId, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends) {
        long since = executionId.createdAt().minus(properties.startMargin()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, Math.max(0, since)));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
        Set<TopicPartition> pending = new HashSet<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            long end = ends.get(partition);
            // no record stamped after 'since': nothing of this execution can be on the
            // partition yet
            if (start != null && start.offset() < end) {
                consumer.seek(partition, start.offset());
                pending.add(partition);
            }
            else {
                consumer.pause(List.of(partition));
            }
        }
        return pending;
    }

}
