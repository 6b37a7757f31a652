package com.agentnexus.execution.runner;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which runner runs executions, from {@code agentnexus.runner.mode}
 * ({@code AGENTNEXUS_RUNNER_MODE}): {@code docker}, {@code process}, or {@code auto} (the
 * default: Docker while the engine answers its pings, else the process runner). The
 * former plain value {@code agentnexus.runner} ({@code AGENTNEXUS_RUNNER}) still selects
 * it, with a deprecation warning ({@link DeprecatedRunnerProperty}).
 */
public enum RunnerMode {

    DOCKER, PROCESS, AUTO;

    public static final String PROPERTY = "agentnexus.runner.mode";

    /**
     * The configured mode, for what must know it before {@link RunnerProperties} is bound
     * (a condition); the same binding as the record's, so case and surrounding blanks do
     * not matter and an unknown value fails start-up.
     */
    public static RunnerMode of(Environment environment) {
        return Binder.get(environment).bind(PROPERTY, RunnerMode.class).orElse(AUTO);
    }

    public boolean usesDocker() {
        return this != PROCESS;
    }

}
