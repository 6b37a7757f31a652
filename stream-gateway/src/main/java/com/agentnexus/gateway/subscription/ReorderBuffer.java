package com.agentnexus.gateway.subscription;

import com.agentnexus.events.ExecutionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Turns events arriving from replay and live — interleaved across three partitions,
 * possibly twice — into the execution's seq order, each seq once: releases only the next
 * expected seq, drops seqs already released, and holds later ones until the gap before
 * them fills. Not thread-safe; its subscription serialises access.
 */
final class ReorderBuffer {

    private final NavigableMap<Long, ExecutionEvent> held = new TreeMap<>();

    private long next;

    /** A buffer that releases seq {@code fromSeq + 1} first. */
    ReorderBuffer(long fromSeq) {
        this.next = Math.addExact(fromSeq, 1);
    }

    /**
     * Accepts one event; returns the events that are now next in order (possibly none).
     */
    List<ExecutionEvent> accept(ExecutionEvent event) {
        long seq = event.seq();
        if (seq < next) {
            return List.of();
        }
        if (seq > next) {
            held.putIfAbsent(seq, event);
            return List.of();
        }
        next++;
        if (held.isEmpty() || held.firstKey() != next) {
            // the usual case, live events in order: no list to grow
            return List.of(event);
        }
        List<ExecutionEvent> ready = new ArrayList<>();
        ready.add(event);
        while (!held.isEmpty() && held.firstKey() == next) {
            ready.add(held.pollFirstEntry().getValue());
            next++;
        }
        return ready;
    }

    /**
     * The seq released next; everything below it has been released or was skipped by
     * fromSeq.
     */
    long nextSeq() {
        return next;
    }

    int heldCount() {
        return held.size();
    }

}
