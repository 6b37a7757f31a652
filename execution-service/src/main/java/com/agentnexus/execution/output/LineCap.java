package com.agentnexus.execution.output;

import java.nio.charset.StandardCharsets;

/**
 * Cuts a log line to at most {@code maxBytes} of UTF-8, ending a cut line with a visible
 * marker.
 */
public final class LineCap {

    static final String MARKER = " …[truncated]";

    private final int maxBytes;

    public LineCap(int maxBytes) {
        if (maxBytes <= MARKER.getBytes(StandardCharsets.UTF_8).length) {
            throw new IllegalArgumentException("maxBytes too small for the truncation marker");
        }
        this.maxBytes = maxBytes;
    }

    public String apply(String line) {
        // Cheap exit: a UTF-8 char takes at most 3 bytes per UTF-16 unit.
        if (line.length() * 3L <= maxBytes || utf8Length(line) <= maxBytes) {
            return line;
        }
        int budget = maxBytes - utf8Length(MARKER);
        int bytes = 0;
        int end = 0;
        while (end < line.length()) {
            int codePoint = line.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return line.substring(0, end) + MARKER;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

}
