package com.agentnexus.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the browser tests measure, appended to {@code target/console-timings.txt}:
 * recorded for reading, never asserted (the machine is shared; a bound would only make
 * the suite flaky).
 */
final class ConsoleTimings {

    static final Path FILE = Path.of("target", "console-timings.txt");

    private ConsoleTimings() {
    }

    static synchronized void record(String what, double millis, String note) {
        String line = "%s  %-62s %8.0f ms%s%n".formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), what, millis,
                note.isEmpty() ? "" : "  (" + note + ")");
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
