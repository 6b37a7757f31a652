package com.agentnexus.execution.runner.docker;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * The real Docker-API engine the tests run against: {@code DOCKER_HOST} (system property
 * or environment variable, as {@code scripts/docker-api-engine.sh} prints it) or the
 * default socket. Without an engine tests are skipped, saying why — except under CI,
 * which starts one (see {@link RequiredEngine}).
 */
final class TestEngine {

    private TestEngine() {
    }

    static @Nullable String host() {
        String host = System.getProperty("DOCKER_HOST");
        return host != null ? host : System.getenv("DOCKER_HOST");
    }

    static DockerProperties properties() {
        return new DockerProperties(host(), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(60),
                DataSize.ofMegabytes(10), null);
    }

    /**
     * A connected engine, or the calling test is skipped (failed under CI) with the
     * reason.
     */
    static DockerEngine connectOrSkip() {
        DockerEngine engine = DockerEngine.connect(properties());
        DockerEngine.Health health = engine.ping();
        if (!health.up()) {
            engine.close();
        }
        RequiredEngine.require(health);
        return engine;
    }

    /**
     * Whether the engine answers — for Spring tests that pick their runner before any
     * test method runs.
     */
    static boolean available() {
        try (DockerEngine engine = DockerEngine.connect(properties())) {
            return engine.ping().up();
        }
    }

}
