package com.agentnexus.launcher;

import com.agentnexus.launcher.logs.ChildLog;
import com.agentnexus.launcher.logs.OutputPump;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the stack whose output the launcher copies into its rotating log
 * file, and which stops with the launcher.
 */
final class ChildProcess implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Bounds the wait for the last lines after an exit, in case a grandchild still holds
     * the pipe open.
     */
    private static final long DRAIN_SECONDS = 2;

    private final String name;

    private final Process process;

    private final Path logFile;

    private final CompletableFuture<Integer> exited;

    private ChildProcess(String name, Process process, Path logFile, CompletableFuture<Void> drained) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        // the exit is reported once the pump copied the child's last words, so that a
        // crash report shows them
        this.exited = process.onExit()
            .thenCompose(ended -> drained.completeOnTimeout(null, DRAIN_SECONDS, TimeUnit.SECONDS))
            .thenApply(drainedOrNot -> process.exitValue());
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, ChildLog log)
            throws IOException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        var drained = OutputPump.start(name + "-output", process.getInputStream(), log);
        return new ChildProcess(name, process, log.file(), drained);
    }

    /**
     * The java binary of the running JVM, so children run on the same Java as the
     * launcher.
     */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Completes with the exit code once the child ended and its output was copied. */
    CompletableFuture<Integer> exited() {
        return exited;
    }

    /**
     * Polls {@code url} until it answers 200, failing fast when the child dies and with a
     * pointer to its log when the timeout passes.
     */
    void awaitHttpOk(URI url, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            requireAlive();
            try {
                if (PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + logFile);
    }

    /** Fails fast with the tail of the log when the child died during start-up. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + logFile);
        }
    }

    /**
     * Waits for the child to end on its own; returns its exit code, or -1 if it still
     * runs at the deadline.
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        return -1;
    }

    /**
     * SIGTERM first so the child shuts down gracefully; SIGKILL when it does not within
     * the grace period. Whatever the child itself started and left behind is killed too,
     * so that nothing of it outlives the launcher.
     */
    void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (ProcessHandle left : descendants) {
            if (left.isAlive()) {
                left.destroyForcibly();
                left.onExit().completeOnTimeout(left, 5, TimeUnit.SECONDS).join();
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

}
