package com.agentnexus.execution.runner;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the former {@code agentnexus.runner=docker|process|auto}
 * ({@code AGENTNEXUS_RUNNER}) working. That plain value collided with the
 * {@code agentnexus.runner.*} settings beside it (a YAML file could not hold both), so
 * the mode is now {@code agentnexus.runner.mode}. When only the old name is set, its
 * value is offered as {@code agentnexus.runner.mode}, in a property source of the lowest
 * precedence, and one WARN line says so; when both are set, the new name wins (and the
 * warning says the old one is ignored). Registered in {@code META-INF/spring.factories},
 * so it runs once per application start, after the configuration files are read.
 */
public class DeprecatedRunnerProperty implements EnvironmentPostProcessor {

    public static final String DEPRECATED_PROPERTY = "agentnexus.runner";

    /** Present in the environment exactly when the deprecated name selected the mode. */
    public static final String PROPERTY_SOURCE = "agentnexus.runner (deprecated)";

    private final Log log;

    public DeprecatedRunnerProperty(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DeprecatedRunnerProperty.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String deprecated = environment.getProperty(DEPRECATED_PROPERTY);
        if (deprecated == null) {
            return;
        }
        if (environment.containsProperty(RunnerMode.PROPERTY)) {
            log.warn(DEPRECATED_PROPERTY + " (AGENTNEXUS_RUNNER) is deprecated and ignored because "
                    + RunnerMode.PROPERTY + " is set; remove it");
            return;
        }
        environment.getPropertySources()
            .addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of(RunnerMode.PROPERTY, deprecated)));
        log.warn(DEPRECATED_PROPERTY + "=" + deprecated.trim() + " (AGENTNEXUS_RUNNER) is deprecated; use "
                + RunnerMode.PROPERTY + " (AGENTNEXUS_RUNNER_MODE) instead");
    }

    /** Whether the deprecated name selected the mode in {@code environment}. */
    public static boolean selectedTheMode(ConfigurableEnvironment environment) {
        return environment.getPropertySources().contains(PROPERTY_SOURCE);
    }

}
