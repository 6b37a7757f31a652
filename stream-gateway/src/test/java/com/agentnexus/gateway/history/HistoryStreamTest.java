package com.agentnexus.gateway.history;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.UserId;
import com.agentnexus.gateway.protocol.ErrorCode;
import com.agentnexus.gateway.protocol.ServerMessages;
import com.agentnexus.support.Viewer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.BaseSubscriber;

class HistoryStreamTest {

    private final ExecutionFixture run = anExecution().ownedBy("alice");

    private final ServerMessages messages = new ServerMessages(Clock.systemUTC());

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final OpenHistories open = new OpenHistories(registry);

    private final Reader reader = new Reader();

    @Test
    void opensAtTheFirstEventAndWritesEachMessageAsOneLine() {
        HistoryStream stream = stream(8, Duration.ofSeconds(5));
        List<ExecutionEvent> events = List.of(run.pending(), run.running(), run.stdout("hello"));

        stream.subscription().accept(events.get(0));
        assertThat(stream.opening().block()).isEqualTo(HistoryStream.Opening.FOUND);
        events.subList(1, 3).forEach(stream.subscription()::accept);
        stream.body().subscribe(reader);
        reader.request(10);

        assertThat(reader.lines)
            .containsExactlyElementsOf(events.stream().map(event -> messages.event(event).text() + "\n").toList());
        assertThat(reader.complete).isFalse();

        run.completed("{}");
        stream.subscription().accept(run.events().get(3));
        reader.request(10);
        assertThat(reader.lines).hasSize(4);
        assertThat(reader.complete).as("ends after the terminal status").isTrue();
        assertThat(open.count()).isZero();
    }

    @Test
    void notFoundBeforeAnyEventOpensNotFoundAndWritesNothing() {
        HistoryStream stream = stream(8, Duration.ofSeconds(5));

        stream.error(run.executionId(), ErrorCode.NOT_FOUND, "no events found for this execution");
        stream.ended(stream.subscription());
        stream.replayDone();

        assertThat(stream.opening().block()).isEqualTo(HistoryStream.Opening.NOT_FOUND);
        assertThat(open.count()).isZero();
    }

    @Test
    void anotherUsersEventOpensNothingUntilTheSubscriptionAnswers() {
        HistoryStream stream = new HistoryStream(new HistoryRequest(run.executionId(), 0),
                new Viewer(new UserId("mallory"), false), messages, properties(8, Duration.ofSeconds(5)), open);

        stream.subscription().accept(run.pending());

        assertThat(stream.opening().toFuture()).isNotDone();
    }

    @Test
    void aFailureBeforeAnyEventOpensFailedAndAfterOneIsTheLastLine() {
        HistoryStream early = stream(8, Duration.ofSeconds(5));
        early.error(run.executionId(), ErrorCode.REPLAY_FAILED, "reading the execution's history failed");
        assertThat(early.opening().block()).isEqualTo(HistoryStream.Opening.FAILED);

        HistoryStream late = stream(8, Duration.ofSeconds(5));
        late.subscription().accept(run.pending());
        late.error(run.executionId(), ErrorCode.REPLAY_FAILED, "reading the execution's history failed");
        late.ended(late.subscription());
        late.body().subscribe(reader);
        reader.request(10);

        assertThat(late.opening().block()).isEqualTo(HistoryStream.Opening.FOUND);
        assertThat(reader.lines).hasSize(2);
        assertThat(reader.lines.get(1)).startsWith("{\"type\":\"error\"")
            .contains("\"code\":\"REPLAY_FAILED\"")
            .endsWith("}\n");
        assertThat(reader.complete).isTrue();
    }

    @Test
    void replayDoneWithoutAnEventOpensFound() {
        HistoryStream stream = stream(8, Duration.ofSeconds(5));

        stream.replayDone();

        assertThat(stream.opening().block()).isEqualTo(HistoryStream.Opening.FOUND);
        assertThat(stream.subscription().isActive()).isTrue();
    }

