package com.agentnexus.execution;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the service at the engine the tests use: {@code DOCKER_HOST}, as a system
 * property or from the environment.
 */
final class DockerEngineProperty {

    private DockerEngineProperty() {
    }

    static void register(DynamicPropertyRegistry registry) {
        String host = System.getProperty("DOCKER_HOST", System.getenv("DOCKER_HOST"));
        if (host != null) {
            registry.add("agentnexus.docker.host", () -> host);
        }
    }

}
