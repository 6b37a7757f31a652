package com.agentnexus.gateway.replay;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.support.TopicsProperties;
import com.agentnexus.support.Viewer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * What the gateway's live consumer has seen, so that a subscribe rarely needs Kafka and
 * never costs more than its execution's own events. Fed with every record the live
 * consumer reads, before that record is dispatched live: a subscription that registered
 * for live events and then looks here misses nothing.
 * <ul>
 * <li><b>Index</b>: per execution, its owner, the first offset on each topic and whether
 * its terminal status was seen; at most {@code index-capacity} executions, the least
 * recently active forgotten first.</li>
 * <li><b>Horizon</b>: the index knows every execution created after it (minus the start
 * margin): it starts as the time the live consumer was positioned, and moves to the
 * creation time of any execution it forgets. For a later id, absence from the index means
 * the execution does not exist, at no cost.</li>
 * <li><b>Window</b>: the recent events of each execution indexed from its start, up to
 * {@code window-per-execution} each (the oldest dropped first) and {@code window-total}
 * for all (ended executions dropped first, then the least recently active). A dropped
 * window is not rebuilt. See {@link RecentEvents}.</li>
 * </ul>
 * Only the records that the index or a window needs are decoded: every record of an
 * execution with a window, status records, and the first record of an execution. One
 * lock, this object's, guards the index and its windows: the live consumer feeds them
 * while subscriptions look up.
 */
@Component
public class ExecutionIndex {

    private final Duration startMargin;

    private final int capacity;

    private final List<String> topics;

    private final int statusTopic;

    /** Access-ordered: the least recently active first, forgotten first. */
    private final LinkedHashMap<ExecutionId, IndexedExecution> executions = new LinkedHashMap<>(1024, 0.75f, true);

    private final RecentEvents recentEvents;

    /** Next offset the live consumer will hand over, per partition. */
    private final Map<TopicPartition, Long> processed = new HashMap<>();

    private Map<TopicPartition, Long> horizonOffsets = Map.of();

    /** Nothing is authoritative until the live consumer is positioned. */
    private Instant horizon = Instant.MAX;

    ExecutionIndex(ReplayProperties properties, TopicsProperties topicsProperties, MeterRegistry registry) {
        this.startMargin = properties.startMargin();
        this.capacity = properties.indexCapacity();
        this.recentEvents = new RecentEvents(properties.windowPerExecution().toBytes(),
                properties.windowTotal().toBytes());
        this.topics = topicsProperties.toTopics().all();
        this.statusTopic = topics.indexOf(topicsProperties.toTopics().status());
        Gauge.builder("agentnexus.gateway.replay.window", this, ExecutionIndex::windowBytes)
            .description("Recent events held in memory for late subscribers, by their encoded size")
            .baseUnit("bytes")
            .register(registry);
        Gauge.builder("agentnexus.gateway.replay.indexed.executions", this, ExecutionIndex::size)
            .description("Executions the gateway's index remembers")
            .register(registry);
    }

    /**
     * The live consumer is positioned at {@code positions}, which it read after
     * {@code since}: the index is complete from there.
     */
    public synchronized void start(Instant since, Map<TopicPartition, Long> positions) {
        horizon = since;
        horizonOffsets = Map.copyOf(positions);
        processed.putAll(positions);
        notifyAll();
    }

    /**
     * Takes one record the live consumer read, before it is dispatched live.
     * {@code event} decodes it (once); it is called only if the index or a window needs
     * the event.
     */
    public synchronized void offer(ExecutionId executionId, String topic, int partition, long offset, long timestamp,
            int size, Supplier<Optional<ExecutionEvent>> event) {
        processed.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
        if (timestamp < executionId.createdAt().minus(startMargin).toEpochMilli()) {
            // stamped before the execution existed: not part of it, as replay by time
            // would not read it either
            return;
        }
        IndexedExecution execution = executions.get(executionId);
        if (execution == null) {
            execution = new IndexedExecution(executionId, topics.size(), isAfterHorizon(executionId));
            executions.put(executionId, execution);
            if (execution.complete) {
                recentEvents.open(execution);
            }
            forgetBeyondCapacity();
        }
        int topicIndex = topics.indexOf(topic);
        execution.seenAt(topicIndex, offset);
        if (execution.owner != null && topicIndex != statusTopic && execution.window == null) {
            return;
        }
        ExecutionEvent decoded = event.get().orElse(null);
        if (decoded == null) {
            return;
        }
        if (execution.owner == null) {
            execution.owner = decoded.userId();
        }
        if (decoded instanceof ExecutionStatusChanged status && status.isTerminal() && !execution.ended) {
            execution.ended = true;
            recentEvents.ended(execution);
        }
        recentEvents.add(execution, decoded, size);
    }

