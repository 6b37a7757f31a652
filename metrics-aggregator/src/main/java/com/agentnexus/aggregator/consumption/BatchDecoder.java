package com.agentnexus.aggregator.consumption;

import com.agentnexus.aggregator.ConsumedBatch;
import com.agentnexus.aggregator.Position;
import com.agentnexus.events.EventCodec;
import com.agentnexus.events.EventDecodingException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one poll into a Kafka-free batch. A record that is not a valid event becomes a rejection (counted by the
 * ledger, never retried): one bad producer must not stop the partition behind it.
 */
final class BatchDecoder {

    private static final Logger log = LoggerFactory.getLogger(BatchDecoder.class);

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
                    events.add(new ConsumedBatch.Consumed(position, decode(record.value())));
                } catch (EventDecodingException e) {
                    // position and reason only: the payload may be large or carry user data
                    log.warn("Skipped undecodable record {}-{}@{}: field '{}': {}", record.topic(),
                            record.partition(), record.offset(), e.field(), abbreviate(e.getMessage()));
                    rejected.add(new ConsumedBatch.Rejected(position));
                }
            }
            ConsumerRecord<String, @Nullable String> last = ofPartition.get(ofPartition.size() - 1);
            next.add(new Position(last.topic(), last.partition(), last.offset() + 1));
        }
        return new ConsumedBatch(events, rejected, next);
    }

    private com.agentnexus.events.ExecutionEvent decode(@Nullable String value) {
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
