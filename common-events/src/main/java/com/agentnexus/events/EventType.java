package com.agentnexus.events;

import java.util.Optional;

/** The closed set of event classes, each with its wire name. */
public enum EventType {

    LOG("log"), STATUS("status"), RESOURCE("resource");

    private static final EventType[] VALUES = values();

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
        // decoded for every record: a loop over the constant array, no stream
        for (EventType type : VALUES) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

}
