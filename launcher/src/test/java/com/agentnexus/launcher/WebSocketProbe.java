package com.agentnexus.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client for tests: collects every text message the gateway sends. */
final class WebSocketProbe implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    // held for the probe's life: the JDK stops an unreachable HttpClient's selector
    // thread, deafening the socket
    private final HttpClient http;

    private final WebSocket socket;

    private WebSocketProbe(HttpClient http, WebSocket socket, Listener listener) {
        this.http = http;
        this.socket = socket;
    }

    static WebSocketProbe connect(String url, String token) throws Exception {
        var listener = new Listener();
        HttpClient http = HttpClient.newHttpClient();
        WebSocket socket = http.newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .buildAsync(URI.create(url), listener)
            .get(10, TimeUnit.SECONDS);
        var probe = new WebSocketProbe(http, socket, listener);
        listener.sink = probe.received;
        return probe;
    }

    void subscribe(String executionId) {
        socket.sendText("{\"type\":\"subscribe\",\"executionId\":\"" + executionId + "\"}", true).join();
    }

    /**
     * Every message up to and including the first terminal status or error, failing after
     * the timeout.
     */
    List<JsonNode> untilTerminal(Duration timeout) throws InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode next = received.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no terminal status within " + timeout + "; got " + messages);
            }
            messages.add(next);
            String type = next.path("type").asString();
            String status = next.path("data").path("status").asString();
            if ("error".equals(type)
                    || ("status".equals(type) && !status.equals("PENDING") && !status.equals("RUNNING"))) {
                return messages;
            }
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done").exceptionally(e -> null);
    }

    private static final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        private volatile BlockingQueue<JsonNode> sink;

        private final List<JsonNode> early = new ArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                synchronized (early) {
                    if (sink == null) {
                        early.add(message);
                    }
                    else {
                        sink.addAll(early);
                        early.clear();
                        sink.add(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

    }

}
