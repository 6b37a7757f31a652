package com.agentnexus.execution.publishing;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.Topics;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Hands an event to the Kafka producer: to its topic, keyed by execution id (so all of an
 * execution's events share one partition index) and timestamped with the event's own time
 * (so a consumer can seek near an execution's start). Ordering and buffering are the
 * {@link EventOutbox}'s.
 */
final class KafkaEventSink implements EventOutbox.Producer {

    private final KafkaTemplate<String, String> template;

    private final Topics topics;

    private final EventCodec codec;

    KafkaEventSink(KafkaTemplate<String, String> template, Topics topics, EventCodec codec) {
        this.template = template;
        this.topics = topics;
        this.codec = codec;
    }

    @Override
    public CompletableFuture<Void> send(ExecutionEvent event) {
        var record = new ProducerRecord<>(topics.topicFor(event.type()), null, event.timestamp(),
                event.executionId().toString(), codec.encode(event));
        return template.send(record).thenApply(result -> null);
    }

}
