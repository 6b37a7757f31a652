package com.agentnexus.launcher.faults;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one client received of one execution, checked against the ordering barrier of
 * docs/events.md: seq 1..n each exactly once, the terminal status last with
 * {@code eventCount} = n, and its {@code logChecksum} recomputed over the received lines
 * in seq order (common-events' {@code LogChecksum}: SHA-256 over each line + '\n').
 */
final class ExecutionTally {

    private final String executionId;

    private final BitSet seen = new BitSet();

    private final List<@Nullable String> linesBySeq = new ArrayList<>();

    private long received;

    private long duplicated;

    private long statusEvents;

    private long otherEvents;

    private long firstTimestamp = Long.MAX_VALUE;

    private long maxSeq;

    private ObservedEvent.@Nullable Terminal terminal;

    private long terminalTimestamp;

    private long expectedLogLines;

    private String reading = "not read";

    private boolean readComplete = true;

    ExecutionTally(String executionId) {
        this.executionId = executionId;
    }

    String executionId() {
        return executionId;
    }

    /**
     * The agent prints this many lines: expected are at least those, its three statuses
     * (PENDING, RUNNING, terminal) and the resource samples that arrived, whatever
     * {@code eventCount} the terminal status claims.
     */
    ExecutionTally expectingLogLines(long lines) {
        expectedLogLines = lines;
        return this;
    }

    void add(ObservedEvent event) {
        received++;
        long seq = event.seq();
        if (seq < 1 || seq > Integer.MAX_VALUE - 1 || seen.get((int) seq)) {
            duplicated++;
            return;
        }
        seen.set((int) seq);
        maxSeq = Math.max(maxSeq, seq);
        firstTimestamp = Math.min(firstTimestamp, event.timestamp());
        if (event.isLog()) {
            while (linesBySeq.size() <= seq) {
                linesBySeq.add(null);
            }
            linesBySeq.set((int) seq, event.line());
        }
        else if (event.status() != null) {
            statusEvents++;
        }
        else {
            otherEvents++;
        }
        if (event.terminal() != null) {
            terminal = event.terminal();
            terminalTimestamp = event.timestamp();
        }
    }

    /**
     * How the reader got these events (offsets read) and whether it got to the end it
     * aimed at.
     */
    void readFrom(String reading, boolean complete) {
        this.reading = reading;
        this.readComplete = complete;
    }

    String reading() {
        return reading;
    }

    boolean readComplete() {
        return readComplete;
    }

    /**
     * The expected seqs never received, as inclusive ranges {@code [from, to]}, lowest
     * first.
     */
    List<long[]> missingRanges() {
        List<long[]> ranges = new ArrayList<>();
        long expected = Math.min(expected(), Integer.MAX_VALUE - 1);
        int from = seen.nextClearBit(1);
        while (from <= expected) {
            int to = (int) Math.min(expected, seen.nextSetBit(from) < 0 ? expected : seen.nextSetBit(from) - 1);
            ranges.add(new long[] { from, to });
            from = seen.nextClearBit(to + 1);
        }
        return ranges;
    }

    /**
     * {@link #missingRanges()} as text: {@code 999,271..1,000,077 (807)}; at most
     * {@code limit} ranges.
     */
    String missingText(int limit) {
        List<long[]> ranges = missingRanges();
        var text = new StringBuilder();
        for (long[] range : ranges.subList(0, Math.min(limit, ranges.size()))) {
            text.append(text.length() == 0 ? "" : ", ")
                .append(String.format("%,d..%,d (%,d)", range[0], range[1], range[1] - range[0] + 1));
        }
        if (ranges.size() > limit) {
            text.append(", … ").append(ranges.size() - limit).append(" more ranges");
        }
        return ranges.isEmpty() ? "none" : text.toString();
    }

    boolean hasTerminal() {
        return terminal != null;
    }

    ObservedEvent.@Nullable Terminal terminal() {
        return terminal;
    }

    /** The highest seq received so far (a subscriber resumes after it). */
    long lastSeq() {
        return maxSeq;
    }

    long received() {
        return received;
    }

    long duplicated() {
        return duplicated;
    }

    long logLines() {
        return seen.cardinality() - statusEvents - otherEvents;
    }

    /**
     * Events the execution should have: the terminal's {@code eventCount} (else the
     * highest seq), or more.
     */
    long expected() {
        long events = terminal != null ? terminal.eventCount() : maxSeq;
        long floor = expectedLogLines == 0 ? 0 : expectedLogLines + 3 + otherEvents;
        return Math.max(events, floor);
    }

    long distinct() {
        return seen.cardinality();
    }

    long lost() {
        long expected = expected();
        long inRange = expected >= Integer.MAX_VALUE ? seen.cardinality()
                : seen.get(1, (int) expected + 1).cardinality();
        return expected - inRange;
    }

    /** The terminal status's own timestamp (epoch ms); -1 before it arrived. */
    long terminalTimestamp() {
        return terminal == null ? -1 : terminalTimestamp;
    }

    /**
     * Milliseconds from the first received event (PENDING) to the terminal status, by the
     * events' own clocks.
     */
    long spanMs() {
        return terminal == null ? -1 : terminalTimestamp - firstTimestamp;
    }

    /** Everything wrong with the stream; empty for a complete run. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (terminal == null) {
            problems.add(executionId + ": no terminal status received (last seq " + maxSeq + "; " + reading + ")");
            return problems;
        }
        if (!readComplete) {
            problems.add(executionId + ": the reader stopped before the end (" + reading + ")");
        }
        if (lost() > 0) {
            problems
                .add(executionId + ": " + lost() + " of " + expected() + " events lost (seqs " + missingText(5) + ")");
        }
        if (duplicated > 0) {
            problems.add(executionId + ": " + duplicated + " events duplicated");
        }
        if (maxSeq != terminal.eventCount()) {
            problems.add(executionId + ": terminal eventCount " + terminal.eventCount() + " but highest seq " + maxSeq);
        }
        if (problems.isEmpty() && !checksum().equals(terminal.logChecksum())) {
            problems.add(executionId + ": log checksum " + checksum() + " differs from the terminal's "
                    + terminal.logChecksum());
        }
        return problems;
    }

    private String checksum() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String line : linesBySeq) {
            if (line != null) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

}
