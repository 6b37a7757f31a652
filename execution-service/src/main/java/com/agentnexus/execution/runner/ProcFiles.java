package com.agentnexus.execution.runner;

import java.util.OptionalLong;

/** Parsers for the two {@code /proc/<pid>} files the process runner samples. */
final class ProcFiles {

    private ProcFiles() {
    }

    /**
     * CPU time in clock ticks from {@code /proc/<pid>/stat}: utime + stime + cutime +
     * cstime. The children's fields matter: when a short-lived child (a pipeline, a
     * command substitution) is reaped, its time moves into its parent's cutime/cstime, so
     * the sum over a process tree does not drop when children come and go.
     */
    static OptionalLong cpuTicks(String stat) {
        // comm (field 2) is in parentheses and may itself contain spaces or ')': split
        // after the last ')'.
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return OptionalLong.empty();
        }
        String[] rest = stat.substring(end + 1).trim().split("\\s+");
        // rest[0] is field 3 (state); utime..cstime are fields 14..17.
        if (rest.length < 15) {
            return OptionalLong.empty();
        }
        try {
            long sum = 0;
            for (int field = 14; field <= 17; field++) {
                sum += Long.parseLong(rest[field - 3]);
            }
            return OptionalLong.of(sum);
        }
        catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Resident memory in bytes from the {@code VmRSS:} line of
     * {@code /proc/<pid>/status}; absent for zombies.
     */
    static OptionalLong residentBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024L);
                }
                catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

}
