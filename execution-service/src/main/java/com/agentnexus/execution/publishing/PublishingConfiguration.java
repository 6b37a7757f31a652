package com.agentnexus.execution.publishing;

import com.agentnexus.events.EventCodec;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/** Declares the three topics (KafkaAdmin creates missing ones) and the Kafka-backed event sink. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    NewTopic logsTopic(TopicsProperties props) {
        return TopicBuilder.name(props.logs()).partitions(props.partitions()).replicas(1).build();
    }

    @Bean
    NewTopic statusTopic(TopicsProperties props) {
        return TopicBuilder.name(props.status()).partitions(props.partitions()).replicas(1).build();
    }

    @Bean
    NewTopic resourcesTopic(TopicsProperties props) {
        return TopicBuilder.name(props.resources()).partitions(props.partitions()).replicas(1).build();
    }

    @Bean
    EventSink kafkaEventSink(KafkaTemplate<String, String> template, TopicsProperties props) {
        return new KafkaEventSink(template, props.topics(), new EventCodec());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
