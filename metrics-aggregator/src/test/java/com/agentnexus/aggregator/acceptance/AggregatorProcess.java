package com.agentnexus.aggregator.acceptance;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One metrics aggregator run from its runnable jar in a JVM of its own, as in production,
 * so that it can be SIGKILLed at any moment and started again on the same database and
 * consumer group. Its output goes to {@code target/aggregator-it/<name>.log}, one section
 * per start.
 */
final class AggregatorProcess implements AutoCloseable {

    static final Path OUTPUT_DIR = jar().toAbsolutePath().getParent().resolve("aggregator-it");

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1))
        .build();

    static {
        // a test JVM that dies before its @AfterAll must not leave aggregators consuming
        // behind it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final String name;

    private final List<String> settings;

    private final Path log;

    private volatile @Nullable Process process;

    private volatile int port;

    private int starts;

    /**
     * @param extraSettings further {@code --key=value} settings, e.g. the container
     * series cap
     */
    AggregatorProcess(String name, AggregatorInfrastructure infrastructure, String groupId,
            Map<String, String> extraSettings) {
        this.name = name;
        this.log = OUTPUT_DIR.resolve(name + ".log");
        List<String> all = new ArrayList<>(
                List.of("--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrap(),
                        "--spring.datasource.url=" + infrastructure.jdbcUrl(), "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--agentnexus.security.jwt-secret=" + AggregatorInfrastructure.JWT_SECRET,
                        "--agentnexus.topics.partitions=" + infrastructure.partitions(),
                        "--spring.kafka.consumer.group-id=" + groupId,
                        // a killed member's partitions move after 6 s instead of the
                        // default 45 s
                        "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                        "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000"));
        extraSettings.forEach((key, value) -> all.add("--" + key + "=" + value));
        this.settings = List.copyOf(all);
    }

    String name() {
        return name;
    }

    int starts() {
        return starts;
    }

    /** Starts a new JVM on a fresh port; the previous one must have been killed. */
    synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        port = freePort();
        starts++;
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // C1 only and one GC thread: a start-up in seconds on a 2-core CI
                        // runner, where these tests start an aggregator a dozen times;
                        // neither flag changes what the aggregator does
                        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString(),
                        "--server.port=" + port));
        command.addAll(settings);
        try {
            Files.createDirectories(OUTPUT_DIR);
            Files.writeString(log,
                    "%n===== %s start #%d on port %d at %s =====%n".formatted(name, starts, port, Instant.now()),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process started = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
            LIVE.add(started);
            process = started;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until {@code /health/ready} answers 200; fails at once, with the log's tail,
     * if the JVM exits.
     */
    void awaitReady(Duration timeout) {
        await("%s ready".formatted(name)).atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            Process current = process;
            if (current == null || !current.isAlive()) {
                throw new AssertionError("%s exited (%s) before it was ready; its log ends with:%n%s".formatted(name,
                        current == null ? "never started" : current.exitValue(), logTail(60)));
            }
            return get("/health/ready", null).map(HttpResponse::statusCode).orElse(0) == 200;
        });
    }

    /** SIGKILL: no shutdown hook, no graceful close, no last commit. */
    synchronized void kill() {
        Process current = process;
        if (current == null) {
            return;
        }
        current.destroyForcibly();
        try {
            if (!current.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 30 s");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        LIVE.remove(current);
        process = null;
    }

    boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /**
     * The body of {@code /metrics}, or empty while the process is down or not serving
     * yet.
     */
    Optional<String> scrape() {
        return get("/metrics", null).filter(r -> r.statusCode() == 200).map(HttpResponse::body);
    }

    /** A GET with an optional bearer token; empty when nothing answers. */
    Optional<HttpResponse<String>> get(String path, @Nullable String bearerToken) {
        if (!isAlive()) {
            return Optional.empty();
        }
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", path.equals("/metrics") ? "text/plain" : "application/json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            return Optional.of(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        }
        catch (IOException e) {
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The last lines of this aggregator's output, for failure messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static Path jar() {
        String jar = System.getProperty("agentnexus.aggregator.jar");
        if (jar == null) {
            throw new IllegalStateException("system property agentnexus.aggregator.jar is not set; "
                    + "run these tests with Failsafe (./mvnw verify), which builds the jar first");
        }
        return Path.of(jar);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
