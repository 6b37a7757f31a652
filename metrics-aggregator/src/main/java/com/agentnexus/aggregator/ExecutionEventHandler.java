package com.agentnexus.aggregator;

import com.agentnexus.events.ExecutionEvent;

/**
 * Reacts to one decoded execution event. Consumption calls every handler bean, so a new concern (revenue,
 * container gauges) is a new handler in its own feature package rather than a change to the Kafka listener.
 */
public interface ExecutionEventHandler {

    void handle(ExecutionEvent event);
}
