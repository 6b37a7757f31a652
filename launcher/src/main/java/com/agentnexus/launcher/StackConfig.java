package com.agentnexus.launcher;

import java.nio.file.Path;

/**
 * Where the embedded stack keeps its data and which loopback ports it uses.
 *
 * @param dataDir     the one directory holding PostgreSQL's cluster, Kafka's log and every process log
 * @param servicesDir where the three services' runnable jars are
 * @param jwtSecret   the HS256 secret shared by the services (the development default unless overridden)
 */
record StackConfig(
        Path dataDir,
        Path servicesDir,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int gatewayPort,
        int executionPort,
        int aggregatorPort,
        String jwtSecret) {

    /** The development secret the README states; never use it outside a developer machine. */
    static final String DEV_JWT_SECRET = "agentnexus-dev-secret-change-me-0123456789abcdef";

    static final String DB_NAME = "agentnexus";
    static final String DB_USER = "agentnexus";
    static final String DB_PASSWORD = "agentnexus";

    Path logDir() {
        return dataDir.resolve("logs");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }
}
