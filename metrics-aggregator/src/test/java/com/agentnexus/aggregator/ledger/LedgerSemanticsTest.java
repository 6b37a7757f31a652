package com.agentnexus.aggregator.ledger;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.Topics;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerSemanticsTest {

    private static final String PRICE = "123456789012345678901234";

    @Test
    void countsOneExecutionItsStatusesDurationAndRevenue() {
        var run = anExecution().ofAgent("coder", "Coder", PRICE);
        var ledger = LedgerFixture.onePartition().apply(run.pending(), run.running(), run.completed("{}"));

        assertThat(ledger.total(Metric.EXECUTIONS, "coder", "Coder")).isEqualTo(1);
        for (String status : List.of("PENDING", "RUNNING", "COMPLETED")) {
            assertThat(ledger.total(Metric.STATUS, status, "coder")).as(status).isEqualTo(1);
        }
        assertThat(ledger.total(Metric.REVENUE_WEI, "coder", "Coder")).isEqualTo(new BigInteger(PRICE));
        assertThat(ledger.total(Metric.REVENUE_EXECUTIONS, "coder", "Coder")).isEqualTo(1);
        assertThat(ledger.total(Metric.DURATION_BUCKET, "coder", "COMPLETED", "0")).isEqualTo(1);
        assertThat(ledger.running("coder", "Coder")).isZero();
    }

    @Test
    void countsEveryEventOnceWhenTheWholeRunIsDeliveredTwice() {
        var run = anExecution().ofAgent("coder", "Coder", PRICE);
        var events = List.of(run.pending(), run.running(), run.completed("{}"));
        var ledger = LedgerFixture.onePartition();
        events.forEach(ledger::apply);
        events.forEach(ledger::apply);
        ledger.apply(events.toArray(new com.agentnexus.events.ExecutionEvent[0]));

        assertThat(ledger.total(Metric.EXECUTIONS, "coder", "Coder")).isEqualTo(1);
        assertThat(ledger.total(Metric.STATUS, "COMPLETED", "coder")).isEqualTo(1);
        assertThat(ledger.total(Metric.REVENUE_WEI, "coder", "Coder")).isEqualTo(new BigInteger(PRICE));
        assertThat(ledger.total(Metric.DURATION_BUCKET, "coder", "COMPLETED", "0")).isEqualTo(1);
        assertThat(ledger.total(Metric.DUPLICATES)).isEqualTo(6);
    }

    @Test
    void countsADuplicateWithinOneBatchOnce() {
        var run = anExecution().ofAgent("coder", "Coder", PRICE);
        ExecutionStatusChanged pending = run.pending();
        var ledger = LedgerFixture.onePartition().apply(pending, pending, run.running());

        assertThat(ledger.total(Metric.EXECUTIONS, "coder", "Coder")).isEqualTo(1);
        assertThat(ledger.total(Metric.STATUS, "PENDING", "coder")).isEqualTo(1);
        assertThat(ledger.running("coder", "Coder")).isEqualTo(1);
    }

    @Test
    void earnsRevenueOnlyFromCompletedExecutions() {
        var ledger = LedgerFixture.onePartition();
        for (ExecutionStatus end : List.of(ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT,
                ExecutionStatus.CANCELLED)) {
            var run = anExecution().ofAgent("coder", "Coder", PRICE);
            ledger.apply(run.pending(), run.running(), run.terminal(end, null, "ended", 1));
        }
        assertThat(ledger.total(Metric.REVENUE_WEI, "coder", "Coder")).isZero();
        assertThat(ledger.total(Metric.REVENUE_EXECUTIONS, "coder", "Coder")).isZero();
        assertThat(ledger.total(Metric.EXECUTIONS, "coder", "Coder")).isEqualTo(3);
    }

    @Test
    void runningGaugeRisesOnRunningFallsOnTheTerminalAndNeverGoesNegative() {
        var first = anExecution().ofAgent("coder", "Coder", PRICE);
        var second = anExecution().ofAgent("coder", "Coder", PRICE);
        var cancelledWhilePending = anExecution().ofAgent("coder", "Coder", PRICE);
        var ledger = LedgerFixture.onePartition()
            .apply(first.pending(), first.running(), second.pending(), second.running());
        assertThat(ledger.running("coder", "Coder")).isEqualTo(2);

        ExecutionStatusChanged firstEnd = first.failed(2);
        ledger.apply(firstEnd).apply(firstEnd);
        assertThat(ledger.running("coder", "Coder")).isEqualTo(1);

        ledger.apply(cancelledWhilePending.pending(),
                cancelledWhilePending.terminal(ExecutionStatus.CANCELLED, null, "cancelled", null));
        assertThat(ledger.running("coder", "Coder")).isEqualTo(1);

        ledger.apply(second.completed("{}"));
        assertThat(ledger.running("coder", "Coder")).isZero();
    }

    @Test
    void anExecutionRunningBeforeARestartDecrementsOnceWhenItEndsAfterIt() {
        var run = anExecution().ofAgent("coder", "Coder", PRICE);
        var before = LedgerFixture.onePartition().apply(run.pending(), run.running());
        var stored = before.stored().values();
        Map<SeriesKey, BigInteger> totals = before.partition(0).totals();

        var after = LedgerFixture.restartedWith(stored, totals);
        assertThat(after.running("coder", "Coder")).isEqualTo(1);
        ExecutionStatusChanged end = run.completed("{}");
        after.apply(end).apply(end);

        assertThat(after.running("coder", "Coder")).isZero();
        assertThat(after.total(Metric.EXECUTIONS, "coder", "Coder")).isEqualTo(1);
        assertThat(after.total(Metric.REVENUE_WEI, "coder", "Coder")).isEqualTo(new BigInteger(PRICE));
    }

    @Test
    void anEndedExecutionTheStoreRemembersIsNotCountedAgain() {
        var run = anExecution().ofAgent("coder", "Coder", PRICE);
        var ledger = LedgerFixture.onePartition();
        var pending = run.pending();
        var running = run.running();
        var end = run.completed("{}");
        ledger.apply(pending, running, end);
        // open executions leave memory when they end; a late redelivery finds them in the
        // store
        assertThat(ledger.partition(0).open(run.executionId().value())).isNull();
        ledger.apply(pending, running, end);

        assertThat(ledger.total(Metric.EXECUTIONS, "coder", "Coder")).isEqualTo(1);
        assertThat(ledger.total(Metric.REVENUE_WEI, "coder", "Coder")).isEqualTo(new BigInteger(PRICE));
    }

    @Test
    void durationBucketsFollowPrometheusLessOrEqual() {
        assertThat(DurationBuckets.indexOf(0)).isZero();
        assertThat(DurationBuckets.indexOf(100)).isZero();
        assertThat(DurationBuckets.indexOf(101)).isEqualTo(1);
        assertThat(DurationBuckets.indexOf(300_000)).isEqualTo(10);
        assertThat(DurationBuckets.indexOf(300_001)).isEqualTo(11);
        assertThat(DurationBuckets.upperBoundsSeconds()).hasSize(12);
    }

    @Test
    void countsRejectedRecordsPerTopic() {
        var ledger = LedgerFixture.onePartition().reject(Topics.DEFAULTS.status()).reject(Topics.DEFAULTS.status());
        assertThat(ledger.total(Metric.REJECTED, Topics.DEFAULTS.status())).isEqualTo(2);
    }

    @Test
    void sumsDurationsBeyondALongExactly() {
        var ledger = LedgerFixture.onePartition();
        for (int i = 0; i < 3; i++) {
            var run = anExecution().ofAgent("coder", "Coder", PRICE);
            var pending = run.pending();
            var running = run.running();
            ExecutionStatusChanged end = run.completed("{}");
            ledger.apply(pending, running,
                    new ExecutionStatusChanged(end.executionId(), end.agentId(), end.userId(), end.seq(),
                            end.timestamp(), end.status(), end.agentName(), end.priceWei(), end.outputJson(), null, 0,
                            Long.MAX_VALUE, end.eventCount(), end.logChecksum()));
        }
        assertThat(ledger.total(Metric.DURATION_SUM_MS, "coder", "COMPLETED"))
            .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(3)));
    }

    @Test
    void anExecutionWhoseEventsMovePartitionNeverDrivesAGaugeBelowZero() {
        // the topics gained partitions while it ran: its terminal status hashes to
        // another partition
        var run = anExecution().ofAgent("coder", "Coder", PRICE);
        var ledger = new LedgerFixture(1_000, 0, 1);
        ExecutionStatusChanged pending = run.pending();
        ledger.applyOn(0, pending, run.running());
        ledger.applyOn(1, run.completed("{}"));
        ledger.applyOn(1, pending);

        assertThat(ledger.partition(1).running().values()).allMatch(count -> count >= 0);
        assertThat(ledger.total(Metric.EXECUTIONS, "coder", "Coder")).isEqualTo(1);
        assertThat(ledger.total(Metric.STATUS, "COMPLETED", "coder")).isEqualTo(1);
    }

}
