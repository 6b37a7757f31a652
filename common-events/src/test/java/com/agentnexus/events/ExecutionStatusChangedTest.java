package com.agentnexus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The ordering barrier: a terminal status proves the subscriber saw the whole execution.
 */
class ExecutionStatusChangedTest {

    private static final String CHECKSUM = new LogChecksum().value();

    @Test
    void onlyPendingAndRunningAreNotTerminal() {
        for (ExecutionStatus status : ExecutionStatus.values()) {
            boolean expectedTerminal = status != ExecutionStatus.PENDING && status != ExecutionStatus.RUNNING;
            assertThat(status.isTerminal()).as(status.name()).isEqualTo(expectedTerminal);
        }
    }

    @Test
    void terminalStatusCarriesEventCountEqualToItsSeq() {
        assertThatIllegalArgumentException().isThrownBy(() -> terminal(5, 4L, CHECKSUM, 10L))
            .withMessageContaining("eventCount");
        assertThatIllegalArgumentException().isThrownBy(() -> terminal(5, null, CHECKSUM, 10L));
    }

    @Test
    void terminalStatusCarriesALogChecksum() {
        assertThatNullPointerException().isThrownBy(() -> terminal(5, 5L, null, 10L))
            .withMessageContaining("logChecksum");
    }

    @Test
    void terminalStatusCarriesADuration() {
        assertThatNullPointerException().isThrownBy(() -> terminal(5, 5L, CHECKSUM, null))
            .withMessageContaining("durationMs");
    }

    @Test
    void aCompleteTerminalStatusIsTerminal() {
        assertThat(terminal(5, 5L, CHECKSUM, 10L).isTerminal()).isTrue();
    }

    @Test
    void transitionRefusesATerminalStatus() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ExecutionStatusChanged.transition(GoldenEvents.EXECUTION_ID, GoldenEvents.DEMO_WORKER,
                    GoldenEvents.ALICE, 1, 1L, ExecutionStatus.COMPLETED, "Demo worker", null));
    }

    @Test
    void transitionBuildsANonTerminalStatusWithoutBarrierFields() {
        ExecutionStatusChanged running = ExecutionStatusChanged.transition(GoldenEvents.EXECUTION_ID,
                GoldenEvents.DEMO_WORKER, GoldenEvents.ALICE, 2, 1L, ExecutionStatus.RUNNING, "Demo worker", null);

        assertThat(running.isTerminal()).isFalse();
        assertThat(running.eventCount()).isNull();
        assertThat(running.logChecksum()).isNull();
    }

    @Test
    void rejectsANegativePrice() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ExecutionStatusChanged.transition(GoldenEvents.EXECUTION_ID, GoldenEvents.DEMO_WORKER,
                    GoldenEvents.ALICE, 1, 1L, ExecutionStatus.PENDING, "Demo worker", BigInteger.valueOf(-1)));
    }

    @Test
    void fixtureEndsEveryExecutionWithAProvableBarrier() {
        var run = ExecutionFixture.anExecution();
        run.pending();
        run.running();
        run.stdout("hello");
        run.stderr("world");
        ExecutionStatusChanged completed = run.completed("{}");

        assertThat(completed.eventCount()).isEqualTo(run.events().size()).isEqualTo(completed.seq());
        assertThat(completed.logChecksum()).isEqualTo(new LogChecksum().update("hello").update("world").value());
        assertThat(run.events()).extracting(ExecutionEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    private static ExecutionStatusChanged terminal(long seq, Long eventCount, String checksum, Long durationMs) {
        return new ExecutionStatusChanged(GoldenEvents.EXECUTION_ID, GoldenEvents.DEMO_WORKER, GoldenEvents.ALICE, seq,
                1L, ExecutionStatus.FAILED, "Demo worker", null, null, "boom", 1, durationMs, eventCount, checksum);
    }

}
