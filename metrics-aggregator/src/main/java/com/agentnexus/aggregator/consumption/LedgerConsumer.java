package com.agentnexus.aggregator.consumption;

import com.agentnexus.aggregator.AggregatorProperties;
import com.agentnexus.aggregator.ConsumedBatch;
import com.agentnexus.aggregator.ConsumerLag;
import com.agentnexus.aggregator.EventLedger;
import com.agentnexus.aggregator.LedgerUnavailableException;
import com.agentnexus.aggregator.Position;
import com.agentnexus.support.TopicsProperties;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The consumer thread polls and decodes; a writer thread applies each batch to the
 * ledger, so decoding the next batch overlaps with writing the last one (one batch in
 * flight at most). Positions come from the ledger (stored with the totals), never from
 * Kafka's committed offsets.
 *
 * <p>
 * When a batch is not written, this instance no longer trusts what it holds in memory —
 * the commit may have happened with only its acknowledgement lost — and loads every owned
 * partition again from PostgreSQL before it reads on from the stored positions, retrying
 * with a backoff while PostgreSQL is away. Nothing is skipped and nothing is applied
 * twice. Partitions change hands only once the batch in flight is settled.
 */
@Component
class LedgerConsumer implements SmartLifecycle, ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(LedgerConsumer.class);

    private static final Duration POLL = Duration.ofMillis(500);

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);

    private final ConsumerFactory<String, String> consumers;

    private final EventLedger ledger;

    private final LagRecorder lag;

    private final List<String> topics;

    private final Duration maxBackoff;

    private final BatchDecoder decoder = new BatchDecoder();

    private final Set<TopicPartition> unloaded = new HashSet<>();

    private final CountDownLatch stopped = new CountDownLatch(1);

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-writer");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean running;

    private volatile @Nullable String failure;

    private @Nullable Consumer<String, String> consumer;

    private @Nullable Future<Set<Integer>> inFlight;

    private int inFlightRecords;

    private Duration backoff = FIRST_RETRY;

    LedgerConsumer(ConsumerFactory<String, String> consumers, EventLedger ledger, ConsumerLag lag,
            TopicsProperties topics, AggregatorProperties properties) {
        this.consumers = consumers;
        this.ledger = ledger;
        this.lag = new LagRecorder(lag);
        this.topics = List.of(topics.status(), topics.resources());
        this.maxBackoff = properties.retryBackoff();
    }

    @Override
    public synchronized void start() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the same partition index of both topics lands on the same instance: one
        // execution's status and resource events are applied by one ledger
        overrides.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        overrides.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = consumers.createConsumer(null, null, null, overrides);
        running = true;
        new Thread(this::run, "ledger-consumer").start();
    }

    private void run() {
        Consumer<String, String> kafka = consumer;
        try {
            kafka.subscribe(topics, this);
            while (running) {
                retryUnloaded(kafka);
                ConsumerRecords<String, String> records = kafka.poll(POLL);
                lag.record(kafka, ledger.appliedPositions(), unloaded);
                ConsumedBatch batch = records.isEmpty() ? null : decoder.decode(records);
                if (!settle(kafka)) {
                    // the last batch was not written and this one follows it: both are
                    // read again after a reload
                    reloadAll(kafka);
                }
                else if (batch != null) {
                    inFlightRecords = records.count();
                    inFlight = writer.submit(() -> ledger.apply(batch));
                }
            }
            settle(kafka);
        }
        catch (WakeupException | InterruptException stopping) {
            // stop() woke the poll
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException e) {
            // readiness reports it (LedgerConsumerHealthIndicator): counting has stopped,
            // an operator must know
            failure = e.toString();
            log.error("The ledger consumer stopped; nothing is counted until the service restarts", e);
        }
        finally {
            running = false;
            finishWriter();
            kafka.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    /**
     * Waits for the batch in flight and pauses partitions another instance has taken.
     * Returns false when the batch was not written.
     */
    private boolean settle(Consumer<String, String> kafka) {
        Future<Set<Integer>> pending = inFlight;
        if (pending == null) {
            return true;
        }
        inFlight = null;
        try {
            Set<Integer> fenced = pending.get();
            if (!fenced.isEmpty()) {
                kafka.pause(kafka.assignment().stream().filter(tp -> fenced.contains(tp.partition())).toList());
            }
            backoff = FIRST_RETRY;
            return true;
        }
        catch (ExecutionException e) {
            if (!(e.getCause() instanceof LedgerUnavailableException unavailable)) {
                throw new IllegalStateException("applying a batch failed", e.getCause());
            }
            log.warn("Ledger not written ({}); reloading it and re-reading {} records", rootMessage(unavailable),
                    inFlightRecords);
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /**
     * Forgets what memory holds of every owned partition; {@link #retryUnloaded} loads
     * them again.
     */
    private void reloadAll(Consumer<String, String> kafka) throws InterruptedException {
        Set<TopicPartition> owned = kafka.assignment();
        unloaded.addAll(owned);
        kafka.pause(owned);
        backOff();
    }

    private void retryUnloaded(Consumer<String, String> kafka) throws InterruptedException {
        if (unloaded.isEmpty()) {
            return;
        }
        List<TopicPartition> pending = List.copyOf(unloaded);
        if (load(kafka, pending)) {
            kafka.resume(pending);
        }
        else {
            backOff();
        }
    }

    private boolean load(Consumer<String, String> kafka, Collection<TopicPartition> partitions) {
        try {
            Map<Position, Long> stored = ledger.assigned(partitions.stream().map(LedgerConsumer::position).toList());
            for (TopicPartition partition : partitions) {
                Long next = stored.get(position(partition));
                if (next == null) {
                    kafka.seekToBeginning(List.of(partition));
                }
                else {
                    kafka.seek(partition, next);
                }
            }
            unloaded.removeAll(partitions);
            backoff = FIRST_RETRY;
            return true;
        }
        catch (LedgerUnavailableException e) {
            log.warn("Cannot load the ledger of {} ({}); retrying", partitions, rootMessage(e));
            unloaded.addAll(partitions);
            return false;
        }
    }

    /**
     * A backoff that stop() can cut short, without interrupting Kafka's or JDBC's own
     * waits.
     */
    private void backOff() throws InterruptedException {
        if (stopRequested.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    /**
     * Lets a batch being written commit (or roll back) before the connection pool closes.
     */
    private void finishWriter() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        settle(consumer);
        if (partitions.isEmpty()) {
            return;
        }
        log.info("Assigned {}", partitions);
        if (!load(consumer, partitions)) {
            consumer.pause(partitions);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // the batch in flight may hold records of these partitions: settle it while they
        // are still ours (if it failed, the partitions kept are reloaded before they are
        // read again)
        if (!settle(consumer)) {
            unloaded.addAll(consumer.assignment());
            consumer.pause(consumer.assignment());
        }
        if (partitions.isEmpty()) {
            return;
        }
        log.info("Revoked {}", partitions);
        ledger.revoked(partitions.stream().map(LedgerConsumer::position).toList());
        unloaded.removeAll(partitions);
        partitions.forEach(lag::forget);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        onPartitionsRevoked(partitions);
    }

    static Position position(TopicPartition partition) {
        return new Position(partition.topic(), partition.partition(), 0);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Why the consumer thread stopped on its own, or null while it runs (or was stopped
     * by the service).
     */
    @Nullable String failure() {
        return failure;
    }

    @Override
    public void stop() {
        running = false;
        stopRequested.countDown();
        Consumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        try {
            stopped.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
