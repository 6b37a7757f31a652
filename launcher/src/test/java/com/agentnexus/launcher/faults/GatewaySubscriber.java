package com.agentnexus.launcher.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A WebSocket client of the gateway that survives the gateway's death: it notices the
 * connection end and can subscribe again on a new connection with {@code fromSeq},
 * feeding one tally across connections.
 */
final class GatewaySubscriber implements AutoCloseable {

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

    private final CompletableFuture<String> ended = new CompletableFuture<>();

    // held for the connection's life: the JDK stops an unreachable HttpClient's selector
    // thread
    private final HttpClient http;

    private final WebSocket socket;

    private GatewaySubscriber(HttpClient http, WebSocket socket) {
        this.http = http;
        this.socket = socket;
    }

    static GatewaySubscriber connect(String gatewayUrl, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // the listener exists before the subscriber it feeds; nothing arrives before the
        // first subscribe
        var pending = new CompletableFuture<GatewaySubscriber>();
        WebSocket socket = http.newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .buildAsync(URI.create(gatewayUrl.replace("http", "ws") + "/ws"), new Listener(pending))
            .get(10, TimeUnit.SECONDS);
        var subscriber = new GatewaySubscriber(http, socket);
        pending.complete(subscriber);
        return subscriber;
    }

    void subscribe(String executionId, long fromSeq) {
        socket
            .sendText("{\"type\":\"subscribe\",\"executionId\":\"" + executionId + "\",\"fromSeq\":" + fromSeq + "}",
                    true)
            .join();
    }

    /**
     * Feeds the tally until its terminal status arrives, the connection ends or the
     * timeout passes; returns whether the terminal status arrived. Gateway {@code error}
     * messages fail: they would hide a gap.
     */
    boolean feed(ExecutionTally tally, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message == null) {
                if (ended.isDone() && messages.isEmpty()) {
                    return false;
                }
                continue;
            }
            if ("error".equals(message.path("type").asString())) {
                throw new AssertionError("gateway answered " + message);
            }
            if (tally.executionId().equals(message.path("executionId").asString())) {
                tally.add(ObservedEvent.fromGateway(message));
                if (tally.hasTerminal()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the gateway closed the connection or it broke. */
    boolean ended() {
        return ended.isDone();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {

        private final CompletableFuture<GatewaySubscriber> owner;

        private final StringBuilder partial = new StringBuilder();

        Listener(CompletableFuture<GatewaySubscriber> owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = StackApi.JSON.readTree(partial.toString());
                partial.setLength(0);
                owner.join().messages.add(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            owner.join().ended.complete("closed " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            owner.join().ended.complete("broken: " + error);
        }

    }

}
