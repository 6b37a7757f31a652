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
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads every record of one execution from all three topics with a plain consumer, as a subscriber would. */
final class EventsOnKafka {

    /** A decoded event with where it sat on the broker. */
    record Received(ExecutionEvent event, String topic, int partition, long offset, long timestamp) {
    }

    private final EventCodec codec = new EventCodec();

    List<Received> untilTerminal(String executionId, Duration atMost) {
        List<Received> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(properties())) {
            List<TopicPartition> partitions = TestInfrastructure.topics().all().stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(atMost).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(executionId)) {
                        received.add(new Received(codec.decode(record.value()), record.topic(), record.partition(),
                                record.offset(), record.timestamp()));
                    }
                }
                return received.stream().anyMatch(r -> r.event() instanceof ExecutionStatusChanged status
                        && status.isTerminal());
            });
        }
        received.sort(Comparator.comparingLong(r -> r.event().seq()));
        return received;
    }

    private static Properties properties() {
        var props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        return props;
    }
}
