package com.agentnexus.execution.runner;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} but keeps at most
 * {@code maxChars} of each, dropping the rest of an over-long line, so an agent printing
 * megabytes without a newline cannot exhaust the heap. The lifecycle applies the
 * published length cap and its marker; this bound only protects memory.
 */
final class CappedLineReader {

    private final Reader in;

    private final int maxChars;

    private final char[] buffer = new char[8192];

    private int position;

    private int limit;

    CappedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /**
     * The next line without its terminator ({@code \n} or {@code \r\n}), or null at end
     * of stream.
     */
    @Nullable String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return sawAny ? stripCarriageReturn(line) : null;
                }
            }
            sawAny = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int room = maxChars - line.length();
            line.append(buffer, start, Math.min(position - start, Math.max(room, 0)));
            if (position < limit) {
                position++; // the '\n'
                return stripCarriageReturn(line);
            }
        }
    }

    private static String stripCarriageReturn(StringBuilder line) {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        return line.toString();
    }

}
