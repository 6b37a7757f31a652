package com.agentnexus.execution.runner;

import com.agentnexus.events.LogStream;

/**
 * Receives a running agent's output and resource use as they happen. Must be thread-safe.
 */
public interface RunListener {

    /** One line, without its line terminator, bounded in length by the runner. */
    void line(LogStream stream, String line);

    /** One resource reading. */
    void sample(ResourceSample sample);

}
