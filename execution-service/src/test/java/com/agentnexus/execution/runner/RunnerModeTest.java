package com.agentnexus.execution.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RunnerModeTest {

    @Test
    void isAutoUnlessConfigured() {
        assertThat(RunnerMode.of(new MockEnvironment())).isEqualTo(RunnerMode.AUTO);
        assertThat(RunnerMode.of(new MockEnvironment().withProperty("agentnexus.runner.sample-interval", "1s")))
                .isEqualTo(RunnerMode.AUTO);
    }

    @Test
    void readsThePlainValueBesideTheRunnerSettings() {
        assertThat(RunnerMode.of(new MockEnvironment().withProperty("agentnexus.runner", "Docker")))
                .isEqualTo(RunnerMode.DOCKER);
        assertThat(RunnerMode.of(new MockEnvironment().withProperty("agentnexus.runner", " process ")))
                .isEqualTo(RunnerMode.PROCESS);
        assertThat(RunnerMode.PROCESS.usesDocker()).isFalse();
        assertThat(RunnerMode.AUTO.usesDocker()).isTrue();
    }

    @Test
    void rejectsAnUnknownRunner() {
        assertThatThrownBy(() -> RunnerMode.of(new MockEnvironment().withProperty("agentnexus.runner", "kubernetes")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("agentnexus.runner must be docker, process or auto, not 'kubernetes'");
    }
}
