package com.agentnexus.gateway.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares the topics so that KafkaAdmin creates any that are missing before the live consumer assigns them. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

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
