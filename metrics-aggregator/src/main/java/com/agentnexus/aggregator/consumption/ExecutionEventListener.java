package com.agentnexus.aggregator.consumption;

import com.agentnexus.aggregator.ExecutionEventHandler;
import com.agentnexus.events.EventCodec;
import com.agentnexus.events.EventDecodingException;
import com.agentnexus.events.ExecutionEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Decodes each status and resource record and hands the event to every {@link ExecutionEventHandler}. A record
 * that is not a valid event is counted and skipped: one bad producer must not stop the partition behind it.
 */
@Component
class ExecutionEventListener {

    private static final Logger log = LoggerFactory.getLogger(ExecutionEventListener.class);
    static final String REJECTED = "agentnexus.aggregator.rejected.events";

    private final EventCodec codec = new EventCodec();
    private final List<ExecutionEventHandler> handlers;
    private final MeterRegistry registry;

    ExecutionEventListener(List<ExecutionEventHandler> handlers, MeterRegistry registry) {
        this.handlers = handlers;
        this.registry = registry;
    }

    // idIsGroup=false: the group comes from spring.kafka.consumer.group-id, so deployments can change it
    @KafkaListener(id = "metrics-aggregator", idIsGroup = false,
            topics = {"${agentnexus.topics.status}", "${agentnexus.topics.resources}"})
    void onRecord(ConsumerRecord<String, @Nullable String> record) {
        ExecutionEvent event;
        try {
            event = decode(record.value());
        } catch (EventDecodingException e) {
            reject(record, e);
            return;
        }
        for (ExecutionEventHandler handler : handlers) {
            handler.handle(event);
        }
    }

    private ExecutionEvent decode(@Nullable String value) {
        if (value == null) {
            throw new EventDecodingException("$", "record has no value");
        }
        return codec.decode(value);
    }

    private void reject(ConsumerRecord<String, @Nullable String> record, EventDecodingException e) {
        Counter.builder(REJECTED)
                .description("Records on the event topics that are not valid events and were skipped")
                .tag("topic", record.topic())
                .register(registry)
                .increment();
        // position and reason only: the payload may be large or carry user data
        log.warn("Skipped undecodable record {}-{}@{}: field '{}': {}", record.topic(), record.partition(),
                record.offset(), e.field(), abbreviate(e.getMessage()));
    }

    private static String abbreviate(@Nullable String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }
}
