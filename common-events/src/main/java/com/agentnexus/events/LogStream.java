package com.agentnexus.events;

import java.util.Arrays;
import java.util.Optional;

/** Where a log line came from: the agent's stdout or stderr, or the platform itself. */
public enum LogStream {

    STDOUT("stdout"), STDERR("stderr"), SYSTEM("system");

    private final String wireName;

    LogStream(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<LogStream> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

}
