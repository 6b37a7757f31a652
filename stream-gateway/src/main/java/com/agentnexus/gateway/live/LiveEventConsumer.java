package com.agentnexus.gateway.live;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.kafka.EventConsumers;
import com.agentnexus.gateway.kafka.EventRecordDecoder;
import com.agentnexus.support.TopicsProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * stream has a fixed starting point.
 */
@Component
class LiveEventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEventConsumer.class);

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(1);

    private final EventConsumers consumers;

    private final EventRecordDecoder decoder;

    private final LiveFanOut fanOut;

    private final TopicsProperties topics;

    private volatile boolean running;

    private volatile boolean polling;

    private @Nullable Consumer<String, String> consumer;

    private @Nullable Thread thread;

    LiveEventConsumer(EventConsumers consumers, EventRecordDecoder decoder, LiveFanOut fanOut,
            TopicsProperties topics) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.fanOut = fanOut;
        this.topics = topics;
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
        running = true;
        polling = true;
        thread = new Thread(() -> pollLoop(consumer), "stream-gateway-live");
        thread.start();
        log.info("Live consumer positioned at the end of {} partitions", partitions.size());
    }

    private void pollLoop(Consumer<String, String> consumer) {
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
                        dispatch(record);
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
        // a record nobody watches now was fetched before any later registration, so
        // replay covers it
        if (fanOut.isWatched(executionId)) {
            decoder.decode(record).ifPresent(fanOut::dispatch);
        }
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
