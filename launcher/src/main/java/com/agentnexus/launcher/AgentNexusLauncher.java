package com.agentnexus.launcher;

import com.agentnexus.launcher.logs.LogRotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * README command 1: starts PostgreSQL, Kafka and the three services, prints how to use
 * them, and stops everything on Ctrl-C. Sub-commands mint tokens and watch an execution.
 */
@Command(name = "agentnexus", mixinStandardHelpOptions = true, subcommands = { TokenCommand.class, WatchCommand.class },
        description = "Start the whole AgentNexus stack on this machine (embedded Kafka and PostgreSQL).")
public final class AgentNexusLauncher implements Callable<Integer> {

    @Option(names = "--data-dir", description = "where PostgreSQL, Kafka and the logs keep their data "
            + "(default: $AGENTNEXUS_HOME or ./.agentnexus)")
    Path dataDir;

    @Option(names = "--postgres-port", defaultValue = "15432")
    int postgresPort;

    @Option(names = "--kafka-port", defaultValue = "9092")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", defaultValue = "9093")
    int kafkaControllerPort;

    @Option(names = "--gateway-port", defaultValue = "3001", description = "the stream gateway's port (WebSocket)")
    int gatewayPort;

    @Option(names = "--execution-port", defaultValue = "3002", description = "the execution service's port (REST)")
    int executionPort;

    @Option(names = "--aggregator-port", defaultValue = "3003", description = "the metrics aggregator's port")
    int aggregatorPort;

    @Option(names = "--prometheus-port", defaultValue = "9090",
            description = "Prometheus's port when a prometheus binary is on the PATH; 0 starts none")
    int prometheusPort;

    @Option(names = "--log-max-size", defaultValue = "10MB",
            description = "each process's log file is rotated at this size (KB, MB, GB)")
    String logMaxSize;

    @Option(names = "--log-files", defaultValue = "3", description = "rotated log files kept per process")
    int logFiles;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AgentNexusLauncher()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackConfig config = new StackConfig(resolveDataDir(), servicesDir(), postgresPort, kafkaPort,
                kafkaControllerPort, gatewayPort, executionPort, aggregatorPort, TokenCommand.secret(), monitoringDir(),
                prometheusPort, StackConfig.PROMETHEUS_INTERVAL)
            .withLogRotation(new LogRotation(LogRotation.parseSize(logMaxSize), logFiles));
        var stopped = new CountDownLatch(1);
        var startEnded = new CountDownLatch(1);
        Thread starter = Thread.currentThread();
        Stack stack = Stack.create(config);
        // Registered before anything starts, so that Ctrl-C or a plain kill during
        // start-up stops what already runs — including a node still starting: the
        // starting thread is interrupted (a node closes its process then) and given a
        // moment to unwind before the stack closes the rest.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping AgentNexus ...");
            if (startEnded.getCount() > 0) {
                starter.interrupt();
                awaitQuietly(startEnded, Duration.ofSeconds(30));
            }
            stack.close();
            stopped.countDown();
        }, "agentnexus-shutdown"));
        try {
            stack.startAll(System.getProperty("java.class.path"));
        }
        finally {
            startEnded.countDown();
        }
        System.out.println(Banner.render(stack));
        stopped.await();
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path resolveDataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath();
        }
        String home = System.getenv("AGENTNEXUS_HOME");
        return Path.of(home == null || home.isBlank() ? ".agentnexus" : home).toAbsolutePath();
    }

    /**
     * The monitoring configuration sits in {@code monitoring/} next to the launcher jar
     * (copied at build).
     */
    static Path monitoringDir() throws Exception {
        String configured = System.getProperty("agentnexus.monitoring.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        return servicesDir().resolveSibling("monitoring");
    }

    /**
     * The services' jars sit in {@code services/} next to the launcher jar unless a
     * property says otherwise.
     */
    static Path servicesDir() throws Exception {
        String configured = System.getProperty("agentnexus.services.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path self = Path.of(AgentNexusLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return self.getParent().resolve("services");
    }

}
