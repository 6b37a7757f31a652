package com.agentnexus.execution.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuPercentTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void oneCoreBusyForTheWholeIntervalIsHundredPercent() {
        assertThat(CpuPercent.between(0, 0, 100, SECOND)).isEqualTo(100.0);
    }

    @Test
    void halfACoreOverTwoSecondsIsFiftyPercent() {
        assertThat(CpuPercent.between(200, 5 * SECOND, 300, 7 * SECOND)).isEqualTo(50.0);
    }

    @Test
    void neverNegativeWhenTicksLeaveTheTree() {
        assertThat(CpuPercent.between(500, 0, 300, SECOND)).isZero();
    }

    @Test
    void zeroForAnEmptyInterval() {
        assertThat(CpuPercent.between(0, SECOND, 10, SECOND)).isZero();
    }

    @Test
    void boundedByTheMachinesCores() {
        double ceiling = 100.0 * Runtime.getRuntime().availableProcessors();
        assertThat(CpuPercent.between(0, 0, 1, 1_000)).isEqualTo(ceiling);
    }

}
