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
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox in front of the Kafka producer and the reader of an execution's history on
 * Kafka; the topics are declared by service-support.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean(destroyMethod = "close")
    EventOutbox eventOutbox(KafkaTemplate<String, String> template, TopicsProperties topics, PublishingProperties props,
            MeterRegistry registry) {
        var outbox = new EventOutbox(new KafkaEventSink(template, topics.toTopics(), new EventCodec()), props);
        Gauge.builder("agentnexus.publishing.buffered.events", outbox, EventOutbox::pending)
            .description("Execution events accepted but not yet acknowledged by Kafka")
            .register(registry);
        Gauge.builder("agentnexus.publishing.unacknowledged.seconds", outbox, EventOutbox::unacknowledgedSeconds)
            .description("Seconds since Kafka last acknowledged an event while events wait (0 when none wait)")
            .register(registry);
        FunctionCounter.builder("agentnexus.publishing.refused.events", outbox, EventOutbox::notPublishedEvents)
            .description("Execution events never published because a Kafka outage outlasted the event buffer")
            .register(registry);
        FunctionCounter.builder("agentnexus.publishing.skipped.samples", outbox, EventOutbox::skippedSamples)
            .description("Resource samples not taken while publishing to Kafka was stalled")
            .register(registry);
        FunctionCounter.builder("agentnexus.publishing.backpressure.waits", outbox, EventOutbox::waits)
            .description("Times an agent's output was not read because the event buffer was full")
            .register(registry);
        return outbox;
    }

    /**
     * Restart recovery reads an execution's past events back from the topics they were
     * published to.
     */
    @Bean
    HistoryReader historyReader(ConsumerFactory<?, ?> consumers, TopicsProperties topics) {
        return new KafkaHistoryReader(consumers, topics.toTopics());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

}
