package com.agentnexus.aggregator.acceptance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records the way the execution-service does (acks=all, idempotent), checking
 * that every one is acknowledged on the partition the truth assigned it to.
 */
final class EventPublisher implements AutoCloseable {

    private static final long TICK_MILLIS = 20;

    private final KafkaProducer<String, String> producer;

    private final int partitions;

    private final AtomicLong sent = new AtomicLong();

    private final List<String> failures = new ArrayList<>();

    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-publisher");
        thread.setDaemon(true);
        return thread;
    });

    EventPublisher(AggregatorInfrastructure infrastructure) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        this.partitions = infrastructure.partitions();
    }

    /** Sends one record; failures are collected, see {@link #failures()}. */
    void send(OutgoingRecord record) {
        int expected = record.partition(partitions);
        producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()), (metadata, error) -> {
            if (error != null) {
                fail(record.topic() + "/" + record.key() + ": " + error);
            }
            else if (metadata.partition() != expected) {
                fail("%s/%s went to partition %d, not %d".formatted(record.topic(), record.key(), metadata.partition(),
                        expected));
            }
            else {
                sent.incrementAndGet();
            }
        });
    }

    /** Sends everything and waits until the broker has acknowledged it. */
    void sendAll(Iterator<OutgoingRecord> records) {
        records.forEachRemaining(this::send);
        producer.flush();
    }

    /**
     * Sends the records at about {@code perSecond} on a thread of its own, so that the
     * aggregator works on a live stream; completes once the last one is acknowledged.
     */
    CompletableFuture<Void> publishPaced(Iterator<OutgoingRecord> records, int perSecond) {
        var done = new CompletableFuture<Void>();
        int perTick = Math.max(1, (int) (perSecond * TICK_MILLIS / 1000));
        pacer.scheduleAtFixedRate(() -> {
            if (done.isDone()) {
                return;
            }
            try {
                for (int i = 0; i < perTick && records.hasNext(); i++) {
                    send(records.next());
                }
                if (!records.hasNext()) {
                    producer.flush();
                    done.complete(null);
                }
            }
            catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return done;
    }

    /** Records acknowledged so far. */
    long sent() {
        return sent.get();
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private synchronized void fail(String failure) {
        failures.add(failure);
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        producer.close();
    }

}
