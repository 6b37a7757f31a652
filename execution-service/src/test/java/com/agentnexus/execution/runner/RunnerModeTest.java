package com.agentnexus.execution.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Which runner is selected, through what the application does at start-up: the deprecated
 * name is mapped by {@link DeprecatedRunnerProperty}, then {@link RunnerProperties} is
 * bound and {@link RunnerMode#of} is asked (the Docker configuration's condition).
 */
class RunnerModeTest {

    @Test
    void isAutoUnlessConfigured() {
        var environment = started(Map.of("agentnexus.runner.sample-interval", "1s"));

        assertThat(RunnerMode.of(environment)).isEqualTo(RunnerMode.AUTO);
        assertThat(runnerProperties(environment).mode()).isEqualTo(RunnerMode.AUTO);
        assertThat(DeprecatedRunnerProperty.selectedTheMode(environment)).isFalse();
    }

    @Test
    void theModeSelectsTheRunner() {
        var environment = started(
                Map.of("agentnexus.runner.mode", "Docker", "agentnexus.runner.sample-interval", "2s"));

        assertThat(RunnerMode.of(environment)).isEqualTo(RunnerMode.DOCKER);
        assertThat(runnerProperties(environment).mode()).isEqualTo(RunnerMode.DOCKER);
        assertThat(runnerProperties(environment).sampleInterval()).hasSeconds(2);
        assertThat(DeprecatedRunnerProperty.selectedTheMode(environment)).isFalse();
        assertThat(RunnerMode.of(started(Map.of("agentnexus.runner.mode", " process ")))).isEqualTo(RunnerMode.PROCESS);
    }

    @Test
    void theDeprecatedPlainValueStillSelectsTheRunnerAndIsReportedAsDeprecated() {
        var environment = started(Map.of("agentnexus.runner", "process"));

        assertThat(RunnerMode.of(environment)).isEqualTo(RunnerMode.PROCESS);
        assertThat(runnerProperties(environment).mode()).isEqualTo(RunnerMode.PROCESS);
        assertThat(DeprecatedRunnerProperty.selectedTheMode(environment)).isTrue();
    }

    @Test
    void theDeprecatedEnvironmentVariableStillSelectsTheRunner() {
        var environment = new StandardEnvironment();
        environment.getPropertySources()
            .addFirst(new SystemEnvironmentPropertySource("env",
                    Map.of("AGENTNEXUS_RUNNER", "docker", "AGENTNEXUS_RUNNER_SAMPLE_INTERVAL", "3s")));
        postProcess(environment);

        assertThat(RunnerMode.of(environment)).isEqualTo(RunnerMode.DOCKER);
        assertThat(runnerProperties(environment).sampleInterval()).hasSeconds(3);
        assertThat(DeprecatedRunnerProperty.selectedTheMode(environment)).isTrue();
    }

    @Test
    void everyApplicationStartMapsTheDeprecatedName() {
        // registered in META-INF/spring.factories: a bare application (no configuration
        // files) still gets it
        try (var context = new SpringApplicationBuilder(Bare.class).web(WebApplicationType.NONE)
            .properties("spring.config.name=none", "agentnexus.runner=docker")
            .run()) {
            assertThat(RunnerMode.of(context.getEnvironment())).isEqualTo(RunnerMode.DOCKER);
            assertThat(DeprecatedRunnerProperty.selectedTheMode(context.getEnvironment())).isTrue();
        }
    }

    @Test
    void theNewNameWinsOverTheDeprecatedOne() {
        var environment = started(Map.of("agentnexus.runner", "docker", "agentnexus.runner.mode", "process"));

        assertThat(RunnerMode.of(environment)).isEqualTo(RunnerMode.PROCESS);
        assertThat(DeprecatedRunnerProperty.selectedTheMode(environment)).isFalse();
    }

    @Test
    void rejectsAnUnknownRunnerUnderEitherName() {
        assertThatThrownBy(() -> RunnerMode.of(started(Map.of("agentnexus.runner.mode", "kubernetes"))))
            .isInstanceOf(BindException.class)
            .hasMessageContaining("agentnexus.runner.mode");
        assertThatThrownBy(() -> RunnerMode.of(started(Map.of("agentnexus.runner", "kubernetes"))))
            .isInstanceOf(BindException.class)
            .hasMessageContaining("agentnexus.runner.mode");
    }

    @Test
    void onlyTheProcessRunnerLeavesDockerAlone() {
        assertThat(RunnerMode.PROCESS.usesDocker()).isFalse();
        assertThat(RunnerMode.AUTO.usesDocker()).isTrue();
        assertThat(RunnerMode.DOCKER.usesDocker()).isTrue();
    }

    @Configuration(proxyBeanMethods = false)
    static class Bare {

    }

    private static ConfigurableEnvironment started(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        postProcess(environment);
        return environment;
    }

    private static void postProcess(ConfigurableEnvironment environment) {
        new DeprecatedRunnerProperty(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
    }

    private static RunnerProperties runnerProperties(ConfigurableEnvironment environment) {
        return Binder.get(environment).bindOrCreate("agentnexus.runner", RunnerProperties.class);
    }

}
