package com.agentnexus.execution;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link BurstyAgentScenario} under the local process runner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "agentnexus.runner=process")
@AutoConfigureWebTestClient
class ProcessRunnerBurstIT extends BurstyAgentScenario {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @Override
    String agentId() {
        return "burst-process";
    }
}
