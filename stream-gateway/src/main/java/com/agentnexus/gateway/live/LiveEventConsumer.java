package com.agentnexus.gateway.live;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.kafka.EventConsumers;
import com.agentnexus.gateway.kafka.EventRecordDecoder;
import com.agentnexus.gateway.replay.ExecutionIndex;
import com.agentnexus.support.TopicsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gateway's one live consumer: it assigns every partition of the three topics (no
 * consumer group — every gateway reads everything, so any gateway can serve any
 * execution) and fans events out to subscriptions. It is positioned at the end of every
 * partition before the web server starts, so no subscription can register before the live
 * stream has a fixed starting point. Every record goes to the {@link ExecutionIndex}
 * (which decodes only what it keeps) before it is dispatched live, so a subscription that
 * registered for live events and then reads the index misses nothing. Its lag (end
 * offsets minus positions, summed) is exported every few seconds.
 */
@Component
class LiveEventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEventConsumer.class);

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(1);

    private static final long LAG_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final EventConsumers consumers;

    private final EventRecordDecoder decoder;

    private final LiveFanOut fanOut;

    private final TopicsProperties topics;

    private final ExecutionIndex index;

    private final AtomicLong lag = new AtomicLong();

    private List<TopicPartition> assigned = List.of();

    private volatile boolean running;

    private volatile boolean polling;

    private @Nullable Consumer<String, String> consumer;

    private @Nullable Thread thread;

    LiveEventConsumer(EventConsumers consumers, EventRecordDecoder decoder, LiveFanOut fanOut, TopicsProperties topics,
            ExecutionIndex index, MeterRegistry registry) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.fanOut = fanOut;
        this.topics = topics;
        this.index = index;
        Gauge.builder("agentnexus.websocket.live.consumer.lag", lag, AtomicLong::get)
            .description("Records the live consumer is behind the end of its partitions, summed")
            .baseUnit("records")
            .register(registry);
    }

    @Override
    public void start() {
        Consumer<String, String> consumer = consumers.create("stream-gateway-live", "");
        this.consumer = consumer;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics.toTopics().all()) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy; position() resolves it now, before any subscription can
        // exist
        partitions.forEach(consumer::position);
        assigned = List.copyOf(partitions);
        // taken once positioned: every record produced from now on is read live
        index.start(Instant.now(), positions(consumer));
        running = true;
        polling = true;
        thread = new Thread(() -> pollLoop(consumer), "stream-gateway-live");
        thread.start();
        log.info("Live consumer positioned at the end of {} partitions", partitions.size());
    }

    private void pollLoop(Consumer<String, String> consumer) {
        long lagMeasured = System.nanoTime();
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
                        dispatch(record);
                    }
                    // positions are local; they also cover offsets without a record
                    // (transaction markers)
                    index.polled(positions(consumer));
                    if (System.nanoTime() - lagMeasured > LAG_INTERVAL_NANOS) {
                        lagMeasured = System.nanoTime();
                        lag.set(lag(consumer));
                    }
                }
                catch (WakeupException e) {
                    // stop() woke us up; the loop condition decides
                }
                catch (RuntimeException e) {
                    log.error("Live consumer poll failed; retrying", e);
                    backOff();
                }
            }
        }
        finally {
            polling = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void dispatch(ConsumerRecord<String, String> record) {
        ExecutionId executionId;
        try {
            executionId = ExecutionId.parse(record.key());
        }
        catch (RuntimeException e) {
            log.warn("Skipping record at {}-{}@{}: key is not an execution id", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        Supplier<Optional<ExecutionEvent>> event = new Supplier<>() {

            private @Nullable Optional<ExecutionEvent> decoded;

            @Override
            public Optional<ExecutionEvent> get() {
                if (decoded == null) {
                    decoded = decoder.decode(record);
                }
                return decoded;
            }

        };
        // the index first: a subscription registers for live, then reads the index, so
        // it gets this record from one or the other (or both: duplicates are dropped)
        index.offer(executionId, record.topic(), record.partition(), record.offset(), record.timestamp(),
                Math.max(0, record.serializedValueSize()), event);
        if (fanOut.isWatched(executionId)) {
            event.get().ifPresent(fanOut::dispatch);
        }
    }

    private Map<TopicPartition, Long> positions(Consumer<String, String> consumer) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : assigned) {
            positions.put(partition, consumer.position(partition));
        }
        return positions;
    }

    private long lag(Consumer<String, String> consumer) {
        long total = 0;
        for (TopicPartition partition : assigned) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            if (partitionLag.isPresent()) {
                total += partitionLag.getAsLong();
            }
        }
        return total;
    }

    private void backOff() {
        try {
            Thread.sleep(ERROR_BACKOFF.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the poll loop is alive; readiness depends on it. */
    boolean isPolling() {
        return polling;
    }

    @Override
    public int getPhase() {
        // before the web server (which starts in a late phase) begins accepting
        // handshakes
        return 0;
    }

}