    @Test
    void aLiveEventThatFindsTheQueueFullCutsTheResponse() {
        HistoryStream stream = stream(4, Duration.ofSeconds(5));
        stream.body().subscribe(reader);
        run.pending();
        for (int i = 0; i < 5; i++) {
            run.stdout("line " + i);
        }

        run.events().forEach(stream.subscription()::accept);

        assertThat(stream.subscription().isActive()).isFalse();
        assertThat(cuts("queue_full")).isEqualTo(1);
        reader.request(100);
        assertThat(reader.lines).as("the queue, then the end").hasSize(4);
        assertThat(reader.complete).isTrue();
    }

    @Test
    void replayWaitsWhileMoreThanHalfTheQueueWaitsThenGoesOn() {
        HistoryStream stream = stream(4, Duration.ofSeconds(30));
        stream.body().subscribe(reader);
        reader.request(1);
        List.of(run.pending(), run.running(), run.stdout("a")).forEach(stream.subscription()::accept);
        assertThat(stream.queued()).isEqualTo(3);

        CompletableFuture<Boolean> room = CompletableFuture.supplyAsync(stream::awaitRoom);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !room.isDone());
        reader.request(1);

        await().atMost(Duration.ofSeconds(5)).until(room::isDone);
        assertThat(room.join()).isTrue();
        assertThat(stream.subscription().isActive()).isTrue();
    }

    @Test
    void aReaderThatTakesNothingForTheGraceIsCut() {
        HistoryStream stream = stream(4, Duration.ofMillis(50));
        stream.body().subscribe(reader);
        List.of(run.pending(), run.running(), run.stdout("a")).forEach(stream.subscription()::accept);

        assertThat(stream.awaitRoom()).isFalse();

        assertThat(stream.subscription().isActive()).isFalse();
        assertThat(cuts("slow_reader")).isEqualTo(1);
        assertThat(open.count()).isZero();
    }

    @Test
    void theClientGoingAwayEndsTheSubscription() {
        HistoryStream stream = stream(8, Duration.ofSeconds(5));
        stream.subscription().accept(run.pending());
        stream.body().subscribe(reader);

        reader.cancel();

        assertThat(stream.subscription().isActive()).isFalse();
        assertThat(open.count()).isZero();
        assertThat(stream.awaitRoom()).isFalse();
    }

    @Test
    void shutdownEndsEveryOpenResponse() {
        HistoryStream stream = stream(8, Duration.ofSeconds(5));
        open.start();

        open.stop();

        assertThat(stream.subscription().isActive()).isFalse();
        assertThat(stream.opening().block()).as("no 200 without a verdict").isEqualTo(HistoryStream.Opening.FAILED);
        assertThat(cuts("shutdown")).isEqualTo(1);
        assertThat(open.open(stream(8, Duration.ofSeconds(5)))).as("refused while shutting down").isFalse();
    }

    private HistoryStream stream(int capacity, Duration grace) {
        var stream = new HistoryStream(new HistoryRequest(run.executionId(), 0), new Viewer(run.userId(), false),
                messages, properties(capacity, grace), open);
        open.open(stream);
        return stream;
    }

    private static HistoryProperties properties(int capacity, Duration grace) {
        return new HistoryProperties(capacity, grace);
    }

    private double cuts(String reason) {
        return registry.get("agentnexus.gateway.history.cut").tag("reason", reason).counter().count();
    }

    /**
     * Takes lines only as asked; skips the empty first chunk that commits the headers.
     */
    private static final class Reader extends BaseSubscriber<DataBuffer> {

        final List<String> lines = new CopyOnWriteArrayList<>();

        volatile boolean complete;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // nothing until asked
        }

        @Override
        protected void hookOnNext(DataBuffer buffer) {
            if (buffer.readableByteCount() > 0) {
                lines.add(buffer.toString(StandardCharsets.UTF_8));
            }
        }

        @Override
        protected void hookOnComplete() {
            complete = true;
        }

    }

}
