package com.agentnexus.gateway.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * The open WebSocket connections of this gateway: the
 * {@code agentnexus_active_websocket_connections} gauge, their outbound queues' depths
 * (the deepest now, and once a second each one's into a histogram), and a graceful
 * shutdown that closes each with 1001 so clients reconnect (to another gateway) and
 * resume by seq. It stops before the web server's own graceful shutdown, which would
 * otherwise wait for sockets that never end.
 */
@Component
class ActiveConnections implements SmartLifecycle {

    static final CloseStatus SHUTTING_DOWN = new CloseStatus(1001, "server shutting down");

    private static final Logger log = LoggerFactory.getLogger(ActiveConnections.class);

    private static final double[] DEPTH_BUCKETS = { 1, 8, 64, 512, 2048, 8192 };

    // each open connection with the depth of its outbound queue
    private final Map<ServerClose, IntSupplier> open = new ConcurrentHashMap<>();

    private final Duration closeTimeout;

    private final Counter slowCloses;

    private final DistributionSummary queueDepths;

    private @Nullable Disposable depthSampling;

    private volatile boolean running;

    // refusing only once stopping: this bean starts after the web server, which already
    // accepts handshakes
    private volatile boolean stopping;

    ActiveConnections(MeterRegistry registry, ConnectionProperties properties) {
        this.closeTimeout = properties.closeTimeout();
        Gauge.builder("agentnexus.active.websocket.connections", open, Map::size)
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
    boolean open(ServerClose connection, IntSupplier queued) {
        open.put(connection, queued);
        if (stopping) {
            open.remove(connection);
            return false;
        }
        return true;
    }

    void closed(ServerClose connection) {
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

    private double deepestQueue() {
        int deepest = 0;
        for (IntSupplier queued : open.values()) {
            deepest = Math.max(deepest, queued.getAsInt());
        }
        return deepest;
    }

    private void sampleQueueDepths() {
        open.values().forEach(queued -> queueDepths.record(queued.getAsInt()));
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
        depthSampling = Schedulers.parallel().schedulePeriodically(this::sampleQueueDepths, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        stopping = true;
        running = false;
        if (depthSampling != null) {
            depthSampling.dispose();
        }
        List<ServerClose> connections = List.copyOf(open.keySet());
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
