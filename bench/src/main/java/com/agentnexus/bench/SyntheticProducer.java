package com.agentnexus.bench;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogChecksum;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.LogStream;
import com.agentnexus.events.Topics;
import com.agentnexus.events.UserId;
import java.math.BigInteger;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes valid execution events straight to the three topics, as the execution service
 * would: PENDING, RUNNING, log lines, then a terminal COMPLETED with the right
 * {@code eventCount} and {@code logChecksum}; key = executionId, {@code timestamp} = the
 * time of sending (so a subscriber's receive time minus it is the end-to-end latency).
 */
public final class SyntheticProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    private final EventCodec codec = new EventCodec();

    private final Topics topics = Topics.DEFAULTS;

    public SyntheticProducer(String bootstrap) {
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "1",
                        ProducerConfig.LINGER_MS_CONFIG, 2, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
                new StringSerializer(), new StringSerializer());
    }

    /** A fresh UUIDv7 of now. */
    public static ExecutionId newExecutionId() {
        return idCreatedAt(System.currentTimeMillis());
    }

    /**
     * A UUIDv7 whose time field says {@code epochMillis} (1970 for the crafted-id
     * attack).
     */
    public static ExecutionId idCreatedAt(long epochMillis) {
        UUID random = UUID.randomUUID();
        long msb = (epochMillis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        long lsb = (random.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new ExecutionId(new UUID(msb, lsb));
    }

    /** An execution of one user, written event by event. Not thread-safe. */
    public final class Execution {

        private final ExecutionId id;

        private final UserId user;

        private final AgentId agent = new AgentId("bench-agent");

        private final LogChecksum checksum = new LogChecksum();

        private final long startedAt = System.currentTimeMillis();

        private long seq;

        private final String line;

        Execution(ExecutionId id, String user, int lineLength) {
            this.id = id;
            this.user = new UserId(user);
            this.line = "x".repeat(Math.max(1, lineLength));
        }

        public ExecutionId id() {
            return id;
        }

        public long seq() {
            return seq;
        }

        public void pending() {
            send(ExecutionStatusChanged.transition(id, agent, user, ++seq, System.currentTimeMillis(),
                    ExecutionStatus.PENDING, "Bench agent", BigInteger.ONE));
        }

        public void running() {
            send(ExecutionStatusChanged.transition(id, agent, user, ++seq, System.currentTimeMillis(),
                    ExecutionStatus.RUNNING, "Bench agent", BigInteger.ONE));
        }

        public void log() {
            long next = ++seq;
            String text = line + " " + next;
            checksum.update(text);
            send(new LogLineEmitted(id, agent, user, next, System.currentTimeMillis(), LogStream.STDOUT, text));
        }

        /** The terminal status: its seq is the event count. */
        public void completed() {
            long next = ++seq;
            long now = System.currentTimeMillis();
            send(new ExecutionStatusChanged(id, agent, user, next, now, ExecutionStatus.COMPLETED, "Bench agent",
                    BigInteger.ONE, "{\"ok\":true}", null, 0, now - startedAt, next, checksum.value()));
        }

        private void send(ExecutionEvent event) {
            producer.send(new ProducerRecord<>(topics.topicFor(event.type()), null, event.timestamp(),
                    event.executionId().toString(), codec.encode(event)));
        }

    }

    public Execution start(String user, int lineLength) {
        Execution execution = new Execution(newExecutionId(), user, lineLength);
        execution.pending();
        execution.running();
        return execution;
    }

    /**
     * A finished execution of {@code events} events in all, written as fast as Kafka
     * takes them.
     */
    public ExecutionId finished(String user, int events, int lineLength) {
        Execution execution = start(user, lineLength);
        while (execution.seq() < events - 1) {
            execution.log();
        }
        execution.completed();
        producer.flush();
        return execution.id();
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

}
