package com.agentnexus.launcher;

import com.agentnexus.launcher.logs.LogRotation;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the embedded stack keeps its data and which loopback ports it uses.
 *
 * @param dataDir the one directory holding PostgreSQL's cluster, Kafka's log and every
 * process log
 * @param servicesDir where the three services' runnable jars are
 * @param jwtSecret the HS256 secret shared by the services (the development default
 * unless overridden)
 * @param monitoringDir the repository's {@code monitoring/} configuration (Prometheus
 * config and rules)
 * @param prometheusPort where Prometheus listens when its binary is on the PATH; 0 starts
 * none
 * @param prometheusInterval its scrape and rule evaluation interval (15 s; tests shorten
 * it)
 * @param restartPolicy when a node that died is restarted
 * @param logRotation when each child's log file is rotated and how many old ones are kept
 */
record StackConfig(Path dataDir, Path servicesDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
        int gatewayPort, int executionPort, int aggregatorPort, String jwtSecret, Path monitoringDir,
        int prometheusPort, Duration prometheusInterval, RestartPolicy restartPolicy, LogRotation logRotation) {

    /** The interval of the repository's prometheus.yml. */
    static final Duration PROMETHEUS_INTERVAL = Duration.ofSeconds(15);

    /** The default restart policy and log rotation. */
    StackConfig(Path dataDir, Path servicesDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
            int gatewayPort, int executionPort, int aggregatorPort, String jwtSecret, Path monitoringDir,
            int prometheusPort, Duration prometheusInterval) {
        this(dataDir, servicesDir, postgresPort, kafkaPort, kafkaControllerPort, gatewayPort, executionPort,
                aggregatorPort, jwtSecret, monitoringDir, prometheusPort, prometheusInterval, RestartPolicy.DEFAULT,
                LogRotation.DEFAULT);
    }

    /** A stack without Prometheus. */
    StackConfig(Path dataDir, Path servicesDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
            int gatewayPort, int executionPort, int aggregatorPort, String jwtSecret) {
        this(dataDir, servicesDir, postgresPort, kafkaPort, kafkaControllerPort, gatewayPort, executionPort,
                aggregatorPort, jwtSecret, servicesDir.resolveSibling("monitoring"), 0, PROMETHEUS_INTERVAL);
    }

    /**
     * The development secret the README states; never use it outside a developer machine.
     */
    static final String DEV_JWT_SECRET = "agentnexus-dev-secret-change-me-0123456789abcdef";

    static final String DB_NAME = "agentnexus";
    static final String DB_USER = "agentnexus";
    static final String DB_PASSWORD = "agentnexus";

    StackConfig withRestartPolicy(RestartPolicy policy) {
        return new StackConfig(dataDir, servicesDir, postgresPort, kafkaPort, kafkaControllerPort, gatewayPort,
                executionPort, aggregatorPort, jwtSecret, monitoringDir, prometheusPort, prometheusInterval, policy,
                logRotation);
    }

    StackConfig withLogRotation(LogRotation rotation) {
        return new StackConfig(dataDir, servicesDir, postgresPort, kafkaPort, kafkaControllerPort, gatewayPort,
                executionPort, aggregatorPort, jwtSecret, monitoringDir, prometheusPort, prometheusInterval,
                restartPolicy, rotation);
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The gateway's URL: its WebSocket, and the web console's page. */
    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** The execution service's URL: its REST API. */
    String executionUrl() {
        return "http://127.0.0.1:" + executionPort;
    }
}
