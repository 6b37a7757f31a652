package com.agentnexus.events;

import java.util.Objects;

/** Identifies an agent of the catalog, for example {@code demo-worker}. */
public record AgentId(String value) {

    public AgentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("agentId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
