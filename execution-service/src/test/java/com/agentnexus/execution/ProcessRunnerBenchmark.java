package com.agentnexus.execution;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The benchmark with the local process runner. */
class ProcessRunnerBenchmark extends ExecutionBenchmark {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("agentnexus.runner.mode", () -> "process");
        registry.add("agentnexus.execution.max-running", () -> "8");
    }

    @Override
    String runner() {
        return "process";
    }

}
