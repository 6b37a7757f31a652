package com.agentnexus.gateway.kafka;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.EventDecodingException;
import com.agentnexus.events.ExecutionEvent;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decodes records into events. A record that does not decode is logged by position and
 * faulty field only — its payload may hold secrets of an agent's output — and skipped, so
 * one bad record cannot stall a partition.
 */
@Component
public class EventRecordDecoder {

    private static final Logger log = LoggerFactory.getLogger(EventRecordDecoder.class);

    private final EventCodec codec = new EventCodec();

    public Optional<ExecutionEvent> decode(ConsumerRecord<String, String> record) {
        String value = record.value();
        if (value == null) {
            log.warn("Skipping empty record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        try {
            ExecutionEvent event = codec.decode(value);
            if (!event.executionId().toString().equals(record.key())) {
                log.warn("Skipping record at {}-{}@{}: key does not match its executionId", record.topic(),
                        record.partition(), record.offset());
                return Optional.empty();
            }
            return Optional.of(event);
        }
        catch (EventDecodingException e) {
            log.warn("Skipping undecodable record at {}-{}@{}: field '{}' is invalid", record.topic(),
                    record.partition(), record.offset(), e.field());
            return Optional.empty();
        }
    }

}
