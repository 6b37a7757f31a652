package com.agentnexus.execution.agent;

import com.agentnexus.events.AgentId;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * An agent of the catalog.
 *
 * @param script POSIX shell script the runner executes with {@code /bin/sh -c}
 * @param timeout how long one execution may run before it is killed and ends TIMED_OUT
 * @param container the container the Docker runner starts it in
 */
public record Agent(AgentId id, String name, BigInteger priceWei, Duration timeout, String script,
        AgentContainer container) {

    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(priceWei, "priceWei");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(container, "container");
    }
}
