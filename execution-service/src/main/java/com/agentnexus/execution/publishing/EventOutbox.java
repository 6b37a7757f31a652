package com.agentnexus.execution.publishing;

import com.agentnexus.events.ExecutionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded, ordered buffer between the sequencers and the Kafka producer. One thread
 * hands events to the producer in offer order; when the producer refuses one before
 * taking it (no metadata, full producer buffer — a broker outage), the thread retries
 * that same head with backoff, so nothing behind it can overtake it. Once handed over,
 * order is the idempotent producer's job: it retries in order and, with an unbounded
 * {@code delivery.timeout.ms}, never expires an early batch while a later one gets
 * through.
 *
 * <p>
 * The bound counts events offered but not yet acknowledged — the queue plus the
 * producer's in-flight records. It is kept by {@link #awaitRoom()}: writers wait while it
 * is full, for as long as Kafka acknowledges something within the outage timeout. "Kafka
 * slower than the agent" therefore slows the agent; only "Kafka acknowledges nothing"
 * ends an execution.
 */
final class EventOutbox implements EventSink, AutoCloseable {

    /**
     * Hands one event to the producer; the future completes on the broker's
     * acknowledgement.
     */
    @FunctionalInterface
    interface Producer {

        CompletableFuture<Void> send(ExecutionEvent event);

    }

    private record Entry(ExecutionEvent event, CompletableFuture<Void> acked) {
    }

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

    private static final Duration MIN_BACKOFF = Duration.ofMillis(50);

    private static final long MAX_WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final int HAND_OVER_BATCH = 512;

    private final Producer producer;

    private final PublishingProperties props;

    /**
     * A held-back writer resumes only once the buffer has drained to here, not at the
     * first free slot: waking a writer per acknowledged event would cost a context switch
     * per line exactly when the agent is fastest.
     */
    private final int resumeBelow;

    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();

    private final AtomicInteger pending = new AtomicInteger();

    private final AtomicLong notPublished = new AtomicLong();

    private final AtomicLong skippedSamples = new AtomicLong();

    private final AtomicLong waits = new AtomicLong();

    private final ReentrantLock roomLock = new ReentrantLock();

    private final Condition room = roomLock.newCondition();

    /**
     * Signalled when nothing is pending any more, while {@link #close()} waits for it.
     */
    private final Condition drained = roomLock.newCondition();

    private volatile boolean closing;

    private volatile int waiting;

    private final Thread publisher;

    private volatile long progressNanos = System.nanoTime();

    EventOutbox(Producer producer, PublishingProperties props) {
        this.producer = producer;
        this.props = props;
        this.resumeBelow = Math.max(1, props.bufferEvents() * 3 / 4);
        this.publisher = new Thread(this::drain, "event-outbox");
        this.publisher.setDaemon(true);
        this.publisher.start();
    }

    @Override
    public CompletableFuture<Void> offer(ExecutionEvent event) {
        if (pending.getAndIncrement() == 0) {
            progressNanos = System.nanoTime();
        }
        var entry = new Entry(event, new CompletableFuture<>());
        queue.add(entry);
        return entry.acked();
    }

    @Override
    public boolean awaitRoom(BooleanSupplier stopWaiting) {
        if (pending.get() < props.bufferEvents() || stopWaiting.getAsBoolean()) {
            return true;
        }
        waits.incrementAndGet();
        roomLock.lock();
        waiting++;
        try {
            while (pending.get() >= resumeBelow && !stopWaiting.getAsBoolean()) {
                long quietNanos = System.nanoTime() - progressNanos;
                long leftNanos = props.outageTimeout().toNanos() - quietNanos;
                if (leftNanos <= 0) {
                    return false;
                }
                room.awaitNanos(Math.min(leftNanos, MAX_WAIT_SLICE_NANOS));
            }
            return true;
        }
        catch (InterruptedException e) {
            // The service is stopping and kills its agents: their remaining output goes
            // beyond the bound (a pipe's worth each) rather than being lost; the
            // interrupt is kept for the caller.
            Thread.currentThread().interrupt();
            return true;
        }
        finally {
            waiting--;
            roomLock.unlock();
        }
    }

    @Override
    public boolean takesOptionalEvents() {
        if (stalled()) {
            skippedSamples.incrementAndGet();
            return false;
        }
        return true;
    }

    @Override
    public void notPublished() {
        notPublished.incrementAndGet();
    }

    /** Events accepted and not yet acknowledged. */
    int pending() {
        return pending.get();
    }

    /**
     * Events that executions produced and that were never published, because an outage
     * outlasted the buffer.
     */
    long notPublishedEvents() {
        return notPublished.get();
    }

    /** Resource samples not taken because publishing was stalled. */
    long skippedSamples() {
        return skippedSamples.get();
    }

    /**
     * How often a writer found the buffer full and had to wait (backpressure on an
     * agent).
     */
    long waits() {
        return waits.get();
    }

    /**
     * How long Kafka has acknowledged nothing while events wait; 0 when nothing waits.
     */
    double unacknowledgedSeconds() {
        return pending.get() == 0 ? 0 : (System.nanoTime() - progressNanos) / 1e9;
    }

    /**
     * Whether events wait for Kafka longer than the stall threshold: publishing now would
     * not be prompt.
     */
    boolean stalled() {
        return pending.get() > 0 && System.nanoTime() - progressNanos > props.stallThreshold().toNanos();
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>(HAND_OVER_BATCH);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(queue.take());
                queue.drainTo(batch, HAND_OVER_BATCH - 1);
                for (Entry entry : batch) {
                    handOver(entry);
                }
                batch.clear();
            }
        }
        catch (InterruptedException e) {
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
            }
            catch (RuntimeException e) {
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
     * The producer reports a missing-metadata or full-buffer timeout through the future
     * before {@code send} returns: the record was never taken, so retrying it keeps the
     * order. Any other failure is the broker's verdict on a record it did take.
     */
    private static boolean refusedBeforeHandOver(CompletableFuture<Void> sent) {
        if (!sent.isCompletedExceptionally()) {
            return false;
        }
        try {
            sent.join();
            return false;
        }
        catch (CompletionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                    return true;
                }
            }
            return false;
        }
    }

    private void settle(Entry entry, @Nullable Throwable error) {
        if (error == null) {
            entry.acked().complete(null);
        }
        else {
            // Not retriable (e.g. a record the broker rejects): retrying would block
            // every execution behind it.
            log.error("event seq {} of execution {} was rejected by Kafka and is not published", entry.event().seq(),
                    entry.event().executionId(), error);
            entry.acked().completeExceptionally(error);
        }
        // counted out only once its acknowledgement is delivered, so close() returns with
        // every one done
        int now = pending.decrementAndGet();
        progressNanos = System.nanoTime();
        if ((waiting > 0 && now < resumeBelow) || (now == 0 && closing)) {
            roomLock.lock();
            try {
                room.signalAll();
                drained.signalAll();
            }
            finally {
                roomLock.unlock();
            }
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Gives buffered events a short chance to reach Kafka — the queue and the batch the
     * publisher holds, until acknowledged — then stops the publisher thread.
     */
    @Override
    public void close() {
        closing = true;
        long leftNanos = Duration.ofSeconds(5).toNanos();
        roomLock.lock();
        try {
            while (pending.get() > 0 && leftNanos > 0) {
                leftNanos = drained.awaitNanos(leftNanos);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            roomLock.unlock();
        }
        publisher.interrupt();
    }

}
