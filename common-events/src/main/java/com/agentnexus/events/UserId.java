package com.agentnexus.events;

import java.util.Objects;

/** Identifies the user who started an execution: the {@code sub} claim of their token. */
public record UserId(String value) {

    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
