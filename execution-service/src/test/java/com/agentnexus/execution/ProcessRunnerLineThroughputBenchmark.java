package com.agentnexus.execution;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LineThroughputBenchmark} under the local process runner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "agentnexus.runner=process")
@AutoConfigureWebTestClient
class ProcessRunnerLineThroughputBenchmark extends LineThroughputBenchmark {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @Override
    String agentId() {
        return "burst-process";
    }

    @Override
    String runner() {
        return "process";
    }
}
