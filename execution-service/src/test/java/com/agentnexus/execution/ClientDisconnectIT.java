package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.execution.EventsOnKafka.Received;
import com.agentnexus.execution.publishing.EventSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.JsonNode;

/**
 * A client that disconnects while its start is being accepted — the row stored, PENDING
 * offered, Kafka's ack awaited — must not strand the execution: it still runs (or fails)
 * to a terminal status, on Kafka and in the row. The PENDING ack of this test's user is
 * held until the server has seen the client leave, so the disconnect lands in exactly
 * that window every time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class ClientDisconnectIT {

    private static final String HELD_USER = "disconnect-while-acked";

    private static final String EAGER_USER = "disconnect-at-once";

    private static final int ATTEMPTS = 5;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private WebTestClient client;

    @Autowired
    private HeldPendingAcks acks;

    @Autowired
    private LeftStarts leftStarts;

    @Test
    void aClientLeavingWhileThePendingAckIsAwaitedStillGetsItsExecutionEnded() throws IOException {
        String token = Tokens.forUser(HELD_USER);
        List<String> ids = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int leftBefore = leftStarts.count();
            String id;
            try (Socket request = postAndWaitForNothing(token)) {
                // stored and PENDING offered: the server now awaits the (held)
                // acknowledgement
                id = await().atMost(Duration.ofSeconds(15)).until(acks::nextHeld, Objects::nonNull);
            }
            // the client is gone; once the server has noticed, Kafka "acknowledges"
            await().atMost(Duration.ofSeconds(15)).until(() -> leftStarts.count() > leftBefore);
            acks.release(id);
            ids.add(id);
        }

        Api api = new Api(client);
        for (String id : ids) {
            List<ExecutionEvent> events = new EventsOnKafka().untilTerminal(id, Duration.ofSeconds(30))
                .stream()
                .map(Received::event)
                .collect(Collectors.toList());
            assertThat(((ExecutionStatusChanged) events.get(0)).status()).isEqualTo(ExecutionStatus.PENDING);
            assertThat(((ExecutionStatusChanged) events.get(events.size() - 1)).isTerminal()).isTrue();
            await().atMost(Duration.ofSeconds(20))
                .until(() -> ExecutionStatus.valueOf(api.status(token, id)).isTerminal());
        }
        assertThat(statusesOf(api, token)).hasSize(ATTEMPTS);
    }

    @Test
    void clientsLeavingAtOnceLeaveNoExecutionPending() throws IOException {
        String token = Tokens.forUser(EAGER_USER);
        for (int attempt = 0; attempt < 2 * ATTEMPTS; attempt++) {
            postAndWaitForNothing(token).close();
        }

        // Whichever of them got as far as a row: each ends, on Kafka and in the row.
        Api api = new Api(client);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(statusesOf(api, token))
                .allSatisfy((id, status) -> assertThat(status.isTerminal()).as(id + " " + status).isTrue()));
        for (String id : statusesOf(api, token).keySet()) {
            List<Received> events = new EventsOnKafka().untilTerminal(id, Duration.ofSeconds(30));
            assertThat(((ExecutionStatusChanged) events.get(0).event()).status()).isEqualTo(ExecutionStatus.PENDING);
        }
    }

    private static Map<String, ExecutionStatus> statusesOf(Api api, String token) {
        JsonNode page = api.get(token, "/api/executions?size=100")
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
        Map<String, ExecutionStatus> statuses = new ConcurrentHashMap<>();
        page.get("items")
            .forEach(item -> statuses.put(item.get("executionId").asString(),
                    ExecutionStatus.valueOf(item.get("status").asString())));
        return statuses;
    }

    /**
     * Sends a complete start request on a connection of its own, and does not read the
     * answer.
     */
    private Socket postAndWaitForNothing(String token) throws IOException {
        byte[] body = "{\"agentId\":\"demo-failing\"}".getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/executions HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        var socket = new Socket("localhost", port);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Probes {

        @Bean
        @Primary
        HeldPendingAcks heldPendingAcks(@Qualifier("eventOutbox") EventSink outbox) {
            return new HeldPendingAcks(outbox);
        }

        @Bean
        LeftStarts leftStarts() {
            return new LeftStarts();
        }

        /**
         * Counts start requests whose handling was cancelled because the client went
         * away.
         */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        WebFilter startCancellations(LeftStarts leftStarts) {
            return (exchange, chain) -> {
                var request = exchange.getRequest();
                boolean start = request.getMethod() == HttpMethod.POST
                        && request.getPath().value().equals("/api/executions");
                return start ? chain.filter(exchange).doOnCancel(leftStarts.count::incrementAndGet)
                        : chain.filter(exchange);
            };
        }

    }

    static final class LeftStarts {

        final AtomicInteger count = new AtomicInteger();

        int count() {
            return count.get();
        }

    }

    /**
     * Publishes everything through the real outbox, in order; only the acknowledgement of
     * {@link #HELD_USER}'s PENDING is held back until the test releases it — Kafka has
     * the event, the service does not know yet.
     */
    static final class HeldPendingAcks implements EventSink {

        private final EventSink outbox;

        private final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();

        private final BlockingQueue<String> held = new LinkedBlockingQueue<>();

        HeldPendingAcks(EventSink outbox) {
            this.outbox = outbox;
        }

        @Override
        public CompletableFuture<Void> offer(ExecutionEvent event) {
            CompletableFuture<Void> ack = outbox.offer(event);
            if (!(event instanceof ExecutionStatusChanged status && status.status() == ExecutionStatus.PENDING
                    && status.userId().value().equals(HELD_USER))) {
                return ack;
            }
            String id = event.executionId().toString();
            CompletableFuture<Void> gate = gates.computeIfAbsent(id, key -> new CompletableFuture<>());
            held.add(id);
            return ack.thenCombine(gate, (a, b) -> null);
        }

        @Override
        public boolean awaitRoom(BooleanSupplier stopWaiting) {
            return outbox.awaitRoom(stopWaiting);
        }

        @Override
        public boolean takesOptionalEvents() {
            return outbox.takesOptionalEvents();
        }

        @Override
        public void notPublished() {
            outbox.notPublished();
        }

        String nextHeld() {
            return held.poll();
        }

        void release(String id) {
            gates.computeIfAbsent(id, key -> new CompletableFuture<>()).complete(null);
        }

    }

}
