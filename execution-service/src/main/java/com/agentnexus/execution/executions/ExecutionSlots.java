package com.agentnexus.execution.executions;

import com.agentnexus.events.ExecutionId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Bounded concurrency: at most {@code maxRunning} executions run, at most
 * {@code maxQueued} wait (PENDING). A place is reserved before anything is stored, so a
 * refused start leaves no trace; it is given back when the execution's work ends or when
 * it is withdrawn from the queue. Also the registry of this process's live executions,
 * which cancel and restart recovery consult.
 */
final class ExecutionSlots implements AutoCloseable {

    private final int capacity;

    private final AtomicInteger admitted = new AtomicInteger();

    private final ThreadPoolExecutor executor;

    private final Map<ExecutionId, ExecutionControl> active = new ConcurrentHashMap<>();

    ExecutionSlots(int maxRunning, int maxQueued) {
        this.capacity = maxRunning + maxQueued;
        AtomicInteger threads = new AtomicInteger();
        // The queue is unbounded on purpose: admission (tryReserve) bounds it, before the
        // row is inserted.
        this.executor = new ThreadPoolExecutor(maxRunning, maxRunning, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "execution-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Reserves a place (running or queued); false when the service is full. */
    boolean tryReserve() {
        int current;
        do {
            current = admitted.get();
            if (current >= capacity) {
                return false;
            }
        }
        while (!admitted.compareAndSet(current, current + 1));
        return true;
    }

    /** Gives back a reservation that never reached {@link #submit}. */
    void release() {
        admitted.decrementAndGet();
    }

    /**
     * Queues the execution's work on its reservation; the reservation is released when
     * the work ends.
     */
    void submit(ExecutionControl control, Runnable work) {
        active.put(control.id(), control);
        Runnable task = () -> {
            try {
                work.run();
            }
            finally {
                end(control);
            }
        };
        control.queuedAs(task);
        executor.execute(task);
    }

    /**
     * Takes a cancelled, not yet started execution out of the queue (if its work has not
     * been dequeued yet).
     */
    void withdraw(ExecutionControl control) {
        Runnable task = control.task();
        if (task != null && executor.remove(task)) {
            end(control);
        }
    }

    @Nullable ExecutionControl active(ExecutionId id) {
        return active.get(id);
    }

    boolean isActive(ExecutionId id) {
        return active.containsKey(id);
    }

    private void end(ExecutionControl control) {
        if (active.remove(control.id(), control)) {
            admitted.decrementAndGet();
        }
    }

    /**
     * Shutdown: queued executions stay PENDING (restart recovery ends them); running ones
     * are interrupted, which makes each lifecycle kill its agent — so no container
     * outlives the service — and publish FAILED. Waits at most {@code grace} for them.
     * @return whether every execution's work ended within {@code grace}
     */
    boolean shutDown(Duration grace) {
        executor.shutdownNow();
        try {
            return executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

}
