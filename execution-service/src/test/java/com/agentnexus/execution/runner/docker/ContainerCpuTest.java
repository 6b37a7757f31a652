package com.agentnexus.execution.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerCpuTest {

    @Test
    void halfACoreOverOneSecondIsFiftyPercent() {
        assertThat(ContainerCpu.percent(1_000_000_000L, 1_500_000_000L, 1_000_000_000L)).isEqualTo(50.0);
    }

    @Test
    void twoBusyCoresAreTwoHundredPercent() {
        assertThat(ContainerCpu.percent(0, 1_000_000_000L, 500_000_000L)).isEqualTo(200.0);
    }

    @Test
    void noProgressOrNoTimeIsZero() {
        assertThat(ContainerCpu.percent(5, 5, 1_000_000L)).isZero();
        assertThat(ContainerCpu.percent(5, 3, 1_000_000L)).isZero();
        assertThat(ContainerCpu.percent(0, 10, 0)).isZero();
    }

}
