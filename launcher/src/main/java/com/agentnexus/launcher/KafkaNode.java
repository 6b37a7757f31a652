package com.agentnexus.launcher;

import com.agentnexus.launcher.logs.ChildLog;
import com.agentnexus.launcher.logs.LogRotation;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker in KRaft mode (combined broker + controller, one node) run as a
 * child JVM from Kafka's own Maven artifacts. Its log directory is formatted once and
 * reused on later starts.
 */
final class KafkaNode implements RunningNode {

    private final ChildProcess process;

    private KafkaNode(ChildProcess process) {
        this.process = process;
    }

    static KafkaNode start(StackConfig config, String classpath, ChildLog log)
            throws IOException, InterruptedException {
        Path home = config.dataDir().resolve("kafka");
        Path logDirs = home.resolve("data");
        Files.createDirectories(logDirs);
        Path serverProperties = writeServerProperties(config, home, logDirs);
        Path log4j = writeLogConfig(home, config.logDir().resolve("kafka-server.log"), config.logRotation());
        List<String> jvm = List.of(ChildProcess.javaBinary(), "-Xms256m", "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", classpath);
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(config, jvm, serverProperties);
        }
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of("kafka.Kafka", serverProperties.toString()));
        var node = new KafkaNode(ChildProcess.start("kafka", command, Map.of(), log));
        try {
            node.awaitReady(config.kafkaBootstrap(), Duration.ofSeconds(60));
        }
        catch (RuntimeException | InterruptedException e) {
            node.close(); // a broker that never became ready must not outlive the
                          // launcher
            throw e;
        }
        return node;
    }

    private static void format(StackConfig config, List<String> jvm, Path serverProperties)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(),
                "-c", serverProperties.toString()));
        Path log = config.logDir().resolve("kafka-format.log");
        int exit;
        try (var formatLog = new ChildLog(log, config.logRotation());
                var format = ChildProcess.start("kafka-format", command, Map.of(), formatLog)) {
            exit = format.awaitExit(Duration.ofSeconds(60));
            // its output is in the file before the file closes
            format.exited().get(5, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException e) {
            exit = -1;
        }
        if (exit != 0 || !Files.exists(serverProperties.getParent().resolve("data").resolve("meta.properties"))) {
            throw new IllegalStateException("formatting Kafka's storage failed; see " + log);
        }
    }

    private static Path writeServerProperties(StackConfig config, Path home, Path logDirs) throws IOException {
        var properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + config.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                + config.kafkaControllerPort());
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + config.kafkaPort());
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + config.kafkaControllerPort());
        properties.put("log.dirs", logDirs.toString());
        properties.put("num.partitions", "3");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        Path file = home.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "written by the AgentNexus launcher on every start");
        }
        return file;
    }

    /**
     * The broker writes its own log with Log4j, rotated by size like the files the
     * launcher writes.
     */
    private static Path writeLogConfig(Path home, Path logFile, LogRotation rotation) throws IOException {
        Path file = home.resolve("log4j2.xml");
        String stem = logFile.getFileName().toString().replaceFirst("\\.log$", "");
        Files.writeString(file, """
                <Configuration status="warn">
                  <Appenders>
                    <RollingFile name="file" fileName="%s" filePattern="%s">
                      <PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/>
                      <SizeBasedTriggeringPolicy size="%d B"/>
                      <DefaultRolloverStrategy min="1" max="%d" fileIndex="min"/>
                    </RollingFile>
                  </Appenders>
                  <Loggers>
                    <Root level="info"><AppenderRef ref="file"/></Root>
                  </Loggers>
                </Configuration>
                """.formatted(logFile, logFile.resolveSibling(stem + ".%i.log"), rotation.maxBytes(), rotation.keep()));
        return file;
    }

    private void awaitReady(String bootstrap, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000);
        while (System.nanoTime() < deadline) {
            process.requireAlive();
            try (Admin client = Admin.create(admin)) {
                if (!client.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            }
            catch (InterruptedException stopping) {
                throw stopping; // the stack stops while it waits: give up at once
            }
            catch (Exception notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("Kafka did not become ready within " + timeout + "; see " + process.logFile());
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public CompletableFuture<Integer> exited() {
        return process.exited();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

}
