package com.agentnexus.execution.runner;

import com.agentnexus.events.LogStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One agent process: its two output pumps, its resource sampling, and how it ends. */
final class ProcessRun implements RunningAgent {

    private static final Logger log = LoggerFactory.getLogger(ProcessRun.class);

    private final Process process;
    private final CompletableFuture<Integer> exit;

    private ProcessRun(Process process, CompletableFuture<Integer> exit) {
        this.process = process;
        this.exit = exit;
    }

    static ProcessRun start(Process process, RunListener listener, ExecutorService readers,
            ScheduledExecutorService scheduler, ProcessTreeProbe probe, RunnerProperties props) {
        // Both streams are read concurrently and each line is handed on at once: never buffered until the end.
        CompletableFuture<Void> stdout = CompletableFuture.runAsync(
                () -> pump(process.getInputStream(), LogStream.STDOUT, listener), readers);
        CompletableFuture<Void> stderr = CompletableFuture.runAsync(
                () -> pump(process.getErrorStream(), LogStream.STDERR, listener), readers);
        ResourceSampling sampling = ResourceSampling.start(process.toHandle(), probe, listener, scheduler,
                props.sampleInterval());
        long drainMillis = props.drainTimeout().toMillis();
        CompletableFuture<Integer> exit = process.onExit()
                .thenCompose(exited -> {
                    sampling.stop();
                    // A background child may still hold the pipes open; do not wait for it forever.
                    return CompletableFuture.allOf(stdout, stderr)
                            .completeOnTimeout(null, drainMillis, TimeUnit.MILLISECONDS);
                })
                .thenApply(drained -> process.exitValue());
        return new ProcessRun(process, exit);
    }

    private static void pump(InputStream stream, LogStream name, RunListener listener) {
        var reader = new CappedLineReader(new InputStreamReader(stream, StandardCharsets.UTF_8),
                ProcessRunner.MAX_LINE_CHARS);
        try (stream) {
            String line;
            while ((line = reader.readLine()) != null) {
                deliver(listener, name, line);
            }
        } catch (IOException e) {
            // The stream closes under us when the process is killed; what was read has been delivered.
            log.debug("{} ended: {}", name.wireName(), e.getMessage());
        }
    }

    private static void deliver(RunListener listener, LogStream name, String line) {
        try {
            listener.line(name, line);
        } catch (RuntimeException e) {
            // Keep draining: a stalled pipe would block the agent, and later lines may still be deliverable.
            log.warn("listener rejected a {} line", name.wireName(), e);
        }
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public void kill() {
        ProcessHandle root = process.toHandle();
        // Snapshot the tree first: once the root dies its children are re-parented and no longer findable.
        List<ProcessHandle> tree = root.descendants().collect(Collectors.toList());
        root.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(child -> child.descendants().forEach(ProcessHandle::destroyForcibly));
    }
}
