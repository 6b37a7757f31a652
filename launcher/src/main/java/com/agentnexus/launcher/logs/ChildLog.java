package com.agentnexus.launcher.logs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Everything one child prints, across its restarts: each line goes to its size-rotated
 * file, and the last lines are kept in memory so that a crash can be reported with them
 * without reading the file back.
 */
public final class ChildLog implements AutoCloseable {

    /** How many lines a crash report shows. */
    public static final int TAIL_LINES = 20;

    private final Path file;

    private final RotatingLogFile out;

    private final ArrayDeque<String> tail = new ArrayDeque<>(TAIL_LINES);

    public ChildLog(Path file, LogRotation rotation) {
        this.file = file;
        this.out = new RotatingLogFile(file, rotation);
    }

    public Path file() {
        return file;
    }

    public void line(String line) {
        out.append(line);
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    /** The last {@value #TAIL_LINES} lines, oldest first. */
    public List<String> tail() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    @Override
    public void close() {
        out.close();
    }

}
