package com.agentnexus.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A real single-node KRaft broker in a child JVM (Kafka's own {@code kafka.Kafka} main,
 * from the test classpath) that can be stopped with SIGTERM and started again on the same
 * port and log directory — which the in-JVM embedded broker cannot. One per test JVM,
 * shared by the outage tests; it dies with the JVM.
 */
final class RestartableKafka {

    private static RestartableKafka instance;

    private final Path home;

    private final Path serverProperties;

    private final int port;

    private Process process;

    private RestartableKafka(Path home, int port, int controllerPort) throws IOException {
        this.home = home;
        this.port = port;
        this.serverProperties = writeServerProperties(home, port, controllerPort);
    }

    static synchronized RestartableKafka shared() {
        if (instance == null) {
            try {
                var kafka = new RestartableKafka(Files.createTempDirectory("agentnexus-kafka-"), freePort(),
                        freePort());
                kafka.format();
                kafka.start();
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
                instance = kafka;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again, unless it runs) and waits until it answers. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = java("kafka.Kafka", serverProperties.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("kafka.log").toFile()))
                .start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .ignoreExceptions()
            .until(this::answers);
    }

    /** SIGTERM, as an orchestrator would stop it; waits for the process to end. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private boolean answers() throws Exception {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + home);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        }
    }

    private void format() throws IOException {
        Process format = java("kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(),
                "-c", serverProperties.toString())
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("format.log").toFile()))
            .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka's storage failed; see " + home);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder java(String main, String... args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms128m", "-Xmx512m",
                        "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static Path writeServerProperties(Path home, int port, int controllerPort) throws IOException {
        var properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        properties.put("log.dirs", home.resolve("data").toString());
        properties.put("num.partitions", "3");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        Path file = home.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "outage tests");
        }
        return file;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

}
