package com.agentnexus.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.FactoryBasedNavigableListAssert;
import org.assertj.core.api.ObjectAssert;

/**
 * AssertJ assertions on the events of one execution. The list is taken in the order
 * given: the run must already be in seq order, so a reader that collects from several
 * topics sorts by seq first (as {@code EventsOnKafka} does) and a test of the producer
 * proves its order too. Every list assertion of AssertJ stays available.
 */
public class ExecutionEventsAssert<E extends ExecutionEvent>
        extends FactoryBasedNavigableListAssert<ExecutionEventsAssert<E>, List<? extends E>, E, ObjectAssert<E>> {

    public ExecutionEventsAssert(List<? extends E> events) {
        super(events, ExecutionEventsAssert.class, ObjectAssert::new);
    }

    /**
     * The events are a whole run, as the contract promises a subscriber: seq 1..n in
     * order without gap or duplicate, exactly one terminal status and it is last, its
     * {@code eventCount} is n and its {@code logChecksum} is the {@link LogChecksum} over
     * the log lines in seq order.
     */
    public ExecutionEventsAssert<E> isCompleteRun() {
        isNotNull();
        if (actual.isEmpty()) {
            failWithMessage("Expected a complete run but there were no events");
        }
        checkSeqIsOneToN();
        ExecutionStatusChanged terminal = checkTerminalIsLast();
        int n = actual.size();
        if (terminal.eventCount() == null || terminal.eventCount() != n) {
            // unreachable while the record's constructor ties eventCount to seq; kept so
            // the check stands alone
            failWithMessage(
                    "Expected the terminal status (seq %s) to count the run's %s events but its eventCount" + " was %s",
                    terminal.seq(), n, terminal.eventCount());
        }
        String recomputed = checksumOfLogLines();
        if (!recomputed.equals(terminal.logChecksum())) {
            failWithMessage("Expected the terminal status to carry the checksum of the run's %s log lines <%s> but its"
                    + " logChecksum was <%s>", logLineCount(), recomputed, terminal.logChecksum());
        }
        return myself;
    }

    /** The last event is a status change to {@code status}. */
    public ExecutionEventsAssert<E> endsWith(ExecutionStatus status) {
        isNotEmpty();
        ExecutionEvent last = actual.get(actual.size() - 1);
        if (!(last instanceof ExecutionStatusChanged change) || change.status() != status) {
            failWithMessage("Expected the run to end with status %s but its last event (seq %s) was %s", status,
                    last.seq(), describe(last));
        }
        return myself;
    }

    private void checkSeqIsOneToN() {
        Set<Long> seen = new HashSet<>();
        Set<Long> all = new HashSet<>();
        actual.forEach(event -> all.add(event.seq()));
        for (int index = 0; index < actual.size(); index++) {
            long seq = actual.get(index).seq();
            long expected = index + 1L;
            if (!seen.add(seq)) {
                failWithMessage("Expected seq 1..%s without duplicate but seq %s appears again at index %s",
                        actual.size(), seq, index);
            }
            if (seq != expected) {
                String problem = all.contains(expected) ? "seq " + expected + " comes later (out of order)"
                        : "seq " + expected + " is missing (gap)";
                failWithMessage("Expected seq 1..%s in order but index %s holds seq %s: %s", actual.size(), index, seq,
                        problem);
            }
        }
    }

    private ExecutionStatusChanged checkTerminalIsLast() {
        int last = actual.size() - 1;
        for (int index = 0; index < last; index++) {
            ExecutionEvent event = actual.get(index);
            if (event instanceof ExecutionStatusChanged change && change.isTerminal()) {
                failWithMessage("Expected the terminal status to be the last event but %s came at seq %s of %s",
                        change.status(), change.seq(), actual.size());
            }
        }
        ExecutionEvent end = actual.get(last);
        if (!(end instanceof ExecutionStatusChanged change) || !change.isTerminal()) {
            failWithMessage("Expected the last event (seq %s) to be a terminal status but it was %s", end.seq(),
                    describe(end));
            throw new AssertionError("unreachable");
        }
        return change;
    }

    private String checksumOfLogLines() {
        LogChecksum checksum = new LogChecksum();
        logLines().forEach(line -> checksum.update(line.line()));
        return checksum.value();
    }

    private long logLineCount() {
        return logLines().size();
    }

    private List<LogLineEmitted> logLines() {
        List<LogLineEmitted> lines = new ArrayList<>();
        actual.stream().filter(LogLineEmitted.class::isInstance).map(LogLineEmitted.class::cast).forEach(lines::add);
        return lines;
    }

    private static String describe(ExecutionEvent event) {
        return event.accept(new ExecutionEvent.Visitor<String>() {
            @Override
            public String log(LogLineEmitted log) {
                return "a log line";
            }

            @Override
            public String status(ExecutionStatusChanged status) {
                return "status " + status.status();
            }

            @Override
            public String resources(ResourcesSampled resources) {
                return "a resources sample";
            }
        });
    }

    @Override
    protected ExecutionEventsAssert<E> newAbstractIterableAssert(Iterable<? extends E> iterable) {
        List<E> events = new ArrayList<>();
        iterable.forEach(events::add);
        return new ExecutionEventsAssert<>(events);
    }

}
