package com.agentnexus.aggregator;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.Topics;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to the default topics as the execution service does: keyed by
 * execution, acks=all.
 */
final class EventTopics implements AutoCloseable {

    private final EventCodec codec = new EventCodec();

    private final KafkaProducer<String, String> producer;

    private EventTopics(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static EventTopics on(String bootstrap) {
        return new EventTopics(bootstrap);
    }

    /** Publishes the events in order and waits until the broker has them all. */
    static void publish(String bootstrap, List<? extends ExecutionEvent> events) {
        try (var topics = on(bootstrap)) {
            topics.send(events);
        }
    }

    EventTopics send(List<? extends ExecutionEvent> events) {
        for (ExecutionEvent event : events) {
            producer.send(new ProducerRecord<>(Topics.DEFAULTS.topicFor(event.type()), event.executionId().toString(),
                    codec.encode(event)));
        }
        producer.flush();
        return this;
    }

    /** A record that is not an event, as a broken producer would write it. */
    EventTopics sendRaw(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value));
        producer.flush();
        return this;
    }

    @Override
    public void close() {
        producer.close();
    }

}
