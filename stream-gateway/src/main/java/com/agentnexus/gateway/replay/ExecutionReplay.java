package com.agentnexus.gateway.replay;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.kafka.EventConsumers;
import com.agentnexus.gateway.kafka.EventRecordDecoder;
import com.agentnexus.support.TopicsProperties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Replays an execution's history with a short-lived consumer of its own, off the event
 * loop: {@link KafkaConsumer} blocks, and one slow replay must not stall other
 * connections.
 */
@Component
public class ExecutionReplay implements DisposableBean {

    private final EventConsumers consumers;

    private final EventRecordDecoder decoder;

    private final TopicsProperties topics;

    private final ReplayProperties properties;

    private final Scheduler scheduler;

    private final AtomicLong replays = new AtomicLong();

    ExecutionReplay(EventConsumers consumers, EventRecordDecoder decoder, TopicsProperties topics,
            ReplayProperties properties) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.topics = topics;
        this.properties = properties;
        this.scheduler = Schedulers.newBoundedElastic(properties.maxConcurrent(), 10_000, "replay");
    }

    /**
     * Delivers the execution's recorded events to {@code sink} (in partition order, not
     * seq order) until the end offsets read at the start, or until {@code wanted} turns
     * false. Completes empty; errors if Kafka fails.
     */
    public Mono<Void> replay(ExecutionId executionId, Consumer<ExecutionEvent> sink, BooleanSupplier wanted) {
        return Mono.<Void>fromRunnable(() -> {
            if (!wanted.getAsBoolean()) {
                return;
            }
            try (var consumer = consumers.create("stream-gateway-replay-", Long.toString(replays.incrementAndGet()))) {
                new ReplayCursor(consumer, decoder, properties).replay(executionId, topics.toTopics().all(), sink,
                        wanted);
            }
        }).subscribeOn(scheduler);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }

}
