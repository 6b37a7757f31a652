package com.agentnexus.execution;

import com.agentnexus.execution.runner.docker.RequiredEngine;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LineThroughputBenchmark} under the Docker runner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agentnexus.runner.mode=docker")
@AutoConfigureWebTestClient
@DedicatedDatabase
class DockerRunnerLineThroughputBenchmark extends LineThroughputBenchmark {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        DockerEngineProperty.register(registry);
    }

    @BeforeAll
    void engineAnswers() throws IOException {
        RequiredEngine.client().close();
    }

    @Override
    String agentId() {
        return "burst-docker";
    }

    @Override
    String runner() {
        return "docker";
    }

}
