package com.agentnexus.execution.runner.docker;

import com.agentnexus.execution.runner.RunningAgent;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.WaitResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started container: exits once the engine reports its exit code, sampling has
 * stopped, its output has been drained, and it has been removed — whatever way it ended.
 */
final class ContainerRun implements RunningAgent {

    private static final Logger log = LoggerFactory.getLogger(ContainerRun.class);

    private final DockerEngine engine;

    private final String containerId;

    private final CompletableFuture<Integer> exit;

    private ContainerRun(DockerEngine engine, String containerId, CompletableFuture<Integer> exit) {
        this.engine = engine;
        this.containerId = containerId;
        this.exit = exit;
    }

    /**
     * Waits for a started container; {@code sampling} and {@code output} are stopped when
     * it has exited.
     */
    static ContainerRun follow(DockerEngine engine, String containerId, OutputAttachment output, StatsSampling sampling,
            Duration drainTimeout) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        waitFor(engine, containerId).thenCompose(code -> {
            sampling.stop();
            // A process the agent left behind may hold the streams open: do not wait for
            // it forever.
            return output.drained(drainTimeout).thenApply(drained -> code);
        }).whenComplete((code, error) -> {
            sampling.stop();
            output.finish();
            remove(engine, containerId);
            if (error != null) {
                exit.completeExceptionally(error);
            }
            else {
                exit.complete(code);
            }
        });
        return new ContainerRun(engine, containerId, exit);
    }

    private static CompletableFuture<Integer> waitFor(DockerEngine engine, String containerId) {
        CompletableFuture<Integer> code = new CompletableFuture<>();
        engine.streams().waitContainerCmd(containerId).exec(new ResultCallback.Adapter<WaitResponse>() {
            @Override
            public void onNext(WaitResponse response) {
                code.complete(response.getStatusCode());
            }

            @Override
            public void onError(Throwable error) {
                code.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                code.completeExceptionally(new IllegalStateException("the engine sent no exit code"));
            }
        });
        return code;
    }

    static void remove(DockerEngine engine, String containerId) {
        try {
            engine.calls().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        }
        catch (NotFoundException e) {
            // already gone
        }
        catch (RuntimeException e) {
            log.error("could not remove container {}: {}", containerId, DockerEngine.describe(e));
        }
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public void kill() {
        try {
            engine.calls().killContainerCmd(containerId).exec();
        }
        catch (NotFoundException | ConflictException e) {
            // it has exited already: exit() completes on its own
        }
        catch (RuntimeException e) {
            log.warn("could not kill container {}: {}", containerId, DockerEngine.describe(e));
        }
    }

}
