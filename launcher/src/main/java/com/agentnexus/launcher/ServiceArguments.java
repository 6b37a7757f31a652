package com.agentnexus.launcher;

import java.util.ArrayList;
import java.util.List;

/** The ports and Spring Boot command-line properties the stack gives each service. */
final class ServiceArguments {

    private final StackConfig config;

    ServiceArguments(StackConfig config) {
        this.config = config;
    }

    int port(String service) {
        return switch (service) {
            case Stack.EXECUTION_SERVICE -> config.executionPort();
            case Stack.STREAM_GATEWAY -> config.gatewayPort();
            case Stack.METRICS_AGGREGATOR -> config.aggregatorPort();
            default -> throw new IllegalArgumentException("no service " + service);
        };
    }

    List<String> of(String service) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.kafka.bootstrap-servers=" + config.kafkaBootstrap());
        switch (service) {
            case Stack.EXECUTION_SERVICE -> arguments.addAll(database());
            case Stack.METRICS_AGGREGATOR -> arguments.addAll(ledger());
            default -> {
                // the gateway needs Kafka only
            }
        }
        return arguments;
    }

    private List<String> database() {
        String hostPort = hostPort();
        return List.of("--spring.r2dbc.url=r2dbc:postgresql://" + hostPort,
                "--spring.r2dbc.username=" + StackConfig.DB_USER, "--spring.r2dbc.password=" + StackConfig.DB_PASSWORD,
                "--spring.flyway.url=jdbc:postgresql://" + hostPort, "--spring.flyway.user=" + StackConfig.DB_USER,
                "--spring.flyway.password=" + StackConfig.DB_PASSWORD);
    }

    /** The aggregator keeps its ledger in its own schema of the same database. */
    private List<String> ledger() {
        return List.of("--spring.datasource.url=jdbc:postgresql://" + hostPort(),
                "--spring.datasource.username=" + StackConfig.DB_USER,
                "--spring.datasource.password=" + StackConfig.DB_PASSWORD);
    }

    private String hostPort() {
        return "127.0.0.1:" + config.postgresPort() + "/" + StackConfig.DB_NAME;
    }

}
