package com.agentnexus.events;

import java.util.Arrays;
import java.util.Optional;

/** The closed set of event classes, each with its wire name. */
public enum EventType {
    LOG("log"),
    STATUS("status"),
    RESOURCE("resource");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code type} field on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The event type with this wire name, if any. */
    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
