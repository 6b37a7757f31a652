package com.agentnexus.execution;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatusChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads every record of one execution from all three topics with a plain consumer, as a
 * subscriber would.
 */
final class EventsOnKafka {

    /** A decoded event with where it sat on the broker. */
    record Received(ExecutionEvent event, String topic, int partition, long offset, long timestamp) {
    }

    private final EventCodec codec = new EventCodec();

    private final Supplier<String> bootstrapServers;

    private final Map<String, String> consumerProperties;

    /** Reads the shared broker of {@link TestInfrastructure}. */
    EventsOnKafka() {
        this(TestInfrastructure::kafkaBootstrap, Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    }

    private EventsOnKafka(Supplier<String> bootstrapServers, Map<String, String> consumerProperties) {
        this.bootstrapServers = bootstrapServers;
        this.consumerProperties = consumerProperties;
    }

    /**
     * Reads a broker the test stops and restarts; its address is looked up on every read.
     */
    static EventsOnKafka on(RestartableKafka kafka) {
        return new EventsOnKafka(kafka::bootstrap, Map.of());
    }

    /**
     * The execution's records up to and including its terminal status, by seq. Reads on
     * until every seq up to the terminal's {@code eventCount} arrived: the three topics
     * are separate partitions, so the terminal status can be fetched before the last log
     * lines — seq, not arrival, is the ordering barrier.
     */
    List<Received> untilTerminal(String executionId, Duration atMost) {
        List<Received> received = new ArrayList<>();
        readUntil(executionId, EventsOnKafka::complete, atMost, received);
        received.sort(Comparator.comparingLong(r -> r.event().seq()));
        return received;
    }

    /**
     * Adds the execution's records, from the start of every partition, to
     * {@code received} until {@code done} holds for them; what was read stays in
     * {@code received} even when {@code atMost} passes first.
     */
    void readUntil(String executionId, Predicate<List<Received>> done, Duration atMost, List<Received> received) {
        try (var consumer = fromTheBeginning(bootstrapServers.get(), consumerProperties)) {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(executionId)) {
                        received.add(new Received(codec.decode(record.value()), record.topic(), record.partition(),
                                record.offset(), record.timestamp()));
                    }
                }
                return done.test(received);
            });
        }
    }

    private static boolean complete(List<Received> sofar) {
        return sofar.stream()
            .filter(EventsOnKafka::isTerminal)
            .findFirst()
            .map(terminal -> sofar.stream()
                .map(r -> r.event().seq())
                .distinct()
                .filter(seq -> seq <= terminal.event().seq())
                .count() >= terminal.event().seq())
            .orElse(false);
    }

    private static boolean isTerminal(Received received) {
        return received.event() instanceof ExecutionStatusChanged status && status.isTerminal();
    }

    /**
     * A plain consumer assigned every partition of the three topics, positioned at their
     * beginning.
     */
    static KafkaConsumer<String, String> fromTheBeginning(String bootstrapServers, Map<String, String> overrides) {
        var props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        props.putAll(overrides);
        var consumer = new KafkaConsumer<String, String>(props);
        List<TopicPartition> partitions = TestInfrastructure.topics()
            .all()
            .stream()
            .flatMap(topic -> consumer.partitionsFor(topic)
                .stream()
                .map(info -> new TopicPartition(topic, info.partition())))
            .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

}
