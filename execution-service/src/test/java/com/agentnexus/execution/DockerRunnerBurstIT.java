package com.agentnexus.execution;

import com.agentnexus.execution.runner.docker.RequiredEngine;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link BurstyAgentScenario} in a hardened container of the Docker runner (its output
 * arrives attached).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agentnexus.runner.mode=docker")
@AutoConfigureWebTestClient
@DedicatedDatabase
class DockerRunnerBurstIT extends BurstyAgentScenario {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        DockerEngineProperty.register(registry);
    }

    @BeforeAll
    static void engineAnswers() throws IOException {
        RequiredEngine.client().close();
    }

    @Override
    String agentId() {
        return "burst-docker";
    }

}
