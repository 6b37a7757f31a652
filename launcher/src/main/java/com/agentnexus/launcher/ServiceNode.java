package com.agentnexus.launcher;

import com.agentnexus.launcher.logs.ChildLog;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One of the three services, run from its runnable jar as a child JVM, ready when
 * /health/ready says 200.
 */
final class ServiceNode implements RunningNode {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /**
     * The JVM options every service gets (README, "What command 1 gives you"): a heap
     * bound, and otherwise the JVM's defaults.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m");

    private final ChildProcess process;

    private final int port;

    private ServiceNode(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the service; {@code arguments} are Spring Boot command-line properties,
     * {@code environment} carries secrets so that they never show in a process listing.
     */
    static ServiceNode start(String name, StackConfig config, int port, List<String> arguments,
            Map<String, String> environment, ChildLog log) throws IOException {
        Path jar = config.servicesDir().resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build first with ./mvnw -DskipTests package");
        }
        // the JVM's default compilers (C1 then C2): stopping at C1
        // (-XX:TieredStopAtLevel=1)
        // starts a little faster but halved the gateway's long-run throughput
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        ChildProcess process = ChildProcess.start(name, command, environment, log);
        return new ServiceNode(process, port);
    }

    String name() {
        return process.name();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Polls the readiness probe until it answers 200. */
    @Override
    public void awaitReady() throws InterruptedException {
        process.awaitHttpOk(URI.create(baseUrl() + "/health/ready"), READY_TIMEOUT);
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
        process.stop(Duration.ofSeconds(20));
    }

}
