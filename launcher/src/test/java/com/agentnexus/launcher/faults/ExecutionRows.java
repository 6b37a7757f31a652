package com.agentnexus.launcher.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Whether each execution's row ({@code GET /api/executions/{id}}) reached the state its
 * terminal event carries.
 */
final class ExecutionRows {

    private ExecutionRows() {
    }

    /**
     * Polls until every row matches or the timeout passes; returns the rows that still
     * differ, and how.
     */
    static List<String> awaitMatchingTerminals(StackApi api, List<ExecutionTally> tallies, Duration timeout) {
        return Awaited.lastObservation("every row as its terminal event says", timeout, Duration.ofMillis(500),
                () -> mismatches(api, tallies), List::isEmpty);
    }

    private static List<String> mismatches(StackApi api, List<ExecutionTally> tallies) {
        List<String> mismatches = new ArrayList<>();
        for (ExecutionTally tally : tallies) {
            String mismatch = mismatch(tally, api.execution(tally.executionId()));
            if (mismatch != null) {
                mismatches.add(mismatch);
            }
        }
        return mismatches;
    }

    private static @Nullable String mismatch(ExecutionTally tally, @Nullable JsonNode row) {
        var terminal = tally.terminal();
        if (terminal == null) {
            return null; // the stream's own problem, reported there
        }
        String id = tally.executionId();
        if (row == null) {
            return id + ": the row could not be read";
        }
        String status = row.path("status").asString();
        String error = row.hasNonNull("error") ? row.path("error").asString() : null;
        Integer exitCode = row.hasNonNull("exitCode") ? row.path("exitCode").asInt() : null;
        if (!status.equals(terminal.status()) || !Objects.equals(error, terminal.error())
                || !Objects.equals(exitCode, terminal.exitCode())) {
            return id + ": row says " + status + (error == null ? "" : " \"" + error + "\"")
                    + (exitCode == null ? "" : " exit " + exitCode) + ", its terminal event " + terminal.status()
                    + (terminal.error() == null ? "" : " \"" + terminal.error() + "\"")
                    + (terminal.exitCode() == null ? "" : " exit " + terminal.exitCode());
        }
        return null;
    }

}
