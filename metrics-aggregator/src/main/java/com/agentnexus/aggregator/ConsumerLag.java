package com.agentnexus.aggregator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Records behind the end of each owned topic partition, as the consumer last saw it.
 * Written by the consumption side after every poll, read by the lag gauge and by
 * readiness.
 */
@Component
public class ConsumerLag {

    private final Map<Position, Long> byPartition = new ConcurrentHashMap<>();

    /** Sets the lag of a topic partition (the position's offset is ignored). */
    public void record(String topic, int partition, long lag) {
        byPartition.put(new Position(topic, partition, 0), lag);
    }

    public void forget(String topic, int partition) {
        byPartition.remove(new Position(topic, partition, 0));
    }

    /** Lag per topic partition (positions with offset 0). */
    public Map<Position, Long> byPartition() {
        return Map.copyOf(byPartition);
    }

    public long total() {
        return byPartition.values().stream().mapToLong(Long::longValue).sum();
    }

}
