package com.agentnexus.execution;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Every event of one execution currently on the broker (all three topics, up to their end
 * offsets), by seq.
 */
final class EventsToEnd {

    private final EventCodec codec = new EventCodec();

    List<ExecutionEvent> of(String executionId) {
        List<ExecutionEvent> events = new ArrayList<>();
        try (var consumer = EventsOnKafka.fromTheBeginning(TestInfrastructure.kafkaBootstrap(), Map.of())) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
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

}