    /**
     * The live consumer's positions after a poll: it handed over everything below them.
     */
    public synchronized void polled(Map<TopicPartition, Long> positions) {
        positions.forEach((partition, position) -> processed.merge(partition, position, Math::max));
        notifyAll();
    }

    /**
     * Waits until the live consumer has handed over every record below {@code ends} (end
     * offsets read after the caller registered for live events).
     */
    synchronized void awaitProcessed(Map<TopicPartition, Long> ends, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ends.entrySet()
            .stream()
            .allMatch(end -> processed.getOrDefault(end.getKey(), Long.MIN_VALUE) >= end.getValue())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("the live consumer did not reach " + ends + " within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** What the index can tell a subscriber of {@code executionId}, now. */
    synchronized Lookup lookup(ExecutionId executionId, Viewer viewer, long fromSeq) {
        IndexedExecution execution = executions.get(executionId);
        boolean visible = execution != null && execution.owner != null && viewer.maySee(execution.owner);
        if (visible && execution.complete) {
            ExecutionWindow window = execution.window;
            Optional<List<ExecutionEvent>> held = (window != null) ? window.eventsAfter(fromSeq) : Optional.empty();
            if (held.isPresent()) {
                return new Lookup.InMemory(held.get());
            }
            return new Lookup.FromOffsets(execution.firstOffsets(topics));
        }
        if (isAfterHorizon(executionId)) {
            return new Lookup.Unknown();
        }
        // older than the index: its history is found by time; a nonexistent or foreign
        // one costs the same (the part before the horizon)
        return new Lookup.ByTime(visible ? Map.of() : horizonOffsets);
    }

    private boolean isAfterHorizon(ExecutionId executionId) {
        return horizon != Instant.MAX && executionId.createdAt().minus(startMargin).isAfter(horizon);
    }

    private void forgetBeyondCapacity() {
        while (executions.size() > capacity) {
            Iterator<IndexedExecution> eldest = executions.values().iterator();
            IndexedExecution forgotten = eldest.next();
            eldest.remove();
            recentEvents.drop(forgotten);
            // the index no longer knows every execution created up to the forgotten one,
            // nor its records below what the live consumer has handed over so far
            Instant created = forgotten.executionId.createdAt().plus(startMargin);
            if (created.isAfter(horizon)) {
                horizon = created;
            }
            horizonOffsets = Map.copyOf(processed);
        }
    }

    /**
     * The index knows every execution whose id is more than the start margin younger than
     * this.
     */
    public synchronized Instant horizon() {
        return horizon;
    }

    synchronized long windowBytes() {
        return recentEvents.bytes();
    }

    synchronized int size() {
        return executions.size();
    }

    /** What {@link #lookup} found. */
    sealed interface Lookup {

        /**
         * The window holds every event above fromSeq the live consumer has handed over.
         */
        record InMemory(List<ExecutionEvent> events) implements Lookup {
        }

        /**
         * The viewer's execution, indexed from its start: read from its first offset on
         * each topic (a topic without one holds nothing of it yet).
         */
        record FromOffsets(Map<String, Long> firstOffsets) implements Lookup {
        }

        /**
         * Created after the horizon, and not the viewer's or not (yet) seen: once the
         * live consumer has caught up, the answer is in the index.
         */
        record Unknown() implements Lookup {
        }

        /**
         * Older than the horizon: read by time, and not beyond {@code bounds} (for each
         * partition; none: up to the end offsets).
         */
        record ByTime(Map<TopicPartition, Long> bounds) implements Lookup {
        }

    }

}
