package com.agentnexus.execution.runner.docker;

import com.agentnexus.events.LogStream;
import com.agentnexus.execution.runner.RunListener;
import com.agentnexus.execution.runner.RunnerException;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Makes an agent's image available: the local one when present, otherwise pulled, telling
 * the owner.
 */
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
            var progress = engine.streams().pullImageCmd(image).exec(new PullProgress());
            if (!progress.awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                progress.stop();
                throw new RunnerException("pulling image " + image + " timed out after " + pullTimeout);
            }
            if (progress.error != null) {
                throw new RunnerException("pulling image " + image + " failed: " + progress.error);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException("pulling image " + image + " was interrupted", e);
        }
        catch (RunnerException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new RunnerException("pulling image " + image + " failed: " + DockerEngine.describe(e), e);
        }
        // Some engines end a failed pull without an error in the stream: only an image
        // that is there counts.
        if (!present(image)) {
            throw new RunnerException("pulling image " + image + " failed: the engine did not provide it");
        }
        listener.line(LogStream.SYSTEM, "Image ready " + image);
    }

    /**
     * Keeps the engine's own reason for a failed pull. docker-java's
     * {@code PullImageResultCallback} dies with a NullPointerException on podman's error
     * items (they carry no status), which would replace the registry's answer.
     */
    private static final class PullProgress extends ResultCallback.Adapter<PullResponseItem> {

        private volatile @Nullable String error;

        void stop() {
            try {
                close();
            }
            catch (IOException e) {
                // the pull is abandoned either way
            }
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                error = item.getErrorDetail().getMessage();
            }
            else if (item.getError() != null) {
                error = item.getError();
            }
        }

    }

    private boolean present(String image) {
        try {
            engine.calls().inspectImageCmd(image).exec();
            return true;
        }
        catch (NotFoundException e) {
            return false;
        }
        catch (RuntimeException e) {
            throw new RunnerException("the Docker engine is not available: " + DockerEngine.describe(e), e);
        }
    }

}
