package com.agentnexus.execution.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker engine the service talks to: two clients (short calls with a response
 * timeout; long streams — attach, wait, pull — without one, since an agent may stay
 * silent for minutes) and the engine's last known health from periodic pings.
 */
public final class DockerEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DockerEngine.class);

    /** The outcome of the latest ping. */
    public record Health(boolean up, String host, Instant checkedAt, @Nullable String error) {
    }

    private final DockerClient calls;

    private final DockerClient streams;

    private final String host;

    private final AtomicReference<Health> health;

    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "docker-ping");
        thread.setDaemon(true);
        return thread;
    });

    private DockerEngine(DockerClient calls, DockerClient streams, String host) {
        this.calls = calls;
        this.streams = streams;
        this.host = host;
        this.health = new AtomicReference<>(new Health(false, host, Instant.now(), "not checked yet"));
    }

    static DockerEngine connect(DockerProperties props) {
        var builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (props.host() != null && !props.host().isBlank()) {
            builder.withDockerHost(props.host());
        }
        DockerClientConfig config = builder.build();
        Duration timeout = props.pingTimeout();
        DockerClient calls = DockerClientImpl.getInstance(config,
                new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig())
                    .connectionTimeout(timeout)
                    .responseTimeout(timeout.multipliedBy(15))
                    .maxConnections(64)
                    .build());
        DockerClient streams = DockerClientImpl.getInstance(config,
                new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig())
                    .connectionTimeout(timeout)
                    .maxConnections(1024)
                    .build());
        return new DockerEngine(calls, streams, config.getDockerHost().toString());
    }

    /**
     * Pings now — so the first execution already finds an answer — and then every
     * {@code interval}.
     */
    void watch(Duration interval) {
        ping();
        watcher.scheduleWithFixedDelay(this::ping, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Pings the engine now and remembers the outcome. */
    Health ping() {
        Health now;
        try {
            calls.pingCmd().exec();
            now = new Health(true, host, Instant.now(), null);
        }
        catch (RuntimeException e) {
            now = new Health(false, host, Instant.now(), describe(e));
        }
        Health before = health.getAndSet(now);
        if (before.up() != now.up()) {
            log.info("Docker engine at {} is {}{}", host, now.up() ? "up" : "down",
                    now.error() == null ? "" : ": " + now.error());
        }
        return now;
    }

    /** The outcome of the latest ping, without calling the engine. */
    public Health lastHealth() {
        return health.get();
    }

    DockerClient calls() {
        return calls;
    }

    DockerClient streams() {
        return streams;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        try {
            calls.close();
            streams.close();
        }
        catch (IOException e) {
            log.debug("closing the Docker clients: {}", e.getMessage());
        }
    }

}
