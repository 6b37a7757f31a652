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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One blocking pass over part of an execution's history with a borrowed consumer: its
 * partition on each topic, between start offsets and end offsets that never lie before
 * the execution's start nor, for an execution the index does not know, after the
 * execution could have ended. The end offsets are read after the subscription registered
 * for live events, so live covers everything beyond them. Counts the records it reads, of
 * any execution, and fails beyond {@code max-scanned-records}.
 */
final class ReplayCursor {

    private static final Logger log = LoggerFactory.getLogger(ReplayCursor.class);

    private final org.apache.kafka.clients.consumer.Consumer<String, String> consumer;

    private final EventRecordDecoder decoder;

    private final ReplayProperties properties;

    private long scanned;

    ReplayCursor(org.apache.kafka.clients.consumer.Consumer<String, String> consumer, EventRecordDecoder decoder,
            ReplayProperties properties) {
        this.consumer = consumer;
        this.decoder = decoder;
        this.properties = properties;
    }

    /** Records read so far, of any execution. */
    long scanned() {
        return scanned;
    }

    /** The execution's partition of each topic. */
    Map<String, TopicPartition> partitionsOf(ExecutionId executionId, List<String> topics) {
        Map<String, TopicPartition> partitions = new HashMap<>();
        for (String topic : topics) {
            partitions.put(topic, new TopicPartition(topic,
                    ExecutionPartition.of(executionId, consumer.partitionsFor(topic).size())));
        }
        return partitions;
    }

    /** Current end offsets of the execution's partitions; reads no record. */
    Map<TopicPartition, Long> endOffsets(ExecutionId executionId, List<String> topics) {
        return endOffsets(List.copyOf(partitionsOf(executionId, topics).values()));
    }

    /**
     * Assigned first: the client warns about every end offset it learns for a partition
     * it does not hold.
     */
    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        consumer.assign(partitions);
        consumer.pause(partitions);
        return consumer.endOffsets(partitions);
    }

    /**
     * Replays an indexed execution from its first offset on each topic that has one, up
     * to the end offsets.
     */
    void replayFrom(ExecutionId executionId, Map<String, Long> firstOffsets, Consumer<ExecutionEvent> sink,
            BooleanSupplier wanted) {
        Map<String, TopicPartition> partitions = partitionsOf(executionId, List.copyOf(firstOffsets.keySet()));
        Map<TopicPartition, Long> starts = new HashMap<>();
        firstOffsets.forEach((topic, offset) -> starts.put(partitions.get(topic), offset));
        Map<TopicPartition, Long> ends = endOffsets(List.copyOf(starts.keySet()));
        scan(executionId, starts, ends, sink, wanted);
    }

    /**
     * Replays an execution older than the index by time: from the first record stamped no
     * earlier than its creation time minus the start margin, to the first stamped later
     * than its creation time plus the longest an execution may last, and not beyond
     * {@code bounds} where given.
     */
    void replayByTime(ExecutionId executionId, List<String> topics, Map<TopicPartition, Long> bounds,
            Consumer<ExecutionEvent> sink, BooleanSupplier wanted) {
        List<TopicPartition> partitions = List.copyOf(partitionsOf(executionId, topics).values());
        Map<TopicPartition, Long> ends = endOffsets(partitions);
        Instant created = executionId.createdAt();
        Map<TopicPartition, OffsetAndTimestamp> firsts = consumer
            .offsetsForTimes(times(partitions, created.minus(properties.startMargin())));
        Map<TopicPartition, OffsetAndTimestamp> lasts = consumer
            .offsetsForTimes(times(partitions, created.plus(properties.maxExecutionAge())));
        Map<TopicPartition, Long> starts = new HashMap<>();
        Map<TopicPartition, Long> limits = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp first = firsts.get(partition);
            OffsetAndTimestamp last = lasts.get(partition);
            // no record stamped after the start: nothing of this execution is there
            if (first != null) {
                long end = Math.min(ends.get(partition), last != null ? last.offset() : Long.MAX_VALUE);
                end = Math.min(end, bounds.getOrDefault(partition, Long.MAX_VALUE));
                starts.put(partition, first.offset());
                limits.put(partition, end);
            }
        }
        scan(executionId, starts, limits, sink, wanted);
    }

    private static Map<TopicPartition, Long> times(List<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, Math.max(0, time.toEpochMilli())));
        return query;
    }

    private void scan(ExecutionId executionId, Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends,
            Consumer<ExecutionEvent> sink, BooleanSupplier wanted) {
        Set<TopicPartition> pending = new HashSet<>();
        starts.forEach((partition, start) -> {
            if (start < ends.get(partition)) {
                pending.add(partition);
            }
        });
        log.debug("Replaying execution {} from {} up to {}", executionId, starts, ends);
        if (pending.isEmpty()) {
            return;
        }
        consumer.assign(pending);
        consumer.resume(pending);
        pending.forEach(partition -> consumer.seek(partition, starts.get(partition)));
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
                Long end = ends.get(partition);
                if (end == null || record.offset() >= end) {
                    continue;
                }
                if (++scanned > properties.maxScannedRecords()) {
                    throw new IllegalStateException("replay read more than " + properties.maxScannedRecords()
                            + " records (agentnexus.gateway.replay.max-scanned-records)");
                }
                if (key.equals(record.key())) {
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

}
