package com.agentnexus.gateway;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static com.agentnexus.gateway.HistoryClient.path;
import static com.agentnexus.gateway.ReplayAndLiveIT.finishedRun;
import static com.agentnexus.gateway.ReplayAndLiveIT.seqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.live.LiveFanOut;
import com.agentnexus.gateway.live.LiveRegistrations;
import com.agentnexus.gateway.protocol.ServerMessages;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/executions/{id}/events}: the WebSocket's messages as NDJSON lines, in
 * seq order, each once, ending after the terminal status; the WebSocket's authorization
 * (404 for another user's execution as for none); 400 and 401 problems; a reader that
 * falls behind is cut rather than buffered for; a client gone leaves no live
 * registration. A small queue and grace here, so that pacing and cutting show soon.
 */
@TestPropertySource(properties = { "agentnexus.gateway.history.queue-capacity=64",
        "agentnexus.gateway.history.slow-reader-grace=1s" })
class HistoryEndpointIT extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String alice = TestTokens.user("alice");

    @Autowired
    private ServerMessages messages;

    @Autowired
    private LiveFanOut fanOut;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ApplicationContext context;

    @Test
    void aFinishedExecutionIsEveryLineTheWebSocketSendsInSeqOrderOnceEndingWithItsTerminalStatus() {
        // 2 + 3,998 lines + 999 samples + 1 = 5,000 events, many times the queue
        ExecutionFixture run = finishedRun("alice", 3_998);
        assertThat(run.events()).hasSize(5_000);
        publishAll(run.events());

        HistoryClient.Answer answer = HistoryClient.get(port, path(run.executionId()), alice);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/x-ndjson");
        assertThat(answer.seqs()).containsExactlyElementsOf(seqs(1, 5_000));
        assertThat(answer.lines()).as("each line exactly the WebSocket's message")
            .containsExactlyElementsOf(run.events().stream().map(event -> messages.event(event).text()).toList());
        JsonNode last = JSON.readTree(answer.lines().get(4_999));
        assertThat(last.path("type").asString()).isEqualTo("status");
        assertThat(last.path("data").path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void fromSeqGivesTheEventsAfterItAndNothingAtTheEnd() {
        ExecutionFixture run = finishedRun("alice", 6);
        publish(run.events());
        int last = run.events().size();

        HistoryClient.Answer resumed = HistoryClient.get(port, path(run.executionId()) + "?fromSeq=4", alice);
        HistoryClient.Answer atTheEnd = HistoryClient.get(port, path(run.executionId()) + "?fromSeq=" + last, alice);

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.seqs()).containsExactlyElementsOf(seqs(5, last));
        assertThat(atTheEnd.status()).as("the client has everything already").isEqualTo(200);
        assertThat(atTheEnd.body()).isEmpty();
    }

    @Test
    void anotherUsersExecutionIsAnsweredExactlyLikeOneThatDoesNotExist() {
        ExecutionFixture bobs = finishedRun("bob", 4);
        publish(bobs.events());
        ExecutionId nobodys = anExecution().ownedBy("bob").executionId();

        HistoryClient.Answer others = HistoryClient.get(port, path(bobs.executionId()), alice);
        // as the console asks
        HistoryClient.Answer none = HistoryClient.get(port, path(nobodys),
                Map.of("Authorization", "Bearer " + alice, "Accept", "application/x-ndjson"));

        for (HistoryClient.Answer answer : List.of(others, none)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"status\":404", "/problems/execution-not-found")
                .doesNotContain("\"seq\"");
        }
        assertThat(others.body().replace(bobs.executionId().toString(), "ID"))
            .isEqualTo(none.body().replace(nobodys.toString(), "ID"));
    }

    @Test
    void anAdminGetsAnyonesExecutionAndABrowserMayPassTheTokenAsQueryParameter() {
        ExecutionFixture bobs = finishedRun("bob", 4);
        publish(bobs.events());
        List<Long> all = seqs(1, bobs.events().size());

        HistoryClient.Answer admin = HistoryClient.get(port, path(bobs.executionId()), TestTokens.admin("operator"));
        HistoryClient.Answer query = HistoryClient.get(port,
                path(bobs.executionId()) + "?fromSeq=0&access_token=" + TestTokens.user("bob"), Map.of());

        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.seqs()).containsExactlyElementsOf(all);
        assertThat(query.status()).isEqualTo(200);
        assertThat(query.seqs()).containsExactlyElementsOf(all);
    }

    @Test
    void withoutAValidTokenTheAnswerIs401Problem() {
        ExecutionFixture run = finishedRun("alice", 2);
        publish(run.events());

        for (HistoryClient.Answer answer : List.of(HistoryClient.get(port, path(run.executionId()), (String) null),
                HistoryClient.get(port, path(run.executionId()), TestTokens.expired("alice")))) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.headers().firstValue("www-authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(answer.body()).doesNotContain("\"seq\"");
        }
    }

    @Test
    void aBadIdOrFromSeqIs400ProblemNamingIt() {
        String id = anExecution().executionId().toString();
        Map<String, String> refusals = Map.of(path("not-a-uuid"), "UUIDv7",
                // a UUID, but not version 7: no execution has such an id
                path("6f1c1a60-0d0f-4a0e-8c5b-6d1f2a3b4c5d"), "UUIDv7", path(id) + "?fromSeq=-1", "fromSeq",
                path(id) + "?fromSeq=abc", "fromSeq", path(id) + "?fromSeq=", "fromSeq",
                path(id) + "?fromSeq=9223372036854775807", "fromSeq", path(id) + "?fromSeq=%2B5", "fromSeq",
                path(id) + "?fromSeq=1&fromSeq=2", "fromSeq");

        refusals.forEach((target, named) -> {
            HistoryClient.Answer answer = HistoryClient.get(port, target, alice);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
            assertThat(answer.body()).as(target)
                .contains("\"status\":400", "/problems/invalid-request", named, "\"instance\":\"/api/executions/");
        });
    }

    @Test
    void aRunningExecutionStreamsLiveAndTheResponseEndsAtItsTerminalStatus() {
        ExecutionFixture run = anExecution().ownedBy("alice");
        publish(List.of(run.pending()));

        try (var history = HistoryClient.open(port, path(run.executionId()), alice);
                var resumed = HistoryClient.open(port, path(run.executionId()) + "?fromSeq=1", alice)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> history.seqs().equals(List.of(1L)));
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.contentType()).isEqualTo("application/x-ndjson");
            // nothing after seq 1 yet, but the execution is alice's: 200 at once
            await().atMost(Duration.ofSeconds(15)).until(resumed::answered);
            assertThat(resumed.status()).isEqualTo(200);

            run.running();
            for (int i = 1; i <= 20; i++) {
                run.stdout("live " + i);
            }
            publish(run.events().subList(1, run.events().size()));
            await().atMost(Duration.ofSeconds(15)).until(() -> history.seqs().size() == 22);
            assertThat(history.ended()).as("open until the terminal status").isFalse();
            assertThat(resumed.ended()).isFalse();

            ExecutionEvent terminal = run.completed("{\"ok\":true}");
            publish(List.of(terminal));

            await().atMost(Duration.ofSeconds(15)).until(() -> history.ended() && resumed.ended());
            assertThat(history.seqs()).containsExactlyElementsOf(seqs(1, 23));
            assertThat(resumed.seqs()).containsExactlyElementsOf(seqs(2, 23));
            assertThat(history.lines().get(22)).isEqualTo(messages.event(terminal).text());
        }
        assertThat(LiveRegistrations.isWatched(fanOut, run.executionId())).isFalse();
    }

    @Test
    void aClientThatGoesAwayMidStreamLeavesNoLiveRegistration() throws IOException {
        ExecutionFixture run = anExecution().ownedBy("alice");
        publish(List.of(run.pending()));

        try (Socket client = rawGet(path(run.executionId()), 0)) {
            String received = readUntil(client.getInputStream(), "\"seq\":1,");
            assertThat(received).startsWith("HTTP/1.1 200");
            assertThat(LiveRegistrations.isWatched(fanOut, run.executionId())).isTrue();
            // a reset, as from a killed process
            client.setSoLinger(true, 0);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> !LiveRegistrations.isWatched(fanOut, run.executionId()));
    }

    @Test
    void aReaderThatTakesNothingWhileHistoryWaitsIsCutAfterTheGrace() throws IOException {
        ExecutionFixture run = publishLongHistory("alice");
        double before = cuts("slow_reader");

        // ~10 MB of history: more than the stalled reader's socket buffers and the queue
        try (Socket stalled = rawGet(path(run.executionId()), 4096)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> cuts("slow_reader") == before + 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> !LiveRegistrations.isWatched(fanOut, run.executionId()));

            String body = readToTheLastChunk(stalled.getInputStream());
            assertThat(body).startsWith("HTTP/1.1 200").contains("\"seq\":1,").doesNotContain("COMPLETED");
        }
    }

    @Test
    void liveEventsBeyondTheQueueOfAReaderThatStoppedEndItsResponse() throws IOException {
        ExecutionFixture run = anExecution().ownedBy("alice");
        publish(List.of(run.pending(), run.running()));
        double before = cuts("queue_full");

        try (Socket stalled = rawGet(path(run.executionId()), 4096)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> LiveRegistrations.isWatched(fanOut, run.executionId()));
            String line = "z".repeat(16 * 1024 - 100);
            for (int i = 0; i < 600 && cuts("queue_full") == before; i++) {
                publish(List.of(run.stdout(i + " " + line)));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> cuts("queue_full") == before + 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> !LiveRegistrations.isWatched(fanOut, run.executionId()));

            String body = readToTheLastChunk(stalled.getInputStream());
            assertThat(body).startsWith("HTTP/1.1 200").contains("\"seq\":1,").doesNotContain("COMPLETED");
        }
    }

    /**
     * Stops the history responses' lifecycle as a shutdown does, in this test's own
     * context, then starts it again: closing a second gateway here would also reset the
     * JVM-wide dropped-error hook the shared test contexts rely on (QuietDisconnects).
     */
    @Test
    void aGatewayShuttingDownEndsItsResponsesAndRefusesNewOnesWith503() {
        ExecutionFixture run = anExecution().ownedBy("alice");
        publish(List.of(run.pending()));
        SmartLifecycle histories = context.getBean("openHistories", SmartLifecycle.class);
        double before = cuts("shutdown");

        try (var history = HistoryClient.open(port, path(run.executionId()), alice)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> history.seqs().equals(List.of(1L)));

            histories.stop();
            try {
                await().atMost(Duration.ofSeconds(15)).until(history::ended);
                assertThat(history.seqs()).as("no terminal status: the client resumes with fromSeq 1")
                    .containsExactly(1L);
                assertThat(cuts("shutdown")).isEqualTo(before + 1);

                HistoryClient.Answer refused = HistoryClient.get(port, path(run.executionId()), alice);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.headers().firstValue("retry-after")).hasValue("5");
                assertThat(refused.body()).contains("/problems/history-unavailable");
            }
            finally {
                histories.start();
            }
        }
        assertThat(LiveRegistrations.isWatched(fanOut, run.executionId())).isFalse();
    }

    private double cuts(String reason) {
        return meters.get("agentnexus.gateway.history.cut").tag("reason", reason).counter().count();
    }

    /**
     * A GET on a plain socket, with a receive buffer of {@code receiveBuffer} bytes (0:
     * the system's), read only when the test asks.
     */
    private Socket rawGet(String target, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("localhost", port));
        socket.setSoTimeout(30_000);
        socket.getOutputStream()
            .write(("GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + alice
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String readUntil(InputStream in, String wanted) throws IOException {
        var read = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!read.toString(StandardCharsets.UTF_8).contains(wanted)) {
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("ended before " + wanted + ": " + read.toString(StandardCharsets.UTF_8));
            }
            read.write(chunk, 0, n);
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    /** Reads up to the chunked body's last chunk: the response ended cleanly. */
    private static String readToTheLastChunk(InputStream in) throws IOException {
        byte[] last = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        var read = new ByteArrayOutputStream();
        byte[] tail = new byte[last.length];
        byte[] chunk = new byte[64 * 1024];
        while (!Arrays.equals(tail, last)) {
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("the connection ended without the last chunk");
            }
            read.write(chunk, 0, n);
            // the last bytes read so far, across reads
            int keep = Math.max(0, last.length - n);
            System.arraycopy(tail, tail.length - keep, tail, 0, keep);
            System.arraycopy(chunk, n - (last.length - keep), tail, keep, last.length - keep);
        }
        return read.toString(StandardCharsets.UTF_8);
    }

}
