package com.agentnexus.execution.runner.docker;

import com.agentnexus.events.LogStream;
import com.agentnexus.execution.runner.RunListener;
import com.agentnexus.execution.runner.RunnerException;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Makes an agent's image available: the local one when present, otherwise pulled, telling the owner. */
final class LocalImage {

    private final DockerEngine engine;
    private final Duration pullTimeout;

    LocalImage(DockerEngine engine, Duration pullTimeout) {
        this.engine = engine;
        this.pullTimeout = pullTimeout;
    }

    void ensure(String image, RunListener listener) {
        if (present(image)) {
            return;
        }
        listener.line(LogStream.SYSTEM, "Pulling image " + image);
        try {
            boolean done = engine.streams().pullImageCmd(image).exec(new PullImageResultCallback())
                    .awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                throw new RunnerException("pulling image " + image + " timed out after " + pullTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException("pulling image " + image + " was interrupted", e);
        } catch (RunnerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RunnerException("pulling image " + image + " failed: " + DockerEngine.describe(e), e);
        }
        // Some engines end a failed pull without an error in the stream: only an image that is there counts.
        if (!present(image)) {
            throw new RunnerException("pulling image " + image + " failed: the engine did not provide it");
        }
        listener.line(LogStream.SYSTEM, "Image ready " + image);
    }

    private boolean present(String image) {
        try {
            engine.calls().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw new RunnerException("the Docker engine is not available: " + DockerEngine.describe(e), e);
        }
    }
}
