package com.agentnexus.aggregator.ledger;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ResourcesSampled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSeriesTest {

    @Test
    void exportsTheLatestSampleOfARunningExecutionAndRemovesItAtItsTerminalStatus() {
        var run = anExecution().ofAgent("coder", "Coder", "1");
        var ledger = LedgerFixture.onePartition().apply(run.pending(), run.running(), run.resources(100, 1.5));
        ledger.apply(run.resources(200, 2.5));
        assertThat(ledger.containers().samples()).singleElement().satisfies(sample -> {
            assertThat(sample.memoryBytes()).isEqualTo(200);
            assertThat(sample.cpuPercent()).isEqualTo(2.5);
        });

        ledger.apply(run.completed("{}"));
        assertThat(ledger.containers().samples()).isEmpty();
    }

    @Test
    void aLateSampleDoesNotBringBackTheSeriesOfAnEndedExecution() {
        var run = anExecution().ofAgent("coder", "Coder", "1");
        var ledger = LedgerFixture.onePartition().apply(run.pending(), run.running());
        ResourcesSampled late = run.resources(100, 1.5);
        ledger.apply(run.completed("{}"));
        ledger.apply(late);
        assertThat(ledger.containers().samples()).isEmpty();
    }

    @Test
    void aSampleAndItsTerminalInOneBatchLeaveNoSeries() {
        var run = anExecution().ofAgent("coder", "Coder", "1");
        var ledger = LedgerFixture.onePartition().apply(run.pending(), run.running());
        ledger.apply(run.resources(100, 1.5), run.completed("{}"));
        assertThat(ledger.containers().samples()).isEmpty();
    }

    @Test
    void exportsAtMostTheCapAndCountsEachOmittedExecutionOnce() {
        var ledger = new LedgerFixture(3, 0);
        List<ExecutionFixture> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var run = anExecution().ofAgent("coder", "Coder", "1");
            runs.add(run);
            ledger.apply(run.pending(), run.running(), run.resources(100, 1));
        }
        runs.forEach(run -> ledger.apply(run.resources(200, 2)));
        assertThat(ledger.containers().samples()).hasSize(3);
        assertThat(ledger.containers().omitted()).isEqualTo(2);

        runs.forEach(run -> ledger.apply(run.completed("{}")));
        assertThat(ledger.containers().samples()).isEmpty();
        assertThat(ledger.containers().omitted()).isEqualTo(2);
    }

    @Test
    void forgetsTheSeriesOfARevokedPartition() {
        var ledger = new LedgerFixture(10, 0, 1);
        var onZero = anExecution().ofAgent("coder", "Coder", "1");
        var onOne = anExecution().ofAgent("coder", "Coder", "1");
        ledger.applyOn(0, onZero.pending(), onZero.running(), onZero.resources(1, 1));
        ledger.applyOn(1, onOne.pending(), onOne.running(), onOne.resources(1, 1));
        ledger.containers().forgetPartition(1);
        assertThat(ledger.containers().samples()).singleElement()
            .satisfies(sample -> assertThat(sample.executionId()).isEqualTo(onZero.executionId().value()));
    }

}
