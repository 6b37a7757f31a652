package com.agentnexus.execution.publishing;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads one execution's events back from the three topics, as a subscriber's replay
 * would: on the partition index its key maps to, from the offset of its creation time
 * (read from the UUIDv7 id, minus a margin) to the end. Restart recovery needs this
 * because the row's last_seq is written only at status changes.
 */
final class KafkaHistoryReader implements HistoryReader {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsumerFactory<?, ?> consumers;

    private final Topics topics;

    private final EventCodec codec = new EventCodec();

    KafkaHistoryReader(ConsumerFactory<?, ?> consumers, Topics topics) {
        this.consumers = consumers;
        this.topics = topics;
    }

    @Override
    public ExecutionHistory read(ExecutionId id, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        String key = id.toString();
        long lastSeq = 0;
        Set<Long> seqs = new HashSet<>();
        SortedMap<Long, String> lines = new TreeMap<>();
        ExecutionStatusChanged terminal = null;
        try (Consumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = topics.all()
                .stream()
                .map(topic -> new TopicPartition(topic, partitionOf(key, consumer.partitionsFor(topic).size())))
                .collect(Collectors.toList());
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            seekToCreation(consumer, partitions, ends, id);
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the history of " + id + " within " + atMost);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (!key.equals(record.key())
                            || record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    ExecutionEvent event = codec.decode(record.value());
                    lastSeq = Math.max(lastSeq, event.seq());
                    seqs.add(event.seq());
                    if (event instanceof LogLineEmitted) {
                        lines.put(event.seq(), ((LogLineEmitted) event).line());
                    }
                    else if (event instanceof ExecutionStatusChanged && ((ExecutionStatusChanged) event).isTerminal()) {
                        terminal = (ExecutionStatusChanged) event;
                    }
                }
            }
        }
        return new ExecutionHistory(lastSeq, seqs, lines, terminal);
    }

    private static void seekToCreation(Consumer<String, String> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends, ExecutionId id) {
        long from = id.createdAt().minus(MARGIN).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, from));
        Map<TopicPartition, @Nullable OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            consumer.seek(partition, offset == null ? ends.get(partition) : offset.offset());
        }
    }

    private static boolean reachedEnd(Consumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /**
     * The producer's default partitioner, so the key lands on the partition the events
     * were written to.
     */
    private static int partitionOf(String key, int partitions) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions);
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, String> consumer() {
        var overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return (Consumer<String, String>) consumers.createConsumer(null, "agentnexus-recovery", null, overrides);
    }

}
