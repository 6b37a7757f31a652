package com.agentnexus.execution;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/** {@link BurstyAgentScenario} under the local process runner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agentnexus.runner.mode=process")
@AutoConfigureWebTestClient
@DedicatedDatabase
class ProcessRunnerBurstIT extends BurstyAgentScenario {

    @Override
    String agentId() {
        return "burst-process";
    }

}
