package com.agentnexus.execution;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark with the Docker runner; needs a Docker-API engine at DOCKER_HOST
 * (scripts/docker-api-engine.sh).
 */
@EnabledIfEnvironmentVariable(named = "DOCKER_HOST", matches = ".+")
class DockerRunnerBenchmark extends ExecutionBenchmark {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("agentnexus.runner.mode", () -> "docker");
        registry.add("agentnexus.execution.max-running", () -> "8");
    }

    @Override
    String runner() {
        return "docker";
    }

}
