package com.agentnexus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Opens WebSocket connections to the gateway with a bearer token (JDK
 * {@code java.net.http}). Connections are spread over a few HTTP clients, each with its
 * own selector thread, and share one small executor for the listeners.
 */
public final class LoadClient implements AutoCloseable {

    private final URI uri;

    private final String token;

    private final List<HttpClient> clients = new ArrayList<>();

    private final ExecutorService executor;

    private int next;

    public LoadClient(URI uri, String token, int selectors, int listenerThreads) {
        this.uri = uri;
        this.token = token;
        this.executor = Executors.newFixedThreadPool(listenerThreads, runnable -> {
            Thread thread = new Thread(runnable, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < selectors; i++) {
            clients.add(HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(30)).build());
        }
    }

    /**
     * Opens {@code count} connections, at most {@code parallel} handshakes at a time, and
     * returns once all are open.
     */
    public List<BenchSocket> open(int count, int parallel) throws InterruptedException {
        var permits = new Semaphore(parallel);
        List<BenchSocket> sockets = new ArrayList<>(count);
        List<CompletableFuture<?>> opened = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            permits.acquire();
            var socket = new BenchSocket(i);
            sockets.add(socket);
            HttpClient client = clients.get(next++ % clients.size());
            opened.add(client.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, socket)
                .whenComplete((ws, error) -> permits.release()));
        }
        try {
            CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        }
        catch (Exception e) {
            sockets.forEach(BenchSocket::close);
            throw new IllegalStateException("could not open " + count + " connections", e);
        }
        return sockets;
    }

    public static void closeAll(List<BenchSocket> sockets) {
        sockets.forEach(BenchSocket::close);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

}
