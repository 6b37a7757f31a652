package com.agentnexus.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stream gateway as a separate process, started from its runnable jar the way the
 * launcher starts it (same heap bounds, the JVM's default compilers), ready when
 * {@code /health/ready} answers 200.
 */
public final class GatewayProcess implements AutoCloseable {

    /** The launcher's options for every service (launcher's ServiceNode). */
    public static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m");

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    // " 1: 12345 678900 java.lang.String (java.base@17)"
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");

    private final Process process;

    private final int port;

    private final Path log;

    private GatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The newest {@code stream-gateway-*-exec.jar} in {@code dir}. */
    public static Path findJar(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("stream-gateway-.*-exec\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no stream-gateway-*-exec.jar in " + dir
                        + ": build it with ./mvnw -q -o -pl stream-gateway -am -DskipTests package"));
        }
    }

    /**
     * Starts the gateway with these JVM options (normally {@link #JVM_OPTIONS}) and its
     * default configuration, and waits until it is ready.
     */
    public static GatewayProcess start(Path jar, List<String> jvmOptions, int port, String kafkaBootstrap, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrap));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var gateway = new GatewayProcess(process, port, log);
        gateway.awaitReady(Duration.ofSeconds(180));
        return gateway;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the gateway was not ready within " + timeout + "; see " + log);
    }

    public URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    public long pid() {
        return process.pid();
    }

    /**
     * User plus system CPU time of the process so far, in clock ticks (1/100 s on Linux),
     * from /proc/&lt;pid&gt;/stat.
     */
    public long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        // the command name (field 2) may hold spaces: count fields after its closing ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    /** Heap in use right after a full GC (jcmd GC.run, then GC.heap_info), in bytes. */
    public long heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /**
     * Live objects by class (jcmd GC.class_histogram, which collects first): class name →
     * bytes.
     */
    public Map<String, Long> liveBytesByClass() throws IOException, InterruptedException {
        Map<String, Long> bytes = new HashMap<>();
        for (String line : jcmd("GC.class_histogram").split("\n")) {
            Matcher row = HISTOGRAM_ROW.matcher(line);
            if (row.find()) {
                bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
            }
        }
        return bytes;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true)
            .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

}
