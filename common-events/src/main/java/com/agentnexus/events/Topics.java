package com.agentnexus.events;

import java.util.List;
import java.util.Objects;

/**
 * The three topic names. All three must have the same partition count and every record is keyed by executionId,
 * so one execution's events sit on the same partition index of each topic.
 */
public record Topics(String logs, String status, String resources) {

    /** The default names. */
    public static final Topics DEFAULTS = new Topics(
            "agentnexus.execution.logs", "agentnexus.execution.status", "agentnexus.execution.resources");

    public Topics {
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resources, "resources");
    }

    /** The topic an event of this type is published to. */
    public String topicFor(EventType type) {
        return switch (type) {
            case LOG -> logs;
            case STATUS -> status;
            case RESOURCE -> resources;
        };
    }

    public List<String> all() {
        return List.of(logs, status, resources);
    }
}
