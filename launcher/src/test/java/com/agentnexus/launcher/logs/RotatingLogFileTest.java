package com.agentnexus.launcher.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {

    private static final int LIMIT = 1_000;

    private static final int LINE = 50; // 49 characters and the newline

    @TempDir
    Path dir;

    @Test
    void rotatesPastTheLimitAndKeepsOnlyTheConfiguredNumberOfOldFiles() throws IOException {
        Path file = dir.resolve("stream-gateway.log");
        try (var log = new RotatingLogFile(file, new LogRotation(LIMIT, 2))) {
            for (int i = 0; i < 200; i++) { // 10 000 bytes: ten times the limit
                log.append("%04d %s".formatted(i, "x".repeat(LINE - 6)));
            }
        }

        assertThat(logFiles()).containsExactlyInAnyOrder("stream-gateway.log", "stream-gateway.1.log",
                "stream-gateway.2.log");
        for (String name : logFiles()) {
            // a file rotates once it is past the limit, so it holds at most one line more
            // than the limit
            assertThat(Files.size(dir.resolve(name))).as(name).isLessThanOrEqualTo(LIMIT + LINE);
        }
        assertThat(lastLine(file)).startsWith("0199 ");
        assertThat(firstNumber(dir.resolve("stream-gateway.1.log")))
            .as("the newest rotated file continues where the older one stopped")
            .isGreaterThan(firstNumber(dir.resolve("stream-gateway.2.log")));
    }

    @Test
    void aChildLogKeepsTheLastLinesForACrashReport() {
        try (var log = new ChildLog(dir.resolve("kafka.log"), LogRotation.DEFAULT)) {
            for (int i = 1; i <= 50; i++) {
                log.line("line " + i);
            }
            assertThat(log.tail()).hasSize(ChildLog.TAIL_LINES).first().isEqualTo("line 31");
            assertThat(log.tail()).last().isEqualTo("line 50");
        }
    }

    @Test
    void parsesSizesWithBinaryUnits() {
        assertThat(LogRotation.parseSize("10MB")).isEqualTo(10L * 1024 * 1024);
        assertThat(LogRotation.parseSize("512 kb")).isEqualTo(512L * 1024);
        assertThat(LogRotation.parseSize("4096")).isEqualTo(4096L);
    }

    private List<String> logFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.get(lines.size() - 1);
    }

    private static int firstNumber(Path file) throws IOException {
        return Integer.parseInt(Files.readAllLines(file).get(0).substring(0, 4));
    }

}
