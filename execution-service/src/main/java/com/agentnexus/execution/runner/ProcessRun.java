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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent process: its two output pumps, its resource sampling, and how it ends. When
 * the agent leads a process group of its own, the whole group is killed once the agent
 * has exited (or is killed): a background job it left behind would otherwise live on,
 * holding the output pipes and their reader threads.
 */
final class ProcessRun implements RunningAgent {

    private static final Logger log = LoggerFactory.getLogger(ProcessRun.class);

    private final Process process;

    private final boolean ownGroup;

    private final CompletableFuture<Integer> exit;

    private ProcessRun(Process process, boolean ownGroup, CompletableFuture<Integer> exit) {
        this.process = process;
        this.ownGroup = ownGroup;
        this.exit = exit;
    }

    /**
     * @param ownGroup the process was started as the leader of a new process group (its
     * pid is the group's id)
     * @param label names the reader threads while they read this process's output (the
     * execution id)
     */
    static ProcessRun start(Process process, boolean ownGroup, String label, RunListener listener,
            ExecutorService readers, ScheduledExecutorService scheduler, ProcessTreeProbe probe,
            RunnerProperties props) {
        // Both streams are read concurrently and each line is handed on at once: never
        // buffered until the end.
        var activity = new OutputActivity();
        CompletableFuture<Void> stdout = CompletableFuture
            .runAsync(() -> pump(process.getInputStream(), LogStream.STDOUT, listener, label, activity), readers);
        CompletableFuture<Void> stderr = CompletableFuture
            .runAsync(() -> pump(process.getErrorStream(), LogStream.STDERR, listener, label, activity), readers);
        ResourceSampling sampling = ResourceSampling.start(process.toHandle(), probe, listener, scheduler,
                props.sampleInterval());
        CompletableFuture<Integer> exit = process.onExit().thenCompose(exited -> {
            sampling.stop();
            if (ownGroup) {
                // What it left running dies with it; the pipes then close and the readers
                // finish.
                killGroup(process.pid());
            }
            // Without a group of its own a background child may still hold the pipes
            // open: do not wait for it forever — but never abandon output that is still
            // being read and handed on.
            return activity.drained(CompletableFuture.allOf(stdout, stderr), props.drainTimeout());
        }).thenApply(drained -> process.exitValue());
        return new ProcessRun(process, ownGroup, exit);
    }

    private static void pump(InputStream stream, LogStream name, RunListener listener, String label,
            OutputActivity activity) {
        Thread thread = Thread.currentThread();
        String poolName = thread.getName();
        thread.setName(poolName + "-" + label + "-" + name.wireName());
        var reader = new CappedLineReader(new InputStreamReader(stream, StandardCharsets.UTF_8),
                ProcessRunner.MAX_LINE_CHARS);
        try (stream) {
            String line;
            while ((line = reader.readLine()) != null) {
                activity.deliveryStarted();
                try {
                    deliver(listener, name, line);
                }
                finally {
                    activity.deliveryEnded();
                }
            }
        }
        catch (IOException e) {
            // The stream closes under us when the process is killed; what was read has
            // been delivered.
            log.debug("{} ended: {}", name.wireName(), e.getMessage());
        }
        finally {
            thread.setName(poolName);
        }
    }

    /**
     * SIGKILL to every process of the group {@code pgid}. The group outlives its leader
     * as long as a member lives, and a group id is never handed out while it is in use,
     * so this reaches exactly the agent's leftovers.
     */
    private static void killGroup(long pgid) {
        try {
            // dash's builtin kill takes a negative pid as a group; nothing to kill any
            // more is fine
            new ProcessBuilder("/bin/sh", "-c", "kill -9 -" + pgid + " 2>/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
        }
        catch (IOException e) {
            log.warn("could not kill process group {}: {}", pgid, e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deliver(RunListener listener, LogStream name, String line) {
        try {
            listener.line(name, line);
        }
        catch (RuntimeException e) {
            // Keep draining: a stalled pipe would block the agent, and later lines may
            // still be deliverable.
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
        // Snapshot the tree first: once the root dies its children are re-parented and no
        // longer findable.
        List<ProcessHandle> tree = root.descendants().collect(Collectors.toList());
        if (ownGroup) {
            killGroup(process.pid()); // the root and everything in its group, including
                                      // what already left the tree
        }
        root.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(child -> child.descendants().forEach(ProcessHandle::destroyForcibly));
    }

}
