package com.agentnexus.gateway.replay;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.UserId;
import com.agentnexus.support.TopicsProperties;
import com.agentnexus.support.Viewer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
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
 * window is not rebuilt.</li>
 * </ul>
 * Only the records that the index or a window needs are decoded: every record of an
 * execution with a window, status records, and the first record of an execution.
 */
@Component
public class ExecutionIndex {

    /** Roughly what a decoded event costs beyond its encoded size. */
    private static final int EVENT_OVERHEAD = 64;

    private final Duration startMargin;

    private final int capacity;

    private final long windowPerExecution;

    private final long windowTotal;

    private final List<String> topics;

    private final int statusTopic;

    private final LinkedHashMap<ExecutionId, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);

    private final LinkedHashMap<ExecutionId, Entry> runningWindows = new LinkedHashMap<>(256, 0.75f, true);

    private final LinkedHashMap<ExecutionId, Entry> endedWindows = new LinkedHashMap<>(256, 0.75f, true);

    /** Next offset the live consumer will hand over, per partition. */
    private final Map<TopicPartition, Long> processed = new HashMap<>();

    private Map<TopicPartition, Long> horizonOffsets = Map.of();

    /** Nothing is authoritative until the live consumer is positioned. */
    private Instant horizon = Instant.MAX;

    private long windowBytes;

    ExecutionIndex(ReplayProperties properties, TopicsProperties topicsProperties, MeterRegistry registry) {
        this.startMargin = properties.startMargin();
        this.capacity = properties.indexCapacity();
        this.windowPerExecution = properties.windowPerExecution().toBytes();
        this.windowTotal = properties.windowTotal().toBytes();
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
        Entry entry = entries.get(executionId);
        if (entry == null) {
            entry = new Entry(executionId, partition, topics.size(), isAfterHorizon(executionId));
            entries.put(executionId, entry);
            if (entry.complete) {
                entry.window = new TreeMap<>();
                runningWindows.put(executionId, entry);
            }
            forgetBeyondCapacity();
        }
        int topicIndex = topics.indexOf(topic);
        if (topicIndex >= 0 && entry.firstOffsets[topicIndex] < 0) {
            entry.firstOffsets[topicIndex] = offset;
        }
        if (entry.owner != null && topicIndex != statusTopic && entry.window == null) {
            return;
        }
        ExecutionEvent decoded = event.get().orElse(null);
        if (decoded == null) {
            return;
        }
        if (entry.owner == null) {
            entry.owner = decoded.userId();
        }
        if (decoded instanceof ExecutionStatusChanged status && status.isTerminal() && !entry.ended) {
            entry.ended = true;
            if (runningWindows.remove(executionId) != null) {
                endedWindows.put(executionId, entry);
            }
        }
        if (entry.window != null) {
            addToWindow(entry, decoded, size + EVENT_OVERHEAD);
        }
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
        Entry entry = entries.get(executionId);
        boolean visible = entry != null && entry.owner != null && viewer.maySee(entry.owner);
        if (visible && entry.complete) {
            TreeMap<Long, Held> window = entry.window;
            if (window != null && entry.trimmedUpTo <= fromSeq && !window.isEmpty()) {
                List<ExecutionEvent> events = new ArrayList<>();
                window.tailMap(fromSeq, false).values().forEach(held -> events.add(held.event()));
                if (events.isEmpty()) {
                    // nothing new, but the subscription must learn that the execution
                    // exists (and ends, if this is its terminal status)
                    events.add(window.lastEntry().getValue().event());
                }
                return new Lookup.InMemory(events);
            }
            Map<String, Long> first = new HashMap<>();
            for (int i = 0; i < topics.size(); i++) {
                if (entry.firstOffsets[i] >= 0) {
                    first.put(topics.get(i), entry.firstOffsets[i]);
                }
            }
            return new Lookup.FromOffsets(first);
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

    private void addToWindow(Entry entry, ExecutionEvent event, long bytes) {
        TreeMap<Long, Held> window = entry.window;
        if (event.seq() <= entry.trimmedUpTo || window == null
                || window.putIfAbsent(event.seq(), new Held(event, bytes)) != null) {
            return;
        }
        entry.bytes += bytes;
        windowBytes += bytes;
        (entry.ended ? endedWindows : runningWindows).get(entry.executionId);
        while (entry.bytes > windowPerExecution && !window.isEmpty()) {
            var oldest = window.pollFirstEntry();
            entry.trimmedUpTo = Math.max(entry.trimmedUpTo, oldest.getKey());
            entry.bytes -= oldest.getValue().bytes();
            windowBytes -= oldest.getValue().bytes();
        }
        if (window.isEmpty()) {
            dropWindow(entry);
        }
        while (windowBytes > windowTotal) {
            LinkedHashMap<ExecutionId, Entry> from = endedWindows.isEmpty() ? runningWindows : endedWindows;
            Iterator<Entry> eldest = from.values().iterator();
            if (!eldest.hasNext()) {
                break;
            }
            dropWindow(eldest.next());
        }
    }

    private void dropWindow(Entry entry) {
        windowBytes -= entry.bytes;
        entry.bytes = 0;
        entry.window = null;
        runningWindows.remove(entry.executionId);
        endedWindows.remove(entry.executionId);
    }

    private void forgetBeyondCapacity() {
        while (entries.size() > capacity) {
            Iterator<Entry> eldest = entries.values().iterator();
            Entry forgotten = eldest.next();
            eldest.remove();
            dropWindow(forgotten);
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
        return windowBytes;
    }

    synchronized int size() {
        return entries.size();
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

    private record Held(ExecutionEvent event, long bytes) {
    }

    private static final class Entry {

        final ExecutionId executionId;

        final int partition;

        final long[] firstOffsets;

        final boolean complete;

        @Nullable UserId owner;

        boolean ended;

        @Nullable TreeMap<Long, Held> window;

        long bytes;

        /** Seqs up to this may be missing from the window. */
        long trimmedUpTo;

        Entry(ExecutionId executionId, int partition, int topicCount, boolean complete) {
            this.executionId = executionId;
            this.partition = partition;
            this.firstOffsets = new long[topicCount];
            Arrays.fill(firstOffsets, -1);
            this.complete = complete;
        }

    }

}
