package com.agentnexus.execution;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
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

/** Every event of one execution currently on the broker (all three topics, up to their end offsets), by seq. */
final class EventsToEnd {

    private final EventCodec codec = new EventCodec();

    List<ExecutionEvent> of(String executionId) {
        List<ExecutionEvent> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(properties())) {
            List<TopicPartition> partitions = TestInfrastructure.topics().all().stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(executionId)) {
                        events.add(codec.decode(record.value()));
                    }
                }
            }
        }
        events.sort(Comparator.comparingLong(ExecutionEvent::seq));
        return events;
    }

    private static Properties properties() {
        var props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        return props;
    }
}
