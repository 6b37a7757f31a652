package com.agentnexus.events;

import static com.agentnexus.events.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExecutionEventsAssertTest {

    @Test
    void acceptsAWholeRun() {
        List<ExecutionEvent> events = aRun().events();

        assertThat(events).isCompleteRun().endsWith(ExecutionStatus.COMPLETED).hasSize(7);
    }

    @Test
    void acceptsARunWithoutLogLines() {
        ExecutionFixture run = ExecutionFixture.anExecution();
        run.pending();
        run.failed(3);

        assertThat(run.events()).isCompleteRun().endsWith(ExecutionStatus.FAILED);
    }

    @Test
    void keepsTheListAssertionsOfAssertJ() {
        List<ExecutionEvent> events = aRun().events();

        assertThat(events).filteredOn(LogLineEmitted.class::isInstance).hasSize(3);
        assertThat(events).extracting(ExecutionEvent::seq).startsWith(1L, 2L);
    }

    @Test
    void keepsTheElementTypeOfAListOfOneKind() {
        List<LogLineEmitted> lines = aRun().events()
            .stream()
            .filter(LogLineEmitted.class::isInstance)
            .map(LogLineEmitted.class::cast)
            .toList();

        assertThat(lines).anyMatch(line -> line.stream() == LogStream.STDERR)
            .extracting(LogLineEmitted::line)
            .containsExactly("one", "two", "three");
    }

    @Test
    void rejectsNoEvents() {
        assertThatThrownBy(() -> assertThat(List.<ExecutionEvent>of()).isCompleteRun())
            .isInstanceOf(AssertionError.class)
            .hasMessage("Expected a complete run but there were no events");
    }

    @Test
    void namesTheFirstGap() {
        List<ExecutionEvent> events = new ArrayList<>(aRun().events());
        events.remove(3);

        assertThatThrownBy(() -> assertThat(events).isCompleteRun())
            .hasMessage("Expected seq 1..6 in order but index 3 holds seq 5: seq 4 is missing (gap)");
    }

    @Test
    void namesTheFirstDuplicate() {
        List<ExecutionEvent> events = new ArrayList<>(aRun().events());
        events.add(3, events.get(2));

        assertThatThrownBy(() -> assertThat(events).isCompleteRun())
            .hasMessage("Expected seq 1..8 without duplicate but seq 3 appears again at index 3");
    }

    @Test
    void requiresSeqOrder() {
        List<ExecutionEvent> events = new ArrayList<>(aRun().events());
        Collections.swap(events, 2, 4);

        assertThatThrownBy(() -> assertThat(events).isCompleteRun())
            .hasMessage("Expected seq 1..7 in order but index 2 holds seq 5: seq 3 comes later (out of order)");
    }

    @Test
    void requiresATerminalStatusLast() {
        List<ExecutionEvent> events = aRun().events().subList(0, 6);

        assertThatThrownBy(() -> assertThat(events).isCompleteRun())
            .hasMessage("Expected the last event (seq 6) to be a terminal status but it was a resources sample");
    }

    @Test
    void rejectsATerminalStatusBeforeTheLastEvent() {
        ExecutionFixture run = ExecutionFixture.anExecution();
        run.pending();
        run.failed(1);
        run.completed("{}");

        assertThatThrownBy(() -> assertThat(run.events()).isCompleteRun())
            .hasMessage("Expected the terminal status to be the last event but FAILED came at seq 2 of 3");
    }

    @Test
    void requiresTheChecksumOfTheLogLinesInSeqOrder() {
        ExecutionFixture run = ExecutionFixture.anExecution();
        run.pending();
        run.stdout("first");
        ExecutionStatusChanged end = run.completed("{}");
        ExecutionStatusChanged wrong = new ExecutionStatusChanged(end.executionId(), end.agentId(), end.userId(),
                end.seq(), end.timestamp(), end.status(), end.agentName(), end.priceWei(), end.outputJson(), null, 0,
                end.durationMs(), end.eventCount(), new LogChecksum().update("other").value());
        List<ExecutionEvent> events = new ArrayList<>(run.events());
        events.set(2, wrong);

        assertThatThrownBy(() -> assertThat(events).isCompleteRun())
            .hasMessage(
                    "Expected the terminal status to carry the checksum of the run's 1 log lines <%s> but"
                            + " its logChecksum was <%s>",
                    new LogChecksum().update("first").value(), wrong.logChecksum());
    }

    @Test
    void endsWithNamesTheStatusItFound() {
        List<ExecutionEvent> events = aRun().events();

        assertThatThrownBy(() -> assertThat(events).endsWith(ExecutionStatus.CANCELLED)).hasMessage(
                "Expected the run to end with status CANCELLED but its last event (seq 7) was status" + " COMPLETED");
    }

    /** PENDING, RUNNING, three log lines, a sample, COMPLETED: seq 1..7. */
    private static ExecutionFixture aRun() {
        ExecutionFixture run = ExecutionFixture.anExecution();
        run.pending();
        run.running();
        run.stdout("one");
        run.stderr("two");
        run.stdout("three");
        run.resources(1024, 1.5);
        run.completed("{\"ok\":true}");
        return run;
    }

}
