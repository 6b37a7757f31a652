package com.agentnexus.execution.runner.docker;

import com.agentnexus.execution.runner.AgentRunner;
import com.agentnexus.execution.runner.RunListener;
import com.agentnexus.execution.runner.RunSpec;
import com.agentnexus.execution.runner.RunnerException;
import com.agentnexus.execution.runner.RunningAgent;
import com.github.dockerjava.api.exception.DockerException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs each agent in its own hardened container (see {@link ContainerSpec}): image made
 * available, container created, output attached, container started, stats sampled, and
 * the container removed however it ends.
 */
public final class DockerRunner implements AgentRunner, AutoCloseable {

    /**
     * Far above the published 16 KiB cap, so the cap and its marker still apply; only
     * bounds memory.
     */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final DockerEngine engine;

    private final LocalImage images;

    private final DockerProperties props;

    private final @Nullable String seccompJson;

    private final Duration sampleInterval;

    private final Duration drainTimeout;

    private final ScheduledExecutorService sampler;

    public DockerRunner(DockerEngine engine, DockerProperties props, Duration sampleInterval, Duration drainTimeout) {
        this.engine = engine;
        this.images = new LocalImage(engine, props.pullTimeout());
        this.props = props;
        this.seccompJson = SeccompProfile.read(props.seccompProfile());
        this.sampleInterval = sampleInterval;
        this.drainTimeout = drainTimeout;
        AtomicInteger count = new AtomicInteger();
        this.sampler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "container-stats-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public RunningAgent start(RunSpec spec, RunListener listener) {
        images.ensure(spec.sandbox().image(), listener);
        String containerId = create(spec);
        try {
            var output = new OutputAttachment(listener, MAX_LINE_BYTES);
            engine.streams()
                .attachContainerCmd(containerId)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .exec(output);
            if (!output.awaitAttached(props.pingTimeout().multipliedBy(5))) {
                output.close();
                throw new RunnerException("could not attach to the container's output");
            }
            long startNanos = System.nanoTime();
            engine.calls().startContainerCmd(containerId).exec();
            var sampling = StatsSampling.start(engine.calls(), containerId, listener, startNanos, sampler,
                    sampleInterval);
            return ContainerRun.follow(engine, containerId, output, sampling, drainTimeout);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ContainerRun.remove(engine, containerId);
            throw new RunnerException("interrupted while starting the container", e);
        }
        catch (RunnerException e) {
            ContainerRun.remove(engine, containerId);
            throw e;
        }
        catch (RuntimeException | java.io.IOException e) {
            ContainerRun.remove(engine, containerId);
            throw new RunnerException("could not start the container: " + DockerEngine.describe(e), e);
        }
    }

    private String create(RunSpec spec) {
        try {
            return engine.calls()
                .createContainerCmd(spec.sandbox().image())
                .withName("agentnexus-" + spec.executionId())
                .withCmd(ContainerSpec.command(spec))
                .withEnv(ContainerSpec.environment(spec))
                .withLabels(ContainerSpec.labels(spec, Instant.now()))
                .withUser(ContainerSpec.USER)
                .withTty(false)
                .withAttachStdin(false)
                .withStdinOpen(false)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withHostConfig(ContainerSpec.hostConfig(spec.sandbox(), props.logMaxSize().toBytes(), seccompJson))
                .exec()
                .getId();
        }
        catch (DockerException e) {
            throw new RunnerException("could not create the container: " + DockerEngine.describe(e), e);
        }
        catch (RuntimeException e) {
            throw new RunnerException("the Docker engine is not available: " + DockerEngine.describe(e), e);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

}
