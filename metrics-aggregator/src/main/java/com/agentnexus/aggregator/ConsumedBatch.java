package com.agentnexus.aggregator;

import com.agentnexus.events.ExecutionEvent;
import java.util.List;

/**
 * What one poll returned, decoded: the events with their positions, the records that were
 * not valid events, and per topic partition the position to read next once this batch is
 * applied.
 */
public record ConsumedBatch(List<Consumed> events, List<Rejected> rejected, List<Position> nextPositions) {

    public ConsumedBatch {
        events = List.copyOf(events);
        rejected = List.copyOf(rejected);
        nextPositions = List.copyOf(nextPositions);
    }

    /** One decoded event and where it was read. */
    public record Consumed(Position position, ExecutionEvent event) {
    }

    /** A record that is not a valid event: it is counted and skipped, never retried. */
    public record Rejected(Position position) {
    }
}
