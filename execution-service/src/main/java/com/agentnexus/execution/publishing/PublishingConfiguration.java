package com.agentnexus.execution.publishing;

import com.agentnexus.events.EventCodec;
import com.agentnexus.support.TopicsProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** The outbox in front of the Kafka producer; the topics it publishes to are declared by service-support. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean(destroyMethod = "close")
    EventOutbox eventOutbox(KafkaTemplate<String, String> template, TopicsProperties topics,
            PublishingProperties props, MeterRegistry registry) {
        var outbox = new EventOutbox(new KafkaEventSink(template, topics.toTopics(), new EventCodec()), props);
        Gauge.builder("agentnexus.publishing.buffered.events", outbox, EventOutbox::pending)
                .description("Execution events accepted but not yet acknowledged by Kafka")
                .register(registry);
        FunctionCounter.builder("agentnexus.publishing.refused.events", outbox, EventOutbox::refused)
                .description("Execution events refused because the event buffer was full (Kafka outage)")
                .register(registry);
        return outbox;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
