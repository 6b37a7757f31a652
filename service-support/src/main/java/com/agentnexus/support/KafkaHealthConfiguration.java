package com.agentnexus.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The {@code kafka} health check every service puts in its readiness group. A service {@code @Import}s it. */
@Configuration(proxyBeanMethods = false)
public class KafkaHealthConfiguration {

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
