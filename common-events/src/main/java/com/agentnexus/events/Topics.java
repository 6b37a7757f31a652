package com.agentnexus.events;

import java.util.List;
import java.util.Objects;

/**
 * The three topic names. All three must have the same partition count and every record is
 * keyed by executionId, so one execution's events sit on the same partition index of each
 * topic.
 */
public record Topics(String logs, String status, String resources) {

    /**
     * The default name of the log topic (constants, so that annotations such as a default
     * value can use them).
     */
    public static final String DEFAULT_LOGS = "agentnexus.execution.logs";

    /** The default name of the status topic. */
    public static final String DEFAULT_STATUS = "agentnexus.execution.status";

    /** The default name of the resource-sample topic. */
    public static final String DEFAULT_RESOURCES = "agentnexus.execution.resources";

    /** The default names. */
    public static final Topics DEFAULTS = new Topics(DEFAULT_LOGS, DEFAULT_STATUS, DEFAULT_RESOURCES);

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
