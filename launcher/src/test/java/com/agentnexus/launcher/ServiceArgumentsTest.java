package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The web console works on any ports: the execution service allows the gateway's origin,
 * and the gateway tells the page where the execution service is.
 */
class ServiceArgumentsTest {

    private final ServiceArguments arguments = new ServiceArguments(new StackConfig(Path.of("/data"),
            Path.of("/services"), 25432, 29092, 29093, 4001, 4002, 4003, StackConfig.DEV_JWT_SECRET));

    @Test
    void theExecutionServiceAllowsTheConsoleByEitherLoopbackName() {
        assertThat(arguments.of(Stack.EXECUTION_SERVICE))
            .contains("--agentnexus.execution.cors.allowed-origins=http://127.0.0.1:4001,http://localhost:4001")
            .contains("--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:25432/agentnexus");
    }

    @Test
    void theGatewayTellsTheConsoleWhereTheExecutionServiceIs() {
        assertThat(arguments.of(Stack.STREAM_GATEWAY)).containsExactly(
                "--spring.kafka.bootstrap-servers=127.0.0.1:29092",
                "--agentnexus.gateway.console.execution-service-url=http://127.0.0.1:4002");
    }

    @Test
    void theAggregatorGetsNeitherConsoleSetting() {
        assertThat(arguments.of(Stack.METRICS_AGGREGATOR))
            .noneMatch(argument -> argument.contains("console") || argument.contains("cors"));
    }

}
