package com.agentnexus.gateway;

import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client of the gateway that records every message it receives. */
final class StreamClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private final Disposable connection;

    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private StreamClient(URI uri, HttpHeaders headers) {
        this.connection = client()
            .execute(uri, headers,
                    session -> session.send(outgoing.asFlux().map(session::textMessage))
                        .and(session.receive()
                            .map(WebSocketMessage::getPayloadAsText)
                            .doOnNext(text -> received.add(JSON.readTree(text)))))
            .subscribe(null, failure::set, () -> failure.compareAndSet(null, new IllegalStateException("closed")));
    }

    /** Connects with the token in the Authorization header. */
    static StreamClient withBearer(int port, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return new StreamClient(URI.create("ws://localhost:" + port + "/ws"), headers);
    }

    /** Connects the way a browser must: the token in the access_token query parameter. */
    static StreamClient withQueryToken(int port, String token) {
        return new StreamClient(URI.create("ws://localhost:" + port + "/ws?access_token=" + token), new HttpHeaders());
    }

    /**
     * Attempts a handshake and returns how it ended: empty on success, the error
     * otherwise.
     */
    static Mono<Void> handshake(URI uri, HttpHeaders headers) {
        return client().execute(uri, headers, session -> session.close());
    }

    // a fresh connection each time: a pooled one that just carried a refused handshake
    // must not be reused
    private static ReactorNettyWebSocketClient client() {
        return new ReactorNettyWebSocketClient(HttpClient.newConnection());
    }

    synchronized void send(String frame) {
        outgoing.tryEmitNext(frame).orThrow();
    }

    void subscribe(ExecutionId executionId) {
        send("{\"type\":\"subscribe\",\"executionId\":\"" + executionId + "\"}");
    }

    void subscribe(ExecutionId executionId, long fromSeq) {
        send("{\"type\":\"subscribe\",\"executionId\":\"" + executionId + "\",\"fromSeq\":" + fromSeq + "}");
    }

    List<JsonNode> received() {
        return List.copyOf(received);
    }

    List<JsonNode> messagesAbout(ExecutionId executionId) {
        return received.stream()
            .filter(message -> message.has("executionId")
                    && message.get("executionId").stringValue().equals(executionId.toString()))
            .collect(Collectors.toList());
    }

    /** The seqs of the execution's events (log, status, metrics) in arrival order. */
    List<Long> seqsOf(ExecutionId executionId) {
        return messagesAbout(executionId).stream()
            .filter(message -> !message.get("type").stringValue().equals("error"))
            .map(message -> message.get("seq").longValue())
            .collect(Collectors.toList());
    }

    JsonNode awaitMessage(Predicate<JsonNode> matching) {
        try {
            return await().atMost(WAIT)
                .until(() -> received.stream().filter(matching).findFirst().orElse(null), message -> message != null);
        }
        catch (ConditionTimeoutException e) {
            throw new AssertionError("no matching message within " + WAIT + "; received " + received
                    + "; connection ended with " + failure.get(), e);
        }
    }

    JsonNode awaitTerminalStatus(ExecutionId executionId) {
        return awaitMessage(message -> isAbout(message, executionId) && type(message).equals("status")
                && List.of("COMPLETED", "FAILED", "TIMED_OUT", "CANCELLED")
                    .contains(message.get("data").get("status").stringValue()));
    }

    JsonNode awaitError(ExecutionId executionId) {
        return awaitMessage(message -> isAbout(message, executionId) && type(message).equals("error"));
    }

    /**
     * Sends a ping and waits for a pong: everything the gateway queued before it has then
     * arrived.
     */
    void roundTrip() {
        int pongs = (int) received.stream().filter(message -> type(message).equals("pong")).count();
        send("{\"type\":\"ping\"}");
        await().atMost(WAIT)
            .until(() -> received.stream().filter(message -> type(message).equals("pong")).count() > pongs);
    }

    static String type(JsonNode message) {
        return message.get("type").stringValue();
    }

    /** The stable code of an {@code error} message. */
    static String code(JsonNode error) {
        return error.get("data").get("code").stringValue();
    }

    /** The codes of the {@code error} messages received so far, in arrival order. */
    List<String> errorCodes() {
        return received.stream()
            .filter(message -> type(message).equals("error"))
            .map(StreamClient::code)
            .collect(Collectors.toList());
    }

    private static boolean isAbout(JsonNode message, ExecutionId executionId) {
        return message.has("executionId") && message.get("executionId").stringValue().equals(executionId.toString());
    }

    @Override
    public void close() {
        outgoing.tryEmitComplete();
        connection.dispose();
    }

}
