package com.agentnexus.execution.runner.docker;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * The one rule for tests that need the real Docker-API engine: on a developer machine
 * without one they are skipped, saying why; under CI ({@code CI=true}, where .ci/run
 * starts podman) a missing engine fails them, so a broken engine start can never hide
 * behind skipped tests.
 */
public final class RequiredEngine {

    private RequiredEngine() {
    }

    /** Skips (or, under CI, fails) the calling test unless the engine answers. */
    public static void require(DockerEngine.Health health) {
        if (health.up()) {
            return;
        }
        String reason = "no Docker-API engine answers at " + health.host() + " (" + health.error()
                + "); start one with scripts/docker-api-engine.sh and export the DOCKER_HOST it prints";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason);
        }
        assumeTrue(false, reason);
    }

    /**
     * Requires the engine configured as the service would see it, and returns a client
     * for inspecting it.
     */
    public static DockerClient client() {
        DockerProperties props = Binder.get(new StandardEnvironment())
            .bindOrCreate("agentnexus.docker", DockerProperties.class);
        try (DockerEngine engine = DockerEngine.connect(props)) {
            require(engine.ping());
        }
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config,
                new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
    }

}
