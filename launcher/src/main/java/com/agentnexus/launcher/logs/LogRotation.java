package com.agentnexus.launcher.logs;

import java.util.Locale;

/**
 * How big a child's log file may grow before it is rotated, and how many rotated files
 * are kept beside it.
 *
 * @param maxBytes the size at which the current file is rotated
 * @param keep rotated files kept ({@code name.1.log} newest … {@code name.<keep>.log}
 * oldest)
 */
public record LogRotation(long maxBytes, int keep) {

    /** 10 MiB, three rotated files: at most about 40 MiB per child. */
    public static final LogRotation DEFAULT = new LogRotation(10L * 1024 * 1024, 3);

    public LogRotation {
        if (maxBytes < 1 || keep < 1) {
            throw new IllegalArgumentException("a log needs a positive size and at least one rotated file");
        }
    }

    /**
     * Parses {@code 10MB}, {@code 512KB}, {@code 1GB} or a plain number of bytes (binary
     * units).
     */
    public static long parseSize(String text) {
        String size = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        for (String[] suffix : new String[][] { { "GB", "1073741824" }, { "MB", "1048576" }, { "KB", "1024" },
                { "B", "1" } }) {
            if (size.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                size = size.substring(0, size.length() - suffix[0].length()).trim();
                break;
            }
        }
        return Math.multiplyExact(Long.parseLong(size), unit);
    }
}
