package com.agentnexus.launcher;

import com.agentnexus.launcher.logs.ChildLog;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node the launcher keeps running: once ready it is watched, and when it dies without
 * being asked to it is reported and restarted with backoff, like at start-up (ready
 * before it counts as restarted). Closing it stops any restart under way before stopping
 * the process, so that no incarnation outlives the stack.
 */
final class SupervisedNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SupervisedNode.class);

    private static final Duration RESTART_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;

    private final RunningNode.Starter starter;

    private final ChildLog childLog;

    private final RestartBackoff backoff;

    private final Consumer<SupervisionEvent> events;

    /**
     * One thread per node: restarts of one node never overlap, and closing it can wait
     * for the one under way.
     */
    private final ScheduledExecutorService restarter;

    private final Object lock = new Object();

    private @Nullable RunningNode current;

    /**
     * An incarnation that ended cleanly (exit code 0): not restarted, but still closed
     * with the stack.
     */
    private @Nullable RunningNode endedCleanly;

    private long readySince;

    private int restarts;

    private boolean supervising = true;

    private SupervisedNode(String name, RunningNode.Starter starter, ChildLog childLog, RestartPolicy policy,
            Consumer<SupervisionEvent> events) {
        this.name = name;
        this.starter = starter;
        this.childLog = childLog;
        this.backoff = new RestartBackoff(policy);
        this.events = events;
        this.restarter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the first incarnation; it is watched once {@link #awaitReady()} saw it
     * ready.
     */
    static SupervisedNode start(String name, RunningNode.Starter starter, ChildLog childLog, RestartPolicy policy,
            Consumer<SupervisionEvent> events) throws Exception {
        var node = new SupervisedNode(name, starter, childLog, policy, events);
        try {
            node.current = starter.start(childLog);
            return node;
        }
        catch (Exception | Error e) {
            node.close();
            throw e;
        }
    }

    String name() {
        return name;
    }

    /**
     * Waits until the first incarnation is ready, then watches it. A death before that
     * fails the start-up, as a node that cannot start is a configuration problem that
     * restarting would only hide.
     */
    void awaitReady() throws InterruptedException {
        RunningNode node;
        synchronized (lock) {
            node = current;
        }
        if (node == null) {
            throw new IllegalStateException(name + " is not running");
        }
        node.awaitReady();
        watch(node);
    }

    /** The pid of the running incarnation. */
    Optional<Long> pid() {
        synchronized (lock) {
            return Optional.ofNullable(current).map(RunningNode::pid);
        }
    }

    int restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    private void watch(RunningNode node) {
        synchronized (lock) {
            readySince = System.nanoTime();
        }
        // A failure while handling a death would otherwise vanish in the future and end
        // supervision without a word.
        node.exited().thenAccept(exitCode -> died(node, exitCode)).exceptionally(error -> {
            log.error("Supervising {} failed after it died; it is not restarted", name, error);
            return null;
        });
    }

    private void died(RunningNode node, int exitCode) {
        Optional<Duration> restartIn;
        synchronized (lock) {
            if (!supervising || node != current) {
                return; // stopped on purpose
            }
            current = null;
            if (exitCode == 0) {
                // someone stopped it properly (PostgreSQL by pg_ctl stop, say): an
                // operator's choice, not a crash; closing it with the stack still stops
                // whatever was started in its place (pg_ctl on its data)
                endedCleanly = node;
            }
        }
        if (exitCode == 0) {
            events.accept(new SupervisionEvent.Stopped(name, node.pid()));
            return;
        }
        synchronized (lock) {
            restartIn = backoff.afterCrash(Duration.ofNanos(System.nanoTime() - readySince));
        }
        closeQuietly(node); // releases what the dead incarnation held (PostgreSQL's data
                            // directory lock, for one)
        events.accept(new SupervisionEvent.Died(name, node.pid(), exitCode, childLog.tail(), restartIn));
        restartIn.ifPresent(this::scheduleRestart);
    }

    private void scheduleRestart(Duration delay) {
        synchronized (lock) {
            if (supervising) {
                restarter.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void restart() {
        RunningNode next = null;
        try {
            synchronized (lock) {
                if (!supervising) {
                    return;
                }
            }
            next = starter.start(childLog);
            next.awaitReady();
        }
        catch (InterruptedException stopping) {
            closeQuietly(next); // the stack is being stopped while this restart waited
                                // for readiness
            Thread.currentThread().interrupt();
            return;
        }
        catch (Exception e) {
            closeQuietly(next);
            restartFailed(e);
            return;
        }
        adopt(next);
    }

    private void adopt(RunningNode next) {
        int count;
        synchronized (lock) {
            if (!supervising) {
                count = -1;
            }
            else {
                current = next;
                count = ++restarts;
            }
        }
        if (count < 0) {
            next.close(); // the stack stopped between the readiness answer and now
            return;
        }
        watch(next);
        events.accept(new SupervisionEvent.Restarted(name, next.pid(), count));
    }

    private void restartFailed(Exception e) {
        Optional<Duration> retryIn;
        synchronized (lock) {
            if (!supervising) {
                return;
            }
            retryIn = backoff.afterCrash(Duration.ZERO);
        }
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        events.accept(new SupervisionEvent.RestartFailed(name, reason, childLog.tail(), retryIn));
        retryIn.ifPresent(this::scheduleRestart);
    }

    /**
     * No restart from now on; the stack calls this on every node before it stops the
     * first one.
     */
    void stopSupervising() {
        synchronized (lock) {
            supervising = false;
        }
        restarter.shutdownNow(); // interrupts a restart that waits for readiness: it
                                 // stops what it started
    }

    /**
     * Stops supervising, waits for a restart under way to give up, then stops the running
     * incarnation.
     */
    @Override
    public void close() {
        stopSupervising();
        try {
            if (!restarter.awaitTermination(RESTART_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("A restart of {} did not stop within {}", name, RESTART_STOP_TIMEOUT);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RunningNode node;
        RunningNode ended;
        synchronized (lock) {
            node = current;
            ended = endedCleanly;
            current = null;
            endedCleanly = null;
        }
        closeQuietly(node);
        closeQuietly(ended);
        childLog.close();
    }

    private void closeQuietly(@Nullable RunningNode node) {
        if (node == null) {
            return;
        }
        try {
            node.close();
        }
        catch (RuntimeException e) {
            log.warn("Stopping {} failed: {}", name, e.toString());
        }
    }

}
