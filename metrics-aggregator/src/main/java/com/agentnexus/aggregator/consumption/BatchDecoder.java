package com.agentnexus.aggregator.consumption;

import com.agentnexus.aggregator.ConsumedBatch;
import com.agentnexus.aggregator.Position;
import com.agentnexus.events.EventCodec;
import com.agentnexus.events.EventDecodingException;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatusChanged;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one poll into a Kafka-free batch. A record that is not a valid event becomes a
 * rejection (counted by the ledger, never retried): one bad producer must not stop the
 * partition behind it.
 */
final class BatchDecoder {

    private static final Logger log = LoggerFactory.getLogger(BatchDecoder.class);

    static final int MAX_LABEL_LENGTH = 200;

    private final EventCodec codec = new EventCodec();

    ConsumedBatch decode(ConsumerRecords<String, @Nullable String> records) {
        List<ConsumedBatch.Consumed> events = new ArrayList<>(records.count());
        List<ConsumedBatch.Rejected> rejected = new ArrayList<>();
        List<Position> next = new ArrayList<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, @Nullable String>> ofPartition = records.records(partition);
            for (ConsumerRecord<String, @Nullable String> record : ofPartition) {
                var position = new Position(record.topic(), record.partition(), record.offset());
                try {
                    events.add(new ConsumedBatch.Consumed(position, storable(decode(record.value()))));
                }
                catch (EventDecodingException e) {
                    // position and reason only: the payload may be large or carry user
                    // data
                    log.warn("Skipped undecodable record {}-{}@{}: field '{}': {}", record.topic(), record.partition(),
                            record.offset(), e.field(), abbreviate(e.getMessage()));
                    rejected.add(new ConsumedBatch.Rejected(position));
                }
            }
            ConsumerRecord<String, @Nullable String> last = ofPartition.get(ofPartition.size() - 1);
            next.add(new Position(last.topic(), last.partition(), last.offset() + 1));
        }
        return new ConsumedBatch(events, rejected, next);
    }

    /**
     * The ledger keeps agent ids and names as labels and PostgreSQL text: a NUL cannot be
     * stored and an unbounded label cannot be a key, so such an event is rejected here
     * rather than stop the partition behind it.
     */
    private static ExecutionEvent storable(ExecutionEvent event) {
        requireLabel("agentId", event.agentId().value());
        if (event instanceof ExecutionStatusChanged status) {
            requireLabel("agentName", status.agentName());
        }
        return event;
    }

    private static void requireLabel(String field, String value) {
        if (value.length() > MAX_LABEL_LENGTH || value.indexOf('\u0000') >= 0) {
            throw new EventDecodingException(field,
                    field + " must be at most " + MAX_LABEL_LENGTH + " characters without NUL to be counted");
        }
    }

    private ExecutionEvent decode(@Nullable String value) {
        if (value == null) {
            throw new EventDecodingException("$", "record has no value");
        }
        return codec.decode(value);
    }

    private static String abbreviate(@Nullable String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }

}
