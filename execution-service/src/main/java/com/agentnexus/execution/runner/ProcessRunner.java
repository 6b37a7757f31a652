package com.agentnexus.execution.runner;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs agents as local {@code /bin/sh -c} processes: the runner used when no Docker
 * engine answers. Offers no isolation beyond a clean environment — the Docker runner is
 * the hardened one. Where util-linux's {@code setsid} exists each agent gets a process
 * group of its own, so that everything it started — background jobs included, which
 * outlive their parent and can no longer be found from it — dies with it, as in a
 * container.
 *
 * <p>
 * Agents die with the service, however it dies (SIGKILL included): where util-linux's
 * {@code setpriv} exists the agent runs under a small guard shell that leads its process
 * group and holds a parent-death signal. When the service's launching thread dies the
 * kernel sends the guard SIGTERM and the guard SIGKILLs the whole group. The kernel ties
 * that signal to the thread that forked, so every agent is forked by one long-lived
 * launcher thread.
 */
final class ProcessRunner implements AgentRunner, AutoCloseable {

    /**
     * Far above the published 16 KiB cap, so the cap and its marker still apply; only
     * bounds memory.
     */
    static final int MAX_LINE_CHARS = 64 * 1024;

    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    /**
     * Leads the agent's process group with the parent-death signal (TERM) of setpriv:
     * runs the agent's script as a child and passes on its exit status; on TERM it kills
     * the group, itself included. Ordinary ends (exit, timeout, cancel) do not involve
     * it: the runner kills the group as before. A shell starts background jobs with
     * SIGINT and SIGQUIT ignored, which the agent would inherit: coreutils'
     * {@code env --default-signal} gives them back.
     */
    static final String GUARD = "trap 'kill -KILL 0' TERM; %s/bin/sh -c \"$1\" & wait $!";

    private static final String DEFAULT_SIGNALS = "/usr/bin/env --default-signal=INT,QUIT ";

    private static final Logger log = LoggerFactory.getLogger(ProcessRunner.class);

    private final RunnerProperties props;

    private final ProcessTreeProbe probe;

    private final ExecutorService outputReaders = Executors.newCachedThreadPool(daemon("agent-output-"));

    private final ScheduledExecutorService sampler = Executors.newScheduledThreadPool(1, daemon("agent-sampler-"));

    /**
     * Forks every agent: a parent-death signal fires when the forking thread ends, so it
     * must outlive them all.
     */
    private final ExecutorService launcher = Executors.newSingleThreadExecutor(daemon("agent-launcher-"));

    private final Optional<Path> setsid = utilLinux("setsid");

    private final Optional<Path> setpriv = utilLinux("setpriv");

    private final String guard;

    ProcessRunner(RunnerProperties props, ProcessTreeProbe probe) {
        this.props = props;
        this.probe = probe;
        this.guard = String.format(GUARD, runs(DEFAULT_SIGNALS + "true") ? DEFAULT_SIGNALS : "");
        if (setsid.isEmpty() || setpriv.isEmpty()) {
            log.warn("util-linux setsid/setpriv not found: agents get no process group and no parent-death signal, "
                    + "so an agent may outlive a service that is killed");
        }
    }

    @Override
    public RunningAgent start(RunSpec spec, RunListener listener) {
        List<String> command = new ArrayList<>();
        // The JVM's child is no process group leader, so setsid does not fork: the
        // agent's pid is its group's id. (--wait keeps the exit code should it fork
        // anyway; the group kill then finds nothing, the tree kill still applies.)
        setsid.ifPresent(path -> command.addAll(List.of(path.toString(), "--wait")));
        if (setsid.isPresent() && setpriv.isPresent()) {
            command.addAll(List.of(setpriv.get().toString(), "--pdeathsig", "TERM", "--"));
            command.addAll(List.of("/bin/sh", "-c", guard, "agentnexus-guard", spec.script()));
        }
        else {
            command.addAll(List.of("/bin/sh", "-c", spec.script()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The service's own environment (secrets, credentials) must not leak into an
        // agent.
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", DEFAULT_PATH);
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "C.UTF-8");
        env.putAll(spec.environment());
        Process process;
        try {
            process = launcher.submit(builder::start).get();
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new RunnerException("could not start /bin/sh: " + cause.getMessage(), cause);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException("interrupted while starting the agent", e);
        }
        return ProcessRun.start(process, setsid.isPresent(), spec.executionId().toString(), listener, outputReaders,
                sampler, probe, props);
    }

    private static boolean runs(String command) {
        try {
            return new ProcessBuilder(command.split(" ")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor() == 0;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Path> utilLinux(String tool) {
        return Optional.of(Path.of("/usr/bin", tool))
            .filter(Files::isExecutable)
            .or(() -> Optional.of(Path.of("/bin", tool)).filter(Files::isExecutable));
    }

    @Override
    public void close() {
        launcher.shutdownNow();
        sampler.shutdownNow();
        outputReaders.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
