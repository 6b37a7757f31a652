package com.agentnexus.execution.runner.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns one stream's frames into lines. A frame may hold several lines or part of one,
 * and may even split a UTF-8 character, so bytes are collected up to each {@code \n} and
 * only whole lines are decoded. At most {@code maxBytes} of a line are kept; the rest is
 * dropped so an agent printing without newlines cannot exhaust the heap (the lifecycle
 * applies the published cap and its marker). Not thread-safe: one per stream.
 */
final class LineAssembler {

    private final int maxBytes;

    private final Consumer<String> lines;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineAssembler(int maxBytes, Consumer<String> lines) {
        this.maxBytes = maxBytes;
        this.lines = lines;
    }

    void accept(byte[] payload) {
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\n') {
                append(payload, start, i - start);
                emit();
                start = i + 1;
            }
        }
        append(payload, start, payload.length - start);
    }

    /** Delivers a last line that ended without a newline. */
    void flush() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void append(byte[] payload, int offset, int length) {
        int room = maxBytes - pending.size();
        if (room > 0) {
            pending.write(payload, offset, Math.min(length, room));
        }
    }

    private void emit() {
        byte[] bytes = pending.toByteArray();
        pending.reset();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        lines.accept(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }

}
