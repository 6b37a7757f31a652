package com.agentnexus.gateway.replay;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The windows of recent events of the executions indexed from their start, within
 * {@code window-per-execution} each (the oldest events dropped first) and
 * {@code window-total} for all: beyond it, whole windows are dropped, those of ended
 * executions first, then the least recently active. A dropped window is not rebuilt.
 * Guarded by the index's lock.
 */
final class RecentEvents {

    /** Roughly what a decoded event costs beyond its encoded size. */
    private static final int EVENT_OVERHEAD = 64;

    private final long perExecution;

    private final long total;

    /** Access-ordered: the least recently active first. */
    private final LinkedHashMap<ExecutionId, IndexedExecution> running = new LinkedHashMap<>(256, 0.75f, true);

    /** Access-ordered: the least recently active first. */
    private final LinkedHashMap<ExecutionId, IndexedExecution> ended = new LinkedHashMap<>(256, 0.75f, true);

    private long bytes;

    RecentEvents(long perExecution, long total) {
        this.perExecution = perExecution;
        this.total = total;
    }

    /**
     * Gives {@code execution}, seen from its start, an empty window, counted among the
     * running ones until it ends.
     */
    void open(IndexedExecution execution) {
        execution.window = new ExecutionWindow();
        running.put(execution.executionId, execution);
    }

    /** {@code execution} ended: its window is now among the first to go. */
    void ended(IndexedExecution execution) {
        if (running.remove(execution.executionId) != null) {
            ended.put(execution.executionId, execution);
        }
    }

    /**
     * Adds {@code event}, {@code encodedSize} bytes on the wire, to the window of
     * {@code execution}, if it has one, and drops what no longer fits.
     */
    void add(IndexedExecution execution, ExecutionEvent event, int encodedSize) {
        ExecutionWindow window = execution.window;
        long eventBytes = encodedSize + EVENT_OVERHEAD;
        if (window == null || !window.add(event, eventBytes)) {
            return;
        }
        bytes += eventBytes;
        // a get on an access-ordered map marks the execution as the most recently active
        (execution.ended ? ended : running).get(execution.executionId);
        bytes -= window.trimTo(perExecution);
        if (window.isEmpty()) {
            drop(execution);
        }
        while (bytes > total) {
            LinkedHashMap<ExecutionId, IndexedExecution> from = ended.isEmpty() ? running : ended;
            Iterator<IndexedExecution> eldest = from.values().iterator();
            if (!eldest.hasNext()) {
                break;
            }
            drop(eldest.next());
        }
    }

    /** Drops the window of {@code execution}, if it has one, for good. */
    void drop(IndexedExecution execution) {
        ExecutionWindow window = execution.window;
        if (window != null) {
            bytes -= window.bytes();
        }
        execution.window = null;
        running.remove(execution.executionId);
        ended.remove(execution.executionId);
    }

    /** What all windows hold, by the encoded size of their events plus overhead. */
    long bytes() {
        return bytes;
    }

}
