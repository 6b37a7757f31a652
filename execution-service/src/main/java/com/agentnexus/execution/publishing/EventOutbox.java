package com.agentnexus.execution.publishing;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatusChanged;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded, ordered buffer between the sequencers and the Kafka producer. One thread hands events to the
 * producer in offer order; when the producer refuses one before taking it (no metadata, full producer buffer —
 * a broker outage), the thread retries that same head with backoff, so nothing behind it can overtake it. Once
 * handed over, order is the idempotent producer's job: it retries in order and, with an unbounded
 * {@code delivery.timeout.ms}, never expires an early batch while a later one gets through.
 *
 * <p>The bound counts events offered but not yet acknowledged — the queue plus the producer's in-flight records.
 */
final class EventOutbox implements EventSink, AutoCloseable {

    /** Hands one event to the producer; the future completes on the broker's acknowledgement. */
    @FunctionalInterface
    interface Producer {
        CompletableFuture<Void> send(ExecutionEvent event);
    }

    private record Entry(ExecutionEvent event, CompletableFuture<Void> acked) {
    }

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(50);

    private final Producer producer;
    private final PublishingProperties props;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread publisher;
    private volatile long progressNanos = System.nanoTime();

    EventOutbox(Producer producer, PublishingProperties props) {
        this.producer = producer;
        this.props = props;
        this.publisher = new Thread(this::drain, "event-outbox");
        this.publisher.setDaemon(true);
        this.publisher.start();
    }

    @Override
    public Optional<CompletableFuture<Void>> offer(ExecutionEvent event) {
        boolean terminal = event instanceof ExecutionStatusChanged status && status.isTerminal();
        if (!reserve(terminal)) {
            refused.incrementAndGet();
            return Optional.empty();
        }
        var entry = new Entry(event, new CompletableFuture<>());
        queue.add(entry);
        return Optional.of(entry.acked());
    }

    /** Events accepted and not yet acknowledged. */
    int pending() {
        return pending.get();
    }

    /** Events refused because the buffer was full. */
    int refused() {
        return refused.get();
    }

    /** Whether events wait for Kafka longer than the stall threshold: publishing now would not be prompt. */
    boolean stalled() {
        return pending.get() > 0
                && System.nanoTime() - progressNanos > props.stallThreshold().toNanos();
    }

    private boolean reserve(boolean terminal) {
        while (true) {
            int now = pending.get();
            if (now >= props.bufferEvents() && !terminal) {
                return false;
            }
            if (pending.compareAndSet(now, now + 1)) {
                if (now == 0) {
                    progressNanos = System.nanoTime();
                }
                return true;
            }
        }
    }

    private void drain() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                handOver(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOver(Entry entry) throws InterruptedException {
        Duration backoff = MIN_BACKOFF;
        boolean warned = false;
        while (true) {
            try {
                CompletableFuture<Void> sent = producer.send(entry.event());
                if (refusedBeforeHandOver(sent)) {
                    sent.join();
                }
                sent.whenComplete((ok, error) -> settle(entry, error));
                if (warned) {
                    log.info("Kafka accepts events again; the buffered events follow in order");
                }
                return;
            } catch (RuntimeException e) {
                if (!warned) {
                    log.warn("Kafka does not accept events ({}); buffering up to {} events and retrying",
                            rootMessage(e), props.bufferEvents());
                    warned = true;
                }
                TimeUnit.NANOSECONDS.sleep(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(props.maxRetryBackoff()) > 0 ? props.maxRetryBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * The producer reports a missing-metadata or full-buffer timeout through the future before {@code send}
     * returns: the record was never taken, so retrying it keeps the order. Any other failure is the broker's
     * verdict on a record it did take.
     */
    private static boolean refusedBeforeHandOver(CompletableFuture<Void> sent) {
        if (!sent.isCompletedExceptionally()) {
            return false;
        }
        try {
            sent.join();
            return false;
        } catch (CompletionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                    return true;
                }
            }
            return false;
        }
    }

    private void settle(Entry entry, @Nullable Throwable error) {
        pending.decrementAndGet();
        progressNanos = System.nanoTime();
        if (error == null) {
            entry.acked().complete(null);
        } else {
            // Not retriable (e.g. a record the broker rejects): retrying would block every execution behind it.
            log.error("event seq {} of execution {} was rejected by Kafka and is not published",
                    entry.event().seq(), entry.event().executionId(), error);
            entry.acked().completeExceptionally(error);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Gives buffered events a short chance to leave, then stops the publisher thread. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try {
            while (!queue.isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.interrupt();
    }
}
