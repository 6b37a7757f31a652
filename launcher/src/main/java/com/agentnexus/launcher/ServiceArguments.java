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
            case Stack.EXECUTION_SERVICE -> {
                arguments.addAll(database());
                arguments.add(consoleOrigins());
            }
            case Stack.STREAM_GATEWAY ->
                arguments.add("--agentnexus.gateway.console.execution-service-url=" + config.executionUrl());
            case Stack.METRICS_AGGREGATOR -> arguments.addAll(ledger());
            default -> throw new IllegalArgumentException("no service " + service);
        }
        return arguments;
    }

    /**
     * The web console is served by the gateway and calls the execution service from the
     * browser, whose origin is the gateway's by either loopback name the user typed.
     */
    private String consoleOrigins() {
        return "--agentnexus.execution.cors.allowed-origins=" + config.gatewayUrl() + ",http://localhost:"
                + config.gatewayPort();
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
