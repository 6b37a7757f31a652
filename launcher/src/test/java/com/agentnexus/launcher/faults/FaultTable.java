package com.agentnexus.launcher.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's result, one row per scenario, printed when the suite ends (and written to
 * the file named by {@code agentnexus.faults.table}): figures and findings, never a
 * pass/fail on timing.
 */
final class FaultTable {

    /**
     * One scenario's outcome. {@code expected}: events the executions should have (their
     * terminal statuses' {@code eventCount}, or more where the agent's own output says
     * so); {@code received}: events read, duplicates included; {@code consistent}: every
     * final state (terminal status, row, revenue, agents gone) is what the scenario
     * requires. -1 means not measured.
     */
    record Row(String scenario, long expected, long received, long lost, long duplicated, boolean consistent,
            List<String> notes) {

        static Row skipped(String scenario, String why) {
            return new Row(scenario, -1, -1, -1, -1, true, List.of("skipped: " + why));
        }

        /**
         * Sums the tallies; consistent when neither a stream nor a state has a problem.
         */
        static Row of(String scenario, List<ExecutionTally> tallies, List<String> problems, List<String> notes) {
            List<String> all = new ArrayList<>(notes);
            all.addAll(problems);
            return new Row(scenario, tallies.stream().mapToLong(ExecutionTally::expected).sum(),
                    tallies.stream().mapToLong(ExecutionTally::received).sum(),
                    tallies.stream().mapToLong(ExecutionTally::lost).sum(),
                    tallies.stream().mapToLong(ExecutionTally::duplicated).sum(), problems.isEmpty(), all);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(Row row) {
        rows.add(row);
    }

    synchronized String render() {
        String[] header = { "scenario", "events expected", "received", "lost", "duplicated",
                "final states consistent" };
        List<String[]> cells = new ArrayList<>();
        cells.add(header);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            cells.add(new String[] { (r + 1) + ". " + row.scenario(), figure(row.expected()), figure(row.received()),
                    figure(row.lost()), figure(row.duplicated()),
                    row.notes().stream().anyMatch(n -> n.startsWith("skipped")) ? "-"
                            : row.consistent() ? "yes" : "NO" });
        }
        int[] widths = new int[header.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        var out = new StringBuilder("\nFault suite\n\n");
        for (int r = 0; r < cells.size(); r++) {
            String[] line = cells.get(r);
            for (int i = 0; i < line.length; i++) {
                String cell = i == 0 ? pad(line[i], widths[i], false) : pad(line[i], widths[i], true);
                out.append(i == 0 ? "" : " | ").append(cell);
            }
            out.append('\n');
            if (r == 0) {
                for (int i = 0; i < widths.length; i++) {
                    out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
                }
                out.append('\n');
            }
        }
        out.append('\n');
        for (int r = 0; r < rows.size(); r++) {
            for (String note : rows.get(r).notes()) {
                out.append("  [").append(r + 1).append("] ").append(note).append('\n');
            }
        }
        return out.toString();
    }

    void print(PrintStream out) {
        String table = render();
        out.println(table);
        String file = System.getProperty("agentnexus.faults.table");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), table);
            }
            catch (IOException e) {
                out.println("could not write " + file + ": " + e);
            }
        }
    }

    private static String figure(long value) {
        return value < 0 ? "-" : String.format("%,d", value);
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(width - text.length());
        return right ? fill + text : text + fill;
    }

}
