package com.agentnexus.launcher;

import java.lang.ref.Reference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny WebSocket client: subscribes to one execution and prints every message until its
 * terminal status.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print an execution's events from the gateway, from seq 1 (or after --from-seq) to the end.")
final class WatchCommand implements java.util.concurrent.Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameters(index = "0", description = "the executionId")
    String executionId;

    @Option(names = "--url", defaultValue = "ws://127.0.0.1:3001/ws", description = "gateway WebSocket URL")
    String url;

    @Option(names = "--token", description = "bearer token (default: a token for user 'demo' signed with the "
            + "development secret, or AGENTNEXUS_SECURITY_JWT_SECRET)")
    String token;

    @Option(names = "--from-seq", description = "resume after this seq")
    Long fromSeq;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "give up after this ISO-8601 duration")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        String bearer = token != null ? token : TokenCommand.demoToken("demo", false);
        var done = new CompletableFuture<Integer>();
        // kept reachable to the end: the JDK stops an unreachable client's selector
        // thread, deafening the socket
        HttpClient http = HttpClient.newHttpClient();
        WebSocket socket = http.newWebSocketBuilder()
            .header("Authorization", "Bearer " + bearer)
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(URI.create(url), new Printer(done))
            .get(10, TimeUnit.SECONDS);
        var subscribe = JSON.createObjectNode().put("type", "subscribe").put("executionId", executionId);
        if (fromSeq != null) {
            subscribe.put("fromSeq", fromSeq);
        }
        socket.sendText(JSON.writeValueAsString(subscribe), true);
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            System.err.println("no terminal status within " + timeout);
            return 2;
        }
        finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            Reference.reachabilityFence(http);
        }
    }

    /**
     * Prints each text message; completes on a terminal status (0) or an error message
     * (1).
     */
    private static final class Printer implements WebSocket.Listener {

        private final CompletableFuture<Integer> done;

        private final StringBuilder partial = new StringBuilder();

        private long lastSeq;

        Printer(CompletableFuture<Integer> done) {
            this.done = done;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                System.out.println(message);
                JsonNode node = JSON.readTree(message);
                if (node.has("seq")) {
                    lastSeq = node.get("seq").asLong();
                }
                String type = node.path("type").asString();
                if ("error".equals(type)) {
                    done.complete(1);
                }
                else if ("status".equals(type) && isTerminal(node.path("data").path("status").asString())) {
                    done.complete(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        private static boolean isTerminal(String status) {
            return !status.isEmpty() && !"PENDING".equals(status) && !"RUNNING".equals(status);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!done.isDone()) {
                // e.g. 1001 (gateway shutting down, idle) or 1013 (too slow): nothing is
                // lost, resume by seq
                System.err.println("the gateway closed the connection (" + statusCode + " " + reason
                        + "); resume with --from-seq " + lastSeq);
            }
            done.complete(statusCode == WebSocket.NORMAL_CLOSURE ? 0 : 1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            System.err.println("connection failed: " + error.getMessage());
            done.complete(1);
        }

    }

}
