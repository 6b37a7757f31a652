package com.agentnexus.launcher;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: PostgreSQL, a Kafka broker and the three services, started in dependency order
 * and stopped in reverse. Used by the launcher command and by the end-to-end test alike.
 */
final class Stack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stack.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final StackConfig config;
    private final List<AutoCloseable> started = new ArrayList<>();
    private ServiceNode gateway;
    private ServiceNode execution;
    private ServiceNode aggregator;
    private PrometheusNode prometheus;

    private Stack(StackConfig config) {
        this.config = config;
    }

    /** Starts everything; on any failure stops what already runs and rethrows. */
    static Stack start(StackConfig config, String kafkaClasspath) throws Exception {
        var stack = new Stack(config);
        try {
            stack.startAll(kafkaClasspath);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(String kafkaClasspath) throws Exception {
        Files.createDirectories(config.logDir());
        long began = System.nanoTime();
        log.info("Starting PostgreSQL on 127.0.0.1:{} and Kafka on {} (data in {})", config.postgresPort(),
                config.kafkaBootstrap(), config.dataDir());
        started.add(PostgresNode.start(config.dataDir().resolve("postgres"), config.postgresPort()));
        started.add(KafkaNode.start(config, kafkaClasspath));
        log.info("PostgreSQL and Kafka up after {} ms; starting the services", elapsedMs(began));

        Map<String, String> secrets = Map.of("AGENTNEXUS_SECURITY_JWT_SECRET", config.jwtSecret());
        List<String> kafka = List.of("--spring.kafka.bootstrap-servers=" + config.kafkaBootstrap());
        execution = track(ServiceNode.start("execution-service", config, config.executionPort(),
                concat(kafka, databaseArguments()), secrets));
        gateway = track(ServiceNode.start("stream-gateway", config, config.gatewayPort(), kafka, secrets));
        aggregator = track(ServiceNode.start("metrics-aggregator", config, config.aggregatorPort(),
                concat(kafka, ledgerArguments()), secrets));
        for (ServiceNode service : List.of(execution, gateway, aggregator)) {
            service.awaitReady(READY_TIMEOUT);
            log.info("{} ready at {}", service.name(), service.baseUrl());
        }
        startPrometheus();
        log.info("Stack up after {} ms", elapsedMs(began));
    }

    private List<String> databaseArguments() {
        String hostPort = "127.0.0.1:" + config.postgresPort() + "/" + StackConfig.DB_NAME;
        return List.of("--spring.r2dbc.url=r2dbc:postgresql://" + hostPort,
                "--spring.r2dbc.username=" + StackConfig.DB_USER,
                "--spring.r2dbc.password=" + StackConfig.DB_PASSWORD,
                "--spring.flyway.url=jdbc:postgresql://" + hostPort,
                "--spring.flyway.user=" + StackConfig.DB_USER,
                "--spring.flyway.password=" + StackConfig.DB_PASSWORD);
    }

    private void startPrometheus() throws Exception {
        if (config.prometheusPort() == 0) {
            return;
        }
        var binary = PrometheusNode.binary();
        if (binary.isEmpty()) {
            log.info("No prometheus binary on the PATH: starting without Prometheus (Debian/Ubuntu: "
                    + "apt-get install prometheus, or any Prometheus 2.x release)");
            return;
        }
        prometheus = PrometheusNode.start(binary.get(), config);
        started.add(prometheus);
        log.info("Prometheus ready at {} with the alert rules of monitoring/prometheus", prometheus.url());
    }

    /** Prometheus's URL, if it runs. */
    Optional<String> prometheusUrl() {
        return Optional.ofNullable(prometheus).map(PrometheusNode::url);
    }

    /** The aggregator keeps its ledger in its own schema of the same database. */
    private List<String> ledgerArguments() {
        String hostPort = "127.0.0.1:" + config.postgresPort() + "/" + StackConfig.DB_NAME;
        return List.of("--spring.datasource.url=jdbc:postgresql://" + hostPort,
                "--spring.datasource.username=" + StackConfig.DB_USER,
                "--spring.datasource.password=" + StackConfig.DB_PASSWORD);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private ServiceNode track(ServiceNode node) {
        started.add(node);
        return node;
    }

    private static long elapsedMs(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    StackConfig config() {
        return config;
    }

    String gatewayUrl() {
        return gateway.baseUrl();
    }

    String executionUrl() {
        return execution.baseUrl();
    }

    String aggregatorUrl() {
        return aggregator.baseUrl();
    }

    /** Stops the services first (they flush to Kafka), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}
