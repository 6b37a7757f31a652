package com.agentnexus.execution.runner;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Which runner runs executions, from {@code agentnexus.runner} ({@code AGENTNEXUS_RUNNER}): {@code docker},
 * {@code process}, or {@code auto} (the default: Docker while the engine answers its pings, else the process runner).
 * A plain value beside the {@code agentnexus.runner.*} settings, so it is set on the command line, in the
 * environment or in another configuration file than the one holding those.
 */
public enum RunnerMode {
    DOCKER, PROCESS, AUTO;

    public static final String PROPERTY = "agentnexus.runner";

    public static RunnerMode of(Environment environment) {
        String value = environment.getProperty(PROPERTY, "auto").trim();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " must be docker, process or auto, not '" + value + "'", e);
        }
    }

    public boolean usesDocker() {
        return this != PROCESS;
    }
}
