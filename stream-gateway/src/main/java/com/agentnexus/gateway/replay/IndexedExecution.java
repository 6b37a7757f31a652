package com.agentnexus.gateway.replay;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the index remembers of one execution: its owner, its first offset on each topic,
 * whether its terminal status was seen and, while it has one, its window of recent
 * events. Guarded by the index's lock.
 */
final class IndexedExecution {

    final ExecutionId executionId;

    /**
     * Seen from its start: its first offsets, and its window, cover its whole history.
     */
    final boolean complete;

    /** By the index of the topic in the index's topic list; -1 while none is seen. */
    private final long[] firstOffsets;

    /** Taken from its first decoded event. */
    @Nullable UserId owner;

    boolean ended;

    /** Only for a complete execution, and dropped for good once evicted. */
    @Nullable ExecutionWindow window;

    IndexedExecution(ExecutionId executionId, int topicCount, boolean complete) {
        this.executionId = executionId;
        this.complete = complete;
        this.firstOffsets = new long[topicCount];
        Arrays.fill(firstOffsets, -1);
    }

    /**
     * A record of the execution at {@code offset} on the topic at {@code topicIndex} (-1:
     * a topic the index does not read for replay).
     */
    void seenAt(int topicIndex, long offset) {
        if (topicIndex >= 0 && firstOffsets[topicIndex] < 0) {
            firstOffsets[topicIndex] = offset;
        }
    }

    /** By topic name; a topic without one holds nothing of the execution yet. */
    Map<String, Long> firstOffsets(List<String> topics) {
        Map<String, Long> first = new HashMap<>();
        for (int i = 0; i < topics.size(); i++) {
            if (firstOffsets[i] >= 0) {
                first.put(topics.get(i), firstOffsets[i]);
            }
        }
        return first;
    }

}
