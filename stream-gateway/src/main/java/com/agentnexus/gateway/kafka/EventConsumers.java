package com.agentnexus.gateway.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates plain consumers from Boot's auto-configured factory, so connection and security
 * settings come from {@code spring.kafka.*}. The gateway assigns partitions itself: no
 * group, no committed offsets. Every consumer created is counted
 * ({@code agentnexus_gateway_kafka_consumers_created_total}): the live one, and the
 * replay pool's, none per subscribe.
 */
@Component
public class EventConsumers {

    private final ConsumerFactory<?, ?> factory;

    private final Counter created;

    EventConsumers(ConsumerFactory<?, ?> factory, MeterRegistry registry) {
        this.factory = factory;
        this.created = Counter.builder("agentnexus.gateway.kafka.consumers.created")
            .description("Kafka consumers this gateway created: the live consumer and the replay pool's")
            .register(registry);
    }

    @SuppressWarnings("unchecked")
    public Consumer<String, String> create(String clientIdPrefix, String clientIdSuffix) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        Consumer<String, String> consumer = (Consumer<String, String>) factory.createConsumer(null, clientIdPrefix,
                clientIdSuffix, overrides);
        created.increment();
        return consumer;
    }

    /** How many consumers this gateway has created so far. */
    public long createdCount() {
        return (long) created.count();
    }

}
