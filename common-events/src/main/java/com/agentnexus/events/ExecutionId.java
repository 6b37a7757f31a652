package com.agentnexus.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an execution. Always a UUIDv7, so its creation time can be read from the id
 * itself and a consumer can seek near the start of the execution instead of scanning a
 * partition.
 */
public record ExecutionId(UUID value) {

    public ExecutionId {
        Objects.requireNonNull(value, "value");
        if (value.version() != 7) {
            throw new IllegalArgumentException("executionId must be a UUIDv7, was version " + value.version());
        }
    }

    /**
     * Parses the canonical textual form.
     * @throws IllegalArgumentException if the text is not a UUIDv7
     */
    public static ExecutionId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() != 36) {
            throw new IllegalArgumentException("executionId must be a 36-character UUID");
        }
        ExecutionId id = new ExecutionId(UUID.fromString(text));
        // UUID.fromString is lenient (it accepts e.g. "+1890a5d-…"); the id is also the
        // record key, so only the canonical form (either case) may pass
        if (!id.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("executionId must be in canonical UUID form");
        }
        return id;
    }

    /** The creation time encoded in the id's first 48 bits. */
    public Instant createdAt() {
        return Instant.ofEpochMilli(value.getMostSignificantBits() >>> 16);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
