package com.agentnexus.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client of the gateway's history endpoint (the JDK's, so nothing of
 * Spring's decoding sits between the test and the bytes).
 */
final class HistoryClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HistoryClient() {
    }

    /** A whole answer: status, headers, body. */
    record Answer(int status, HttpHeaders headers, String body) {

        String contentType() {
            return headers.firstValue("content-type").orElse("");
        }

        /** The body's lines, each of which must end with a newline. */
        List<String> lines() {
            if (body.isEmpty()) {
                return List.of();
            }
            if (!body.endsWith("\n")) {
                throw new AssertionError(
                        "the body does not end with a newline: …" + body.substring(Math.max(0, body.length() - 200)));
            }
            return List.of(body.substring(0, body.length() - 1).split("\n", -1));
        }

        List<Long> seqs() {
            return lines().stream().map(line -> JSON.readTree(line).path("seq").asLong()).toList();
        }

    }

    static String path(Object executionId) {
        return "/api/executions/" + executionId + "/events";
    }

    /**
     * GETs {@code target} with the token as bearer (none if null) and reads the whole
     * answer.
     */
    static Answer get(int port, String target, @Nullable String token) {
        return get(port, target, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    static Answer get(int port, String target, Map<String, String> headers) {
        try {
            HttpResponse<String> response = CLIENT.send(request(port, target, headers),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a GET whose body is read line by line as it arrives, on a thread of its own.
     */
    static Streaming open(int port, String target, String token) {
        return new Streaming(CLIENT.sendAsync(request(port, target, Map.of("Authorization", "Bearer " + token)),
                HttpResponse.BodyHandlers.ofLines()));
    }

    private static HttpRequest request(int port, String target, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
            .timeout(Duration.ofSeconds(60))
            .GET();
        headers.forEach(request::header);
        return request.build();
    }

    /** A response being read: its lines so far, and whether it has ended. */
    static final class Streaming implements AutoCloseable {

        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        private final List<String> lines = new CopyOnWriteArrayList<>();

        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        private Streaming(CompletableFuture<HttpResponse<Stream<String>>> response) {
            this.response = response;
            response.thenAcceptAsync(this::read);
        }

        private void read(HttpResponse<Stream<String>> answer) {
            try {
                Iterator<String> each = answer.body().iterator();
                while (each.hasNext()) {
                    lines.add(each.next());
                }
                ended.complete(null);
            }
            catch (RuntimeException e) {
                ended.completeExceptionally(e);
            }
        }

        /** Whether the status and headers have arrived. */
        boolean answered() {
            return response.isDone();
        }

        int status() {
            return response().statusCode();
        }

        String contentType() {
            return response().headers().firstValue("content-type").orElse("");
        }

        private HttpResponse<Stream<String>> response() {
            try {
                return response.get(30, TimeUnit.SECONDS);
            }
            catch (Exception e) {
                throw new IllegalStateException("no answer", e);
            }
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        List<JsonNode> messages() {
            return lines().stream().map(JSON::readTree).toList();
        }

        List<Long> seqs() {
            return messages().stream().map(message -> message.path("seq").asLong()).toList();
        }

        /** Whether the body has ended cleanly (the last chunk arrived). */
        boolean ended() {
            return ended.isDone() && !ended.isCompletedExceptionally();
        }

        @Override
        public void close() {
            response.thenAccept(answer -> answer.body().close());
        }

    }

}
