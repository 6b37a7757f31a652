package com.agentnexus.gateway.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * The open WebSocket connections of this gateway: one heartbeat for all of them (pings,
 * idle closes), the {@code agentnexus_active_websocket_connections} gauge, their outbound
 * queues' depths (the deepest now, and once a second each one's into a histogram), and a
 * graceful shutdown that closes each with 1001 so clients reconnect (to another gateway)
 * and resume by seq. It stops before the web server's own graceful shutdown, which would
 * otherwise wait for sockets that never end.
 */
@Component
class ActiveConnections implements SmartLifecycle {

    static final CloseStatus SHUTTING_DOWN = new CloseStatus(1001, "server shutting down");

    private static final Logger log = LoggerFactory.getLogger(ActiveConnections.class);

    private static final double[] DEPTH_BUCKETS = { 1, 8, 64, 512, 2048, 8192 };

    private static final Duration COARSEST_BEAT = Duration.ofSeconds(1);

    private static final Duration FINEST_BEAT = Duration.ofMillis(10);

    private static final long DEPTH_SAMPLE_NANOS = Duration.ofSeconds(1).toNanos();

    private final Set<OpenConnection> open = ConcurrentHashMap.newKeySet();

    private final Duration beatEvery;

    // the heartbeat's thread only
    private long depthsSampled = System.nanoTime();

    private final Duration closeTimeout;

    private final Counter slowCloses;

    private final DistributionSummary queueDepths;

    private @Nullable Disposable heartbeat;

    private volatile boolean running;

    // refusing only once stopping: this bean starts after the web server, which already
    // accepts handshakes
    private volatile boolean stopping;

    ActiveConnections(MeterRegistry registry, ConnectionProperties properties) {
        this.closeTimeout = properties.closeTimeout();
        this.beatEvery = beatEvery(properties.pingInterval(), properties.idleTimeout());
        Gauge.builder("agentnexus.active.websocket.connections", open, Set::size)
            .description("Open WebSocket connections of this gateway")
            .register(registry);
        Gauge.builder("agentnexus.websocket.outbound.queue.max", this, ActiveConnections::deepestQueue)
            .description("Messages waiting for the socket in the fullest outbound queue of this gateway, now")
            .register(registry);
        queueDepths = DistributionSummary.builder("agentnexus.websocket.outbound.queue.depth")
            .description("Messages waiting for the socket per connection, each connection sampled once a second")
            .serviceLevelObjectives(DEPTH_BUCKETS)
            .register(registry);
        slowCloses = Counter.builder("agentnexus.websocket.slow.closes")
            .description("Connections closed with 1013: the client did not take what it was sent")
            .register(registry);
    }

    void slowClientClosed() {
        slowCloses.increment();
    }

    /**
     * Registers a new connection; false once shutdown has begun (the caller closes it
     * with 1001).
     */
    boolean open(OpenConnection connection) {
        open.add(connection);
        if (stopping) {
            open.remove(connection);
            return false;
        }
        return true;
    }

    void closed(OpenConnection connection) {
        open.remove(connection);
        if (stopping && open.isEmpty()) {
            synchronized (open) {
                open.notifyAll();
            }
        }
    }

    int count() {
        return open.size();
    }

    /**
     * How often the heartbeat runs: a tenth of the idle timeout (a silent connection
     * closes at most 10 % late), often enough to ping on time, at most once a second and
     * at least every 10 ms.
     */
    static Duration beatEvery(Duration pingInterval, Duration idleTimeout) {
        Duration beat = idleTimeout.dividedBy(10);
        if (pingInterval.compareTo(beat) < 0) {
            beat = pingInterval;
        }
        if (beat.compareTo(COARSEST_BEAT) > 0) {
            return COARSEST_BEAT;
        }
        return beat.compareTo(FINEST_BEAT) < 0 ? FINEST_BEAT : beat;
    }

    private double deepestQueue() {
        int deepest = 0;
        for (OpenConnection connection : open) {
            deepest = Math.max(deepest, connection.queued());
        }
        return deepest;
    }

    /**
     * Pings, idle closes and the queue-depth samples of every connection, from one timer.
     */
    private void beat() {
        long now = System.nanoTime();
        boolean sampleDepths = now - depthsSampled >= DEPTH_SAMPLE_NANOS;
        if (sampleDepths) {
            depthsSampled = now;
        }
        for (OpenConnection connection : open) {
            connection.beat(now);
            if (sampleDepths) {
                queueDepths.record(connection.queued());
            }
        }
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
        long period = beatEvery.toNanos();
        heartbeat = Schedulers.parallel().schedulePeriodically(this::beat, period, period, TimeUnit.NANOSECONDS);
    }

    @Override
    public void stop() {
        stopping = true;
        running = false;
        if (heartbeat != null) {
            heartbeat.dispose();
        }
        List<OpenConnection> connections = List.copyOf(open);
        if (connections.isEmpty()) {
            return;
        }
        log.info("Closing {} WebSocket connection(s) with 1001", connections.size());
        connections.forEach(connection -> connection.close(SHUTTING_DOWN));
        // each connection's clean-up (subscriptions, gauge) runs once its close frame is
        // out, or its socket was cut
        long deadline = System.nanoTime() + closeTimeout.plusSeconds(1).toNanos();
        try {
            synchronized (open) {
                // woken by the last closed(); the emptiness check under the monitor
                // cannot miss that wake-up
                while (!open.isEmpty() && System.nanoTime() < deadline) {
                    TimeUnit.NANOSECONDS.timedWait(open, deadline - System.nanoTime());
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!open.isEmpty()) {
            log.warn("{} WebSocket connection(s) still open after {}", open.size(), closeTimeout);
        }
    }

    /**
     * Stops first of all (highest phase): before the web server's graceful shutdown,
     * which would wait for us.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
