package com.agentnexus.execution.runner.docker;

import com.agentnexus.events.LogStream;
import com.agentnexus.execution.runner.OutputActivity;
import com.agentnexus.execution.runner.RunListener;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container's attached stdout and stderr, demultiplexed by the engine into frames and
 * handed on line by line as they arrive. Attached before the container starts, so not
 * even its first line is missed.
 */
final class OutputAttachment extends ResultCallback.Adapter<Frame> {

    private static final Logger log = LoggerFactory.getLogger(OutputAttachment.class);

    private final LineAssembler stdout;

    private final LineAssembler stderr;

    private final CountDownLatch attached = new CountDownLatch(1);

    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private final OutputActivity activity = new OutputActivity();

    private boolean finished;

    OutputAttachment(RunListener listener, int maxLineBytes) {
        this.stdout = new LineAssembler(maxLineBytes, line -> deliver(listener, LogStream.STDOUT, line));
        this.stderr = new LineAssembler(maxLineBytes, line -> deliver(listener, LogStream.STDERR, line));
    }

    @Override
    public void onStart(Closeable stream) {
        super.onStart(stream);
        attached.countDown();
    }

    @Override
    public synchronized void onNext(Frame frame) {
        if (finished) {
            return;
        }
        activity.deliveryStarted();
        try {
            switch (frame.getStreamType()) {
                case STDERR:
                    stderr.accept(frame.getPayload());
                    break;
                case STDOUT:
                case RAW:
                    stdout.accept(frame.getPayload());
                    break;
                default:
                    break; // stdin is never attached
            }
        }
        finally {
            activity.deliveryEnded();
        }
    }

    @Override
    public void onError(Throwable error) {
        log.debug("container output stream failed: {}", error.getMessage());
        ended.complete(null);
        super.onError(error);
    }

    @Override
    public void onComplete() {
        ended.complete(null);
        super.onComplete();
    }

    boolean awaitAttached(Duration timeout) throws InterruptedException {
        return attached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Completes when the engine closed the stream (the container exited), or once no
     * frame arrived nor was being handed on for {@code idleTimeout}: frames still flowing
     * (held back by a full event buffer) are never cut off.
     */
    CompletableFuture<Void> drained(Duration idleTimeout) {
        return activity.drained(ended, idleTimeout);
    }

    /**
     * Delivers unterminated last lines and stops delivering: the listener hears nothing
     * after this.
     */
    void finish() {
        synchronized (this) {
            stdout.flush();
            stderr.flush();
            finished = true;
        }
        try {
            close();
        }
        catch (IOException e) {
            log.debug("closing the output stream: {}", e.getMessage());
        }
    }

    private static void deliver(RunListener listener, LogStream stream, String line) {
        try {
            listener.line(stream, line);
        }
        catch (RuntimeException e) {
            log.warn("listener rejected a {} line", stream.wireName(), e);
        }
    }

}
