package com.agentnexus.gateway;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gateway client on the JDK's WebSocket, which shows what the Reactor Netty client
 * hides: the server's pings (answered with pongs automatically) and the close code and
 * reason.
 */
final class JdkSocket implements AutoCloseable {

    /** How the server closed the connection. */
    record Closed(int code, String reason) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private final AtomicInteger pings = new AtomicInteger();

    private final CompletableFuture<Closed> closed = new CompletableFuture<>();

    // held: once the HttpClient is unreachable the JDK stops its selector thread, and the
    // socket goes deaf
    private final HttpClient http = HttpClient.newHttpClient();

    private final WebSocket socket;

    private JdkSocket(int port, Map<String, String> headers) {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        headers.forEach(builder::header);
        socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), new Recorder()).join();
    }

    static JdkSocket connect(int port, String token) {
        return new JdkSocket(port, Map.of("Authorization", "Bearer " + token));
    }

    static JdkSocket connect(int port, String token, String origin) {
        return new JdkSocket(port, Map.of("Authorization", "Bearer " + token, "Origin", origin));
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends {@code parts} as the fragments of one text message. */
    void sendFragmented(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).join();
        }
    }

    int pings() {
        return pings.get();
    }

    List<JsonNode> received() {
        return List.copyOf(received);
    }

    List<String> errorCodes() {
        return received.stream()
            .filter(message -> message.get("type").stringValue().equals("error"))
            .map(message -> message.get("data").get("code").stringValue())
            .toList();
    }

    long pongs() {
        return received.stream().filter(message -> message.get("type").stringValue().equals("pong")).count();
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    /** Waits for the server to close the connection. */
    Closed awaitClose(Duration within) throws Exception {
        return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a ping message and waits for its pong: the connection still works. */
    void roundTrip() {
        long before = pongs();
        send("{\"type\":\"ping\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> pongs() > before);
    }

    @Override
    public void close() {
        if (isOpen()) {
            socket.abort();
        }
    }

    private final class Recorder implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(JSON.readTree(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.incrementAndGet();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

    }

}
