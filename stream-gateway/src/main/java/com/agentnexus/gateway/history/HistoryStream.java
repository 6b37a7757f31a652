package com.agentnexus.gateway.history;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.protocol.ErrorCode;
import com.agentnexus.gateway.protocol.OutboundMessage;
import com.agentnexus.gateway.protocol.ServerMessages;
import com.agentnexus.gateway.subscription.Subscription;
import com.agentnexus.gateway.subscription.SubscriptionSink;
import com.agentnexus.support.Viewer;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One NDJSON history response: the sink of its subscription, and the body that
 * subscription feeds — each message the WebSocket would send, as one line.
 *
 * <p>
 * The response's status must be chosen before its first byte, yet only the subscription
 * knows whether the execution is the viewer's: {@link #opening()} tells, at the first
 * event, at the NOT_FOUND that ends a replay of someone else's (or of nothing), or when
 * replay completed without either.
 *
 * <p>
 * Lines wait for the HTTP writer in a queue of {@code queue-capacity}: replay waits while
 * more than half of it is taken, for at most {@code slow-reader-grace}; a live event that
 * finds it full, or a reader that takes nothing for the grace, ends the response before
 * the terminal status — the client resumes with fromSeq — instead of the gateway holding
 * a growing history for it.
 *
 * <p>
 * The subscription calls the sink methods under its lock, one at a time, so the body's
 * sink is never emitted to concurrently.
 */
final class HistoryStream implements SubscriptionSink {

    /** What decides the response's status. */
    enum Opening {

        /** The execution is the viewer's: 200, the lines follow. */
        FOUND,
        /** No such execution, or another user's: 404, the same for both. */
        NOT_FOUND,
        /**
         * History could not be read, or the gateway is shutting down, before anything was
         * sent: 503.
         */
        FAILED

    }

    /** Why the gateway ended a response before the terminal status. */
    enum Cut {

        /** Live events found the queue full. */
        QUEUE_FULL,
        /** The reader took nothing for the whole grace while replay waited. */
        SLOW_READER,
        /** The gateway is shutting down. */
        SHUTDOWN

    }

    private final Subscription subscription;

    private final ServerMessages messages;

    private final OpenHistories open;

    private final int capacity;

    private final long graceNanos;

    private final Sinks.Many<OutboundMessage> lines = Sinks.many().unicast().onBackpressureBuffer();

    private final CompletableFuture<Opening> opening = new CompletableFuture<>();

    /** Lines emitted that the HTTP writer has not taken yet. */
    private final AtomicInteger queued = new AtomicInteger();

    /** Where replay waits for room; notified when the queue falls to half. */
    private final Object room = new Object();

    private final AtomicBoolean cut = new AtomicBoolean();

    private volatile boolean ended;

    HistoryStream(HistoryRequest request, Viewer viewer, ServerMessages messages, HistoryProperties properties,
            OpenHistories open) {
        this.messages = messages;
        this.open = open;
        this.capacity = properties.queueCapacity();
        this.graceNanos = properties.slowReaderGrace().toNanos();
        // the subscription calls nothing back before it is started
        this.subscription = new Subscription(request.executionId(), viewer, request.fromSeq(), this);
    }

    Subscription subscription() {
        return subscription;
    }

    ExecutionId executionId() {
        return subscription.executionId();
    }

    /** Completes once the response's status can be chosen. */
    Mono<Opening> opening() {
        return Mono.fromFuture(opening, true);
    }

    /**
     * Replay has completed (or failed) and said so to the subscription: if that did not
     * end it with NOT_FOUND, the execution is the viewer's even though no event has been
     * sent yet (resumed at the end of a running one).
     */
    void replayDone() {
        opening.complete(Opening.FOUND);
    }

    /**
     * The response body: a line per message, each taken from the queue as the HTTP writer
     * asks for more (it stops asking while the socket does not take writes). Its end, or
     * the client going away, ends the subscription. Subscribe once.
     */
    Flux<DataBuffer> body() {
        return lines.asFlux()
            .doOnNext(message -> taken())
            .map(HistoryStream::line)
            // an empty first chunk sends the status and headers now rather than with the
            // first line, which for a running execution may be a while
            .startWith(DefaultDataBufferFactory.sharedInstance.wrap(new byte[0]))
            .doFinally(signal -> subscription.cancel());
    }

    /** Ends the response now, without the terminal status (the client is gone). */
    void cancel() {
        subscription.cancel();
    }

    /** Ends the response before the terminal status, for the reason given. */
    void cut(Cut reason) {
        if (!ended && cut.compareAndSet(false, true)) {
            // before any status (shutdown while replay had not answered): not a 200 with
            // an empty body, which would say the client has everything
            opening.complete(Opening.FAILED);
            open.cut(this, reason);
            subscription.cancel();
        }
    }

    int queued() {
        return queued.get();
    }

    @Override
    public void event(ExecutionEvent event) {
        if (ended) {
            return;
        }
        opening.complete(Opening.FOUND);
        if (queued.get() >= capacity) {
            // a live event, as replay waits for room: the reader is behind by a whole
            // queue
            cut(Cut.QUEUE_FULL);
            return;
        }
        emit(messages.event(event));
    }

    @Override
    public void error(ExecutionId executionId, ErrorCode code, String message) {
        if (ended) {
            return;
        }
        if (opening.complete(code == ErrorCode.NOT_FOUND ? Opening.NOT_FOUND : Opening.FAILED)) {
            // nothing was sent yet: the status says it all
            return;
        }
        // the last line, whatever the queue holds: the body says why it ends here
        emit(messages.error(executionId, code, message));
    }

    @Override
    public void ended(Subscription ending) {
        if (ended) {
            return;
        }
        ended = true;
        // ended without an event or an error: resumed at or after the terminal status,
        // or cancelled
        opening.complete(Opening.FOUND);
        lines.tryEmitComplete();
        synchronized (room) {
            room.notifyAll();
        }
        open.closed(this);
    }

    /**
     * Blocks the replay thread while more than half of the queue waits for the reader,
     * for at most the grace; then the response is cut. False when it has ended.
     */
    @Override
    public boolean awaitRoom() {
        if (hasRoom()) {
            return !ended;
        }
        long deadline = System.nanoTime() + graceNanos;
        try {
            synchronized (room) {
                long left = deadline - System.nanoTime();
                while (!ended && !hasRoom() && left > 0) {
                    TimeUnit.NANOSECONDS.timedWait(room, left);
                    left = deadline - System.nanoTime();
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            subscription.cancel();
            return false;
        }
        if (!ended && !hasRoom()) {
            cut(Cut.SLOW_READER);
        }
        return !ended;
    }

    private boolean hasRoom() {
        return queued.get() <= capacity / 2;
    }

    private void emit(OutboundMessage message) {
        queued.incrementAndGet();
        if (lines.tryEmitNext(message).isFailure()) {
            // the body was cancelled (the client went away); its end cancels the
            // subscription
            queued.decrementAndGet();
        }
    }

    private void taken() {
        if (queued.decrementAndGet() == capacity / 2) {
            synchronized (room) {
                room.notifyAll();
            }
        }
    }

    /** The message's JSON and a newline, in an array of their own. */
    private static DataBuffer line(OutboundMessage message) {
        ByteBuffer json = message.json();
        byte[] line = new byte[json.remaining() + 1];
        json.get(line, 0, line.length - 1);
        line[line.length - 1] = '\n';
        return DefaultDataBufferFactory.sharedInstance.wrap(line);
    }

}
