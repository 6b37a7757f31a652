package com.agentnexus.gateway.replay;

import com.agentnexus.events.ExecutionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recent events of one execution indexed from its start, by seq, with what they cost
 * in memory. It only ever loses its oldest events, and does not take back what it lost: a
 * subscriber from before that point must read Kafka. Guarded by the index's lock.
 */
final class ExecutionWindow {

    private final TreeMap<Long, Held> events = new TreeMap<>();

    private long bytes;

    /** Seqs up to this may be missing from the window. */
    private long trimmedUpTo;

    /**
     * Holds {@code event}, counted as {@code bytes}, unless it is already held (events
     * may arrive twice: they must not count twice) or its seq was trimmed (what was
     * trimmed stays out).
     * @return whether it was added
     */
    boolean add(ExecutionEvent event, long bytes) {
        if (event.seq() <= trimmedUpTo || events.putIfAbsent(event.seq(), new Held(event, bytes)) != null) {
            return false;
        }
        this.bytes += bytes;
        return true;
    }

    /**
     * Drops the oldest events until the window costs no more than {@code budget}.
     * @return the bytes freed
     */
    long trimTo(long budget) {
        long freed = 0;
        while (bytes > budget && !events.isEmpty()) {
            var oldest = events.pollFirstEntry();
            trimmedUpTo = Math.max(trimmedUpTo, oldest.getKey());
            bytes -= oldest.getValue().bytes();
            freed += oldest.getValue().bytes();
        }
        return freed;
    }

    /**
     * Every event after {@code fromSeq}, or, if there is none, the latest: the
     * subscription must learn that the execution exists (and ends, if that is its
     * terminal status). Empty if events after {@code fromSeq} may have been trimmed, or
     * nothing is held yet.
     */
    Optional<List<ExecutionEvent>> eventsAfter(long fromSeq) {
        if (trimmedUpTo > fromSeq || events.isEmpty()) {
            return Optional.empty();
        }
        List<ExecutionEvent> after = new ArrayList<>();
        events.tailMap(fromSeq, false).values().forEach(held -> after.add(held.event()));
        if (after.isEmpty()) {
            after.add(events.lastEntry().getValue().event());
        }
        return Optional.of(after);
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    private record Held(ExecutionEvent event, long bytes) {
    }

}
