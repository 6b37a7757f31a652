package com.agentnexus.gateway.kafka;

import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates plain consumers from Boot's auto-configured factory, so connection and security
 * settings come from {@code spring.kafka.*}. The gateway assigns partitions itself: no
 * group, no committed offsets.
 */
@Component
public class EventConsumers {

    private final ConsumerFactory<?, ?> factory;

    EventConsumers(ConsumerFactory<?, ?> factory) {
        this.factory = factory;
    }

    @SuppressWarnings("unchecked")
    public Consumer<String, String> create(String clientIdPrefix, String clientIdSuffix) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return (Consumer<String, String>) factory.createConsumer(null, clientIdPrefix, clientIdSuffix, overrides);
    }

}
