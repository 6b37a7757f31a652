package com.agentnexus.launcher;

import com.agentnexus.launcher.logs.ChildLog;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Prometheus from the machine's {@code prometheus} binary (Debian package
 * {@code prometheus}), scraping the embedded stack with the repository's own
 * configuration and alert rules: {@code prometheus.yml} and {@code rules/} as they are,
 * the targets of {@code targets/embedded/} with the stack's actual ports. Optional:
 * without the binary the stack starts without it.
 */
final class PrometheusNode implements RunningNode {

    private static final Logger log = LoggerFactory.getLogger(PrometheusNode.class);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcess process;

    private final int port;

    private PrometheusNode(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The {@code prometheus} binary on the PATH, if there is one. */
    static Optional<Path> binary() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
            .map(dir -> Path.of(dir, "prometheus"))
            .filter(Files::isExecutable)
            .findFirst();
    }

    static PrometheusNode start(Path binary, StackConfig config, ChildLog log)
            throws IOException, InterruptedException {
        Path home = config.dataDir().resolve("prometheus");
        Path configDir = home.resolve("config");
        writeConfiguration(config, configDir);
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--config.file=" + configDir.resolve("prometheus.yml"), "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + config.prometheusPort()));
        var node = new PrometheusNode(ChildProcess.start("prometheus", command, Map.of(), log),
                config.prometheusPort());
        try {
            node.awaitPrometheusReady();
        }
        catch (RuntimeException | InterruptedException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /**
     * The repository's configuration, unchanged but for two things the stack decides: the
     * targets' ports (the embedded targets name the default ones) and, for tests, the
     * scrape and evaluation interval.
     */
    static void writeConfiguration(StackConfig config, Path configDir) throws IOException {
        Path source = config.monitoringDir().resolve("prometheus");
        Files.createDirectories(configDir);
        String prometheusYml = Files.readString(source.resolve("prometheus.yml"));
        if (!config.prometheusInterval().equals(StackConfig.PROMETHEUS_INTERVAL)) {
            String interval = config.prometheusInterval().toSeconds() + "s";
            prometheusYml = prometheusYml.replace("scrape_interval: 15s", "scrape_interval: " + interval)
                .replace("evaluation_interval: 15s", "evaluation_interval: " + interval)
                // a scrape may not take longer than the interval
                .replace("scrape_timeout: 10s", "scrape_timeout: " + interval);
        }
        Files.writeString(configDir.resolve("prometheus.yml"), prometheusYml);
        copyDirectory(source.resolve("rules"), configDir.resolve("rules"));
        Path targets = configDir.resolve("targets");
        Files.createDirectories(targets);
        try (Stream<Path> files = Files.list(source.resolve("targets").resolve("embedded"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file)
                    .replace("127.0.0.1:3001", "127.0.0.1:" + config.gatewayPort())
                    .replace("127.0.0.1:3002", "127.0.0.1:" + config.executionPort())
                    .replace("127.0.0.1:3003", "127.0.0.1:" + config.aggregatorPort())
                    .replace("127.0.0.1:9090", "127.0.0.1:" + config.prometheusPort());
                Files.writeString(targets.resolve(file.getFileName().toString()), text);
            }
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void awaitPrometheusReady() throws InterruptedException {
        process.awaitHttpOk(URI.create(url() + "/-/ready"), READY_TIMEOUT);
    }

    String url() {
        return "http://127.0.0.1:" + port;
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
        process.stop(Duration.ofSeconds(10));
        log.info("Prometheus stopped");
    }

}
