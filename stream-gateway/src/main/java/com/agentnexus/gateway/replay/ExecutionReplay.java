package com.agentnexus.gateway.replay;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.kafka.EventConsumers;
import com.agentnexus.gateway.kafka.EventRecordDecoder;
import com.agentnexus.support.TopicsProperties;
import com.agentnexus.support.Viewer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Replays an execution's history, off the event loop ({@link #replay} blocks while the
 * client makes room, and Kafka reads block). What the {@link ExecutionIndex} holds is
 * served from memory; otherwise a consumer borrowed from a pool of {@code max-concurrent}
 * reads Kafka, from the execution's first offsets if the index knows them, else within
 * the time its execution can have lasted — never more than the execution's own span of
 * the partition.
 */
@Component
public class ExecutionReplay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExecutionReplay.class);

    private static final Duration[] BUCKETS = LongStream
        .of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000)
        .mapToObj(Duration::ofMillis)
        .toArray(Duration[]::new);

    private static final String MEMORY = "memory";

    private static final String KAFKA = "kafka";

    private final ExecutionIndex index;

    private final EventRecordDecoder decoder;

    private final List<String> topics;

    private final ReplayProperties properties;

    private final Scheduler scheduler;

    private final ReplayConsumerPool pool;

    private final MeterRegistry registry;

    private final Counter scanned;

    ExecutionReplay(EventConsumers consumers, ExecutionIndex index, EventRecordDecoder decoder, TopicsProperties topics,
            ReplayProperties properties, MeterRegistry registry) {
        this.index = index;
        this.decoder = decoder;
        this.topics = topics.toTopics().all();
        this.properties = properties;
        this.registry = registry;
        this.scheduler = Schedulers.newBoundedElastic(properties.maxConcurrent(), 10_000, "replay");
        this.pool = new ReplayConsumerPool(consumers, properties.maxConcurrent());
        this.scanned = Counter.builder("agentnexus.gateway.replay.scanned.records")
            .description("Records replays read from Kafka, of any execution")
            .register(registry);
        for (String source : List.of(MEMORY, KAFKA)) {
            subscribes(source);
            for (String outcome : List.of("completed", "cancelled", "failed")) {
                duration(source, outcome);
            }
        }
    }

    /**
     * Delivers the events of the execution above {@code fromSeq} that {@code viewer} may
     * see (in any order, possibly some at or below fromSeq, possibly one of another
     * user's execution older than the index) until the end offsets read at the start, or
     * until {@code wanted} turns false. Completes empty when the execution does not exist
     * or is not the viewer's; errors if Kafka fails. Call after registering for live
     * events.
     */
    public Mono<Void> replay(ExecutionId executionId, Viewer viewer, long fromSeq, Consumer<ExecutionEvent> sink,
            BooleanSupplier wanted) {
        return Mono.<Void>fromRunnable(() -> {
            if (wanted.getAsBoolean()) {
                run(executionId, viewer, fromSeq, sink, wanted);
            }
        }).subscribeOn(scheduler);
    }

    private void run(ExecutionId executionId, Viewer viewer, long fromSeq, Consumer<ExecutionEvent> sink,
            BooleanSupplier wanted) {
        long start = System.nanoTime();
        String source = MEMORY;
        String outcome = "failed";
        try {
            ExecutionIndex.Lookup lookup = index.lookup(executionId, viewer, fromSeq);
            if (lookup instanceof ExecutionIndex.Lookup.Unknown) {
                // the id is younger than the index: once the live consumer has handed
                // over everything Kafka holds now, the index has the answer
                Map<TopicPartition, Long> ends = withConsumer(cursor -> cursor.endOffsets(executionId, topics));
                index.awaitProcessed(ends, properties.timeout());
                lookup = index.lookup(executionId, viewer, fromSeq);
            }
            log.debug("Replay of {} after seq {}: {}", executionId, fromSeq, lookup.getClass().getSimpleName());
            if (!(lookup instanceof ExecutionIndex.Lookup.InMemory
                    || lookup instanceof ExecutionIndex.Lookup.Unknown)) {
                source = KAFKA;
            }
            if (lookup instanceof ExecutionIndex.Lookup.InMemory inMemory) {
                for (ExecutionEvent event : inMemory.events()) {
                    if (!wanted.getAsBoolean()) {
                        break;
                    }
                    sink.accept(event);
                }
            }
            else if (lookup instanceof ExecutionIndex.Lookup.FromOffsets fromOffsets) {
                withConsumer(cursor -> {
                    cursor.replayFrom(executionId, fromOffsets.firstOffsets(), sink, wanted);
                    return null;
                });
            }
            else if (lookup instanceof ExecutionIndex.Lookup.ByTime byTime) {
                withConsumer(cursor -> {
                    cursor.replayByTime(executionId, topics, byTime.bounds(), sink, wanted);
                    return null;
                });
            }
            // Unknown: does not exist, or is not the viewer's; nothing to replay
            outcome = wanted.getAsBoolean() ? "completed" : "cancelled";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
        catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        finally {
            subscribes(source).increment();
            duration(source, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private <T> T withConsumer(CursorWork<T> work) throws InterruptedException {
        var consumer = pool.borrow(properties.timeout());
        boolean healthy = false;
        ReplayCursor cursor = new ReplayCursor(consumer, decoder, properties);
        try {
            T result = work.run(cursor);
            healthy = true;
            return result;
        }
        finally {
            scanned.increment(cursor.scanned());
            pool.release(consumer, healthy);
        }
    }

    private Counter subscribes(String source) {
        return Counter.builder("agentnexus.websocket.subscribes")
            .description("Subscribes whose replay ran, by where their history came from (memory: no record read)")
            .tag("source", source)
            .register(registry);
    }

    private Timer duration(String source, String outcome) {
        return Timer.builder("agentnexus.websocket.replay.duration")
            .description("How long replays took, client pace included, by source and outcome")
            .tag("source", source)
            .tag("outcome", outcome)
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
        pool.close();
    }

    @FunctionalInterface
    private interface CursorWork<T> {

        T run(ReplayCursor cursor) throws InterruptedException;

    }

}
