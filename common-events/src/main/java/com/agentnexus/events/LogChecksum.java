package com.agentnexus.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum a terminal status carries over the execution's published log lines:
 * SHA-256 over each line's UTF-8 bytes followed by a newline, in seq order, written as
 * {@code sha256:<hex>}. Producer and subscriber compute it the same way, so a subscriber
 * can prove it saw every line. Not thread-safe.
 */
public final class LogChecksum {

    private final MessageDigest digest;

    public LogChecksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    /** Adds the next line (in seq order). */
    public LogChecksum update(String line) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        return this;
    }

    /** The checksum so far; the accumulated state is kept, so more lines may follow. */
    public String value() {
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            return "sha256:" + HexFormat.of().formatHex(copy.digest());
        }
        catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }

}
