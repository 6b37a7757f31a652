package com.agentnexus.gateway.live;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Routes each live event to the listeners registered for its execution. A listener
 * registered before the replay captures its end offsets receives every event at or beyond
 * them: the live consumer only sees records below the high watermark, and the end offsets
 * are read after registration.
 */
@Component
public class LiveFanOut {

    private final Map<ExecutionId, List<Consumer<ExecutionEvent>>> listeners = new ConcurrentHashMap<>();

    /**
     * Starts delivering the execution's live events to {@code listener}; cancel the
     * result to stop.
     */
    public Registration register(ExecutionId executionId, Consumer<ExecutionEvent> listener) {
        // add inside the atomic compute: a concurrent cancel that empties and removes the
        // list must not leave this listener in a list the map no longer holds (it would
        // never see a live event)
        listeners.compute(executionId, (id, current) -> {
            List<Consumer<ExecutionEvent>> list = current != null ? current : new CopyOnWriteArrayList<>();
            list.add(listener);
            return list;
        });
        return () -> listeners.computeIfPresent(executionId, (id, current) -> {
            current.remove(listener);
            return current.isEmpty() ? null : current;
        });
    }

    /**
     * Whether anyone listens to the execution; lets the consumer skip decoding records
     * nobody wants.
     */
    boolean isWatched(ExecutionId executionId) {
        return listeners.containsKey(executionId);
    }

    void dispatch(ExecutionEvent event) {
        List<Consumer<ExecutionEvent>> current = listeners.get(event.executionId());
        if (current != null) {
            current.forEach(listener -> listener.accept(event));
        }
    }

    /** A live registration; cancelling twice is harmless. */
    @FunctionalInterface
    public interface Registration {

        void cancel();

    }

}
