package com.agentnexus.launcher.faults;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one execution's events straight from Kafka with a plain consumer, as
 * docs/events.md promises they can be read: the execution's partition of all three
 * topics, from the creation time its UUIDv7 carries, until the ordering barrier is met
 * (the terminal status and every seq up to its {@code eventCount}), then on to the end
 * offsets of that moment. The deadline bounds only the wait for the terminal status;
 * after it, the reader stops only when no further event of the execution arrives for a
 * minute, so a slow reader on a busy machine cannot look like a loss. What it could not
 * get is then the {@link CrossCheck}'s to explain.
 */
final class KafkaEvents {

    static final List<String> TOPICS = List.of("agentnexus.execution.logs", "agentnexus.execution.status",
            "agentnexus.execution.resources");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration STALLED_AFTER = Duration.ofSeconds(60);

    private final String bootstrap;

    KafkaEvents(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Every event of the execution up to its terminal status (waited for up to
     * {@code timeout}), then the rest.
     */
    ExecutionTally untilTerminal(String executionId, Duration timeout) {
        return read(new ExecutionTally(executionId), timeout);
    }

    /**
     * Waits until at least {@code lines} log lines of the running execution are on Kafka
     * (read as {@link #untilTerminal} reads them): the fact a scenario needs before it
     * strikes "mid-run".
     */
    void awaitLogLines(String executionId, long lines, Duration timeout) {
        try (var consumer = new KafkaConsumer<String, String>(config("fault-suite-progress"))) {
            List<TopicPartition> assigned = partitionsOf(consumer, executionId);
            consumer.assign(assigned);
            seekToCreation(consumer, assigned, executionId);
            var tally = new ExecutionTally(executionId);
            await("%d log lines of %s on Kafka".formatted(lines, executionId)).atMost(timeout)
                .pollInterval(Duration.ZERO)
                .until(() -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        if (executionId.equals(record.key())) {
                            tally.add(ObservedEvent.fromKafka(JSON.readTree(record.value())));
                        }
                    }
                    return tally.logLines() >= lines;
                });
        }
    }

    ExecutionTally read(ExecutionTally tally, Duration terminalWithin) {
        String executionId = tally.executionId();
        try (var consumer = new KafkaConsumer<String, String>(config("fault-suite-reader"))) {
            List<TopicPartition> assigned = partitionsOf(consumer, executionId);
            consumer.assign(assigned);
            Map<TopicPartition, Long> start = seekToCreation(consumer, assigned, executionId);
            long deadline = System.nanoTime() + terminalWithin.toNanos();
            Map<TopicPartition, Long> ends = null;
            long lastProgress = System.nanoTime();
            long received = 0;
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (executionId.equals(record.key())) {
                        tally.add(ObservedEvent.fromKafka(JSON.readTree(record.value())));
                    }
                }
                // The barrier is seq, not offsets: the terminal status can be on its
                // partition before the last log batches are on theirs (the producer sends
                // one batch per partition per request). So the end offsets are taken once
                // seq 1..eventCount are all here; reading on to them counts late
                // duplicates.
                if (ends == null && tally.hasTerminal() && tally.lost() == 0) {
                    ends = consumer.endOffsets(assigned);
                }
                if (ends != null && reached(consumer, ends)) {
                    tally.readFrom(describe(start, positions(consumer, assigned)), true);
                    return tally;
                }
                long now = System.nanoTime();
                if (tally.received() != received) {
                    received = tally.received();
                    lastProgress = now;
                }
                boolean stalled = now - lastProgress > STALLED_AFTER.toNanos();
                if ((!tally.hasTerminal() && now > deadline) || (tally.hasTerminal() && stalled)) {
                    String why = !tally.hasTerminal() ? "no terminal status within " + terminalWithin.toSeconds() + " s"
                            : "no further event of the execution for " + STALLED_AFTER.toSeconds() + " s";
                    // at the end of every partition, a gap is not the reader's: the
                    // cross-check confirms it
                    boolean atEnd = reached(consumer, consumer.endOffsets(assigned));
                    tally.readFrom(describe(start, positions(consumer, assigned)) + "; stopped: " + why
                            + (atEnd ? " (at the end of every partition)" : ""), atEnd);
                    return tally;
                }
            }
        }
    }

    /**
     * The cross-check of a stream that has gaps: a fresh consumer reads the execution's
     * partition of all three topics from the first offset to the end offsets of now (no
     * time-based seek, no early stop) and reports, through {@code where}, the
     * topic-partition@offset of every event of the execution whose seq it is asked about.
     */
    ExecutionTally readWhole(String executionId, java.util.function.LongPredicate tracked,
            BiConsumer<Long, String> where) {
        var tally = new ExecutionTally(executionId);
        try (var consumer = new KafkaConsumer<String, String>(config("fault-suite-cross-check"))) {
            List<TopicPartition> assigned = partitionsOf(consumer, executionId);
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> first = new HashMap<>(consumer.beginningOffsets(assigned));
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            long lastProgress = System.nanoTime();
            long positions = -1;
            while (!reached(consumer, ends)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (executionId.equals(record.key())) {
                        ObservedEvent event = ObservedEvent.fromKafka(JSON.readTree(record.value()));
                        tally.add(event);
                        if (tracked.test(event.seq())) {
                            where.accept(event.seq(),
                                    record.topic() + "-" + record.partition() + "@" + record.offset());
                        }
                    }
                }
                long sum = positions(consumer, assigned).values().stream().mapToLong(Long::longValue).sum();
                if (sum != positions) {
                    positions = sum;
                    lastProgress = System.nanoTime();
                }
                else if (System.nanoTime() - lastProgress > STALLED_AFTER.toNanos()) {
                    tally.readFrom(describe(first, positions(consumer, assigned)) + "; stalled short of " + ends,
                            false);
                    return tally;
                }
            }
            tally.readFrom(describe(first, positions(consumer, assigned)), true);
        }
        return tally;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, String> consumer, String executionId) {
        int partitions = consumer.partitionsFor(TOPICS.get(0)).size();
        int partition = Utils.toPositive(Utils.murmur2(executionId.getBytes(StandardCharsets.UTF_8))) % partitions;
        return TOPICS.stream().map(t -> new TopicPartition(t, partition)).toList();
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Map<TopicPartition, Long> positions(KafkaConsumer<String, String> consumer,
            List<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(p -> positions.put(p, consumer.position(p)));
        return positions;
    }

    private static String describe(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        var text = new StringBuilder();
        for (TopicPartition p : from.keySet().stream().sorted((a, b) -> a.topic().compareTo(b.topic())).toList()) {
            text.append(text.length() == 0 ? "" : ", ")
                .append(p)
                .append(' ')
                .append(from.get(p))
                .append("..")
                .append(to.get(p));
        }
        return "read offsets " + text;
    }

    /**
     * From 30 s before the UUIDv7's creation time, as the gateway's replay does; returns
     * the offsets it seeks. A partition with no record stamped that late is read from the
     * end offset it had <em>before</em> that query: asked after it, the end may already
     * be past the execution's first records there (the race that made whole blocks of an
     * execution's first events look lost).
     */
    private static Map<TopicPartition, Long> seekToCreation(KafkaConsumer<String, String> consumer,
            List<TopicPartition> partitions, String executionId) {
        long createdMs = UUID.fromString(executionId).getMostSignificantBits() >>> 16;
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, createdMs - 30_000));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> start = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = offsets.get(p);
            start.put(p, at != null ? at.offset() : ends.get(p));
            consumer.seek(p, start.get(p));
        }
        return start;
    }

    private Map<String, Object> config(String clientId) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                // the producer is not transactional; read_committed would only hide
                // nothing, stated for clarity
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024, ConsumerConfig.CLIENT_ID_CONFIG,
                clientId);
    }

}
