package com.agentnexus.support;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the three topics, so KafkaAdmin creates any that are missing whichever service
 * starts first, and binds {@link TopicsProperties}. A service {@code @Import}s it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicsProperties.class)
public class KafkaTopicsConfiguration {

    @Bean
    NewTopic logsTopic(TopicsProperties topics) {
        return topic(topics.logs(), topics);
    }

    @Bean
    NewTopic statusTopic(TopicsProperties topics) {
        return topic(topics.status(), topics);
    }

    @Bean
    NewTopic resourcesTopic(TopicsProperties topics) {
        return topic(topics.resources(), topics);
    }

    private static NewTopic topic(String name, TopicsProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(1).build();
    }

}
