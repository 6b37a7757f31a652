package com.agentnexus.gateway.subscription;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {

    private final ExecutionFixture run = anExecution();

    private final ExecutionEvent pending = run.pending();

    private final ExecutionEvent running = run.running();

    private final ExecutionEvent line = run.stdout("hello");

    private final ExecutionEvent sample = run.resources(1024, 12.5);

    private final ExecutionEvent completed = run.completed("{\"ok\":true}");

    @Test
    void releasesEventsThatArriveInOrderAtOnce() {
        var buffer = new ReorderBuffer(0);

        assertThat(buffer.accept(pending)).containsExactly(pending);
        assertThat(buffer.accept(running)).containsExactly(running);
        assertThat(buffer.nextSeq()).isEqualTo(3);
    }

    @Test
    void holdsLaterSeqsUntilTheGapFills() {
        // the three topics are read independently: status, resource and log events
        // interleave arbitrarily
        var buffer = new ReorderBuffer(0);

        assertThat(buffer.accept(completed)).isEmpty();
        assertThat(buffer.accept(sample)).isEmpty();
        assertThat(buffer.accept(pending)).containsExactly(pending);
        assertThat(buffer.accept(line)).isEmpty();
        assertThat(buffer.heldCount()).isEqualTo(3);
        assertThat(buffer.accept(running)).containsExactly(running, line, sample, completed);
        assertThat(buffer.heldCount()).isZero();
    }

    @Test
    void dropsDuplicatesWhetherAlreadyReleasedOrStillHeld() {
        // replay and live overlap at the hand-over, so the same seq arrives twice
        var buffer = new ReorderBuffer(0);
        List<ExecutionEvent> released = new ArrayList<>();

        for (ExecutionEvent event : List.of(pending, line, pending, line, running, running, line, sample, completed,
                sample, completed)) {
            released.addAll(buffer.accept(event));
        }

        assertThat(released).containsExactly(pending, running, line, sample, completed);
    }

    @Test
    void resumesAfterFromSeq() {
        var buffer = new ReorderBuffer(2);

        assertThat(buffer.accept(pending)).isEmpty();
        assertThat(buffer.accept(running)).isEmpty();
        assertThat(buffer.accept(sample)).isEmpty();
        assertThat(buffer.accept(line)).containsExactly(line, sample);
    }

}
