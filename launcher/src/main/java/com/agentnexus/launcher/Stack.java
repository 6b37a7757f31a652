package com.agentnexus.launcher;

import com.agentnexus.launcher.logs.ChildLog;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: PostgreSQL, a Kafka broker and the three services (and
 * Prometheus when its binary is there), started in dependency order, each supervised
 * (restarted when it dies), and stopped in reverse. Used by the launcher command and by
 * the end-to-end tests alike.
 */
final class Stack implements AutoCloseable {

    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";
    static final String EXECUTION_SERVICE = "execution-service";
    static final String STREAM_GATEWAY = "stream-gateway";
    static final String METRICS_AGGREGATOR = "metrics-aggregator";
    static final String PROMETHEUS = "prometheus";

    private static final Logger log = LoggerFactory.getLogger(Stack.class);

    private final StackConfig config;

    private final List<SupervisionEvent> events = new CopyOnWriteArrayList<>();

    private final SupervisionReport report;

    private final Object lock = new Object();

    /** In start order; closed in reverse. */
    private final List<SupervisedNode> started = new ArrayList<>();

    private boolean closed;

    private @Nullable String prometheusUrl;

    private Stack(StackConfig config) {
        this.config = config;
        this.report = new SupervisionReport(config.logDir());
    }

    /**
     * A stack that runs nothing yet, so that a shutdown hook can hold it before anything
     * starts.
     */
    static Stack create(StackConfig config) {
        return new Stack(config);
    }

    /**
     * Creates and starts a stack; on any failure stops what already runs and rethrows.
     */
    static Stack start(StackConfig config, String kafkaClasspath) throws Exception {
        var stack = create(config);
        stack.startAll(kafkaClasspath);
        return stack;
    }

    /** Starts everything; on any failure stops what already runs and rethrows. */
    void startAll(String kafkaClasspath) throws Exception {
        try {
            startInOrder(kafkaClasspath);
        }
        catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void startInOrder(String kafkaClasspath) throws Exception {
        Files.createDirectories(config.logDir());
        long began = System.nanoTime();
        log.info("Starting PostgreSQL on 127.0.0.1:{} and Kafka on {} (data in {})", config.postgresPort(),
                config.kafkaBootstrap(), config.dataDir());
        supervise(POSTGRES, childLog -> PostgresNode.start(config.dataDir().resolve("postgres"), config.postgresPort()))
            .awaitReady();
        supervise(KAFKA, childLog -> KafkaNode.start(config, kafkaClasspath, childLog)).awaitReady();
        log.info("PostgreSQL and Kafka up after {} ms; starting the services", elapsedMs(began));

        var arguments = new ServiceArguments(config);
        Map<String, String> secrets = Map.of("AGENTNEXUS_SECURITY_JWT_SECRET", config.jwtSecret());
        List<SupervisedNode> services = new ArrayList<>();
        for (String service : List.of(EXECUTION_SERVICE, STREAM_GATEWAY, METRICS_AGGREGATOR)) {
            services.add(supervise(service, childLog -> ServiceNode.start(service, config, arguments.port(service),
                    arguments.of(service), secrets, childLog)));
        }
        for (SupervisedNode service : services) {
            service.awaitReady();
            log.info("{} ready at http://127.0.0.1:{}", service.name(), arguments.port(service.name()));
        }
        startPrometheus();
        log.info("Stack up after {} ms", elapsedMs(began));
    }

    private SupervisedNode supervise(String name, RunningNode.Starter starter) throws Exception {
        var childLog = new ChildLog(config.logDir().resolve(name + ".log"), config.logRotation());
        SupervisedNode node = SupervisedNode.start(name, starter, childLog, config.restartPolicy(), this::record);
        synchronized (lock) {
            if (!closed) {
                started.add(node);
                return node;
            }
        }
        node.close(); // Ctrl-C came while this node started
        throw new IllegalStateException("the stack is stopping");
    }

    private void record(SupervisionEvent event) {
        events.add(event);
        report.print(event);
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
        supervise(PROMETHEUS, childLog -> PrometheusNode.start(binary.get(), config, childLog)).awaitReady();
        prometheusUrl = "http://127.0.0.1:" + config.prometheusPort();
        log.info("Prometheus ready at {} with the alert rules of monitoring/prometheus", prometheusUrl);
    }

    /** Prometheus's URL, if it runs. */
    Optional<String> prometheusUrl() {
        return Optional.ofNullable(prometheusUrl);
    }

    private static long elapsedMs(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    StackConfig config() {
        return config;
    }

    String gatewayUrl() {
        return config.gatewayUrl();
    }

    String executionUrl() {
        return config.executionUrl();
    }

    String aggregatorUrl() {
        return "http://127.0.0.1:" + config.aggregatorPort();
    }

    /**
     * The pid of a node's running incarnation (by its name, e.g.
     * {@value #STREAM_GATEWAY}); empty between two.
     */
    Optional<Long> pid(String node) {
        return node(node).flatMap(SupervisedNode::pid);
    }

    /** How often a node was restarted after it died. */
    int restarts(String node) {
        return node(node).map(SupervisedNode::restarts).orElse(0);
    }

    /** Every death, failed restart and restart seen so far, oldest first. */
    List<SupervisionEvent> events() {
        return List.copyOf(events);
    }

    private Optional<SupervisedNode> node(String name) {
        synchronized (lock) {
            return started.stream().filter(node -> node.name().equals(name)).findFirst();
        }
    }

    /**
     * Stops the services first (they flush to Kafka), then Kafka, then PostgreSQL. No
     * node is restarted from the first stop on, so that a dependency going away cannot
     * make another node come back.
     */
    @Override
    public void close() {
        List<SupervisedNode> nodes;
        synchronized (lock) {
            closed = true;
            nodes = new ArrayList<>(started);
            started.clear();
        }
        nodes.forEach(SupervisedNode::stopSupervising);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            }
            catch (RuntimeException e) {
                log.warn("Stopping {} failed: {}", nodes.get(i).name(), e.toString());
            }
        }
    }

}
