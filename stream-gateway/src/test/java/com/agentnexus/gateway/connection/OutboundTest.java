package com.agentnexus.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.gateway.protocol.ErrorCode;
import com.agentnexus.gateway.protocol.OutboundMessage;
import com.agentnexus.gateway.protocol.ServerMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboundTest {

    private static final ServerMessages MESSAGES = new ServerMessages(Clock.systemUTC());

    private static final OutboundMessage A = message("a");

    private static final OutboundMessage B = message("b");

    private final FakeSocket socket = new FakeSocket();

    private final AtomicInteger overflows = new AtomicInteger();

    private final AtomicLong now = new AtomicLong();

    private static OutboundMessage message(String text) {
        return MESSAGES.error(null, ErrorCode.INVALID_JSON, text);
    }

    private static List<OutboundMessage> messages(int count) {
        return IntStream.range(0, count).mapToObj(i -> message("m" + i)).toList();
    }

    private Outbound outbound(int capacity) {
        return new Outbound(capacity, socket, Duration.ofSeconds(2), now::get, overflows::incrementAndGet);
    }

    @Test
    void messagesQueuedBeforeTheDrainRunsGoOutInOneWrite() {
        var outbound = outbound(100);
        List<OutboundMessage> sent = messages(10);

        sent.forEach(outbound::send);
        socket.runTasks();

        assertThat(socket.writes).containsExactly(sent);
        assertThat(outbound.queued()).isZero();
    }

    @Test
    void aDrainWritesAtMostWhatTheSocketTakesAndTheRestOnceItEmptied() {
        var outbound = outbound(100);
        List<OutboundMessage> sent = messages(10);
        socket.writableBytes = 3L * sent.get(0).frame().length;

        sent.forEach(outbound::send);
        socket.writable = true;
        // the socket turns unwritable with the first write
        socket.runTasks();
        assertThat(socket.writes.get(0)).containsExactlyElementsOf(sent.subList(0, 3));
        socket.writable = false;
        socket.runTasks();
        int writtenWhileWritable = socket.written().size();

        assertThat(outbound.queued()).isEqualTo(10 - writtenWhileWritable);
        socket.writableBytes = Long.MAX_VALUE;
        socket.flushed();
        socket.runTasks();
        assertThat(socket.written()).containsExactlyElementsOf(sent);
        assertThat(outbound.queued()).isZero();
    }

    @Test
    void anUnwritableSocketIsAskedOnceToSayWhenItEmptied() {
        var outbound = outbound(100);
        socket.writable = false;

        messages(5).forEach(message -> {
            outbound.send(message);
            socket.runTasks();
        });

        assertThat(socket.writes).isEmpty();
        assertThat(socket.flushWaiters()).isEqualTo(1);
        socket.flushed();
        assertThat(socket.written()).hasSize(5);
    }

    @Test
    void oneWriteHoldsAtMostABatchAndTheRestFollowsInTheNextDrain() {
        var outbound = outbound(10_000);
        List<OutboundMessage> sent = messages(Outbound.MAX_BATCH + 88);

        sent.forEach(outbound::send);
        socket.runTasks();

        assertThat(socket.writes).extracting(List::size).containsExactly(Outbound.MAX_BATCH, 88);
        assertThat(socket.written()).containsExactlyElementsOf(sent);
    }

    @Test
    void signalsOverflowOnceAndSendsNothingAfter() {
        var outbound = outbound(2);

        outbound.send(A);
        outbound.send(B);
        outbound.send(message("c"));
        outbound.send(message("d"));
        socket.runTasks();

        assertThat(overflows).hasValue(1);
        assertThat(socket.written()).isEmpty();
    }

    @Test
    void aSocketRefusingWritesForLongerThanTheGraceOverflowsOnTheNextSend() {
        var outbound = outbound(100);

        socket.writable = false;
        outbound.send(A);
        now.addAndGet(Duration.ofMillis(1900).toNanos());
        outbound.send(B);
        assertThat(overflows).hasValue(0);

        now.addAndGet(Duration.ofMillis(200).toNanos());
        outbound.send(message("c"));
        assertThat(overflows).hasValue(1);
    }

    @Test
    void aSocketThatTakesWritesAgainStartsTheGraceAfresh() {
        var outbound = outbound(100);
        socket.writable = false;

        outbound.send(A);
        now.addAndGet(Duration.ofMillis(1900).toNanos());
        socket.writable = true;
        outbound.send(B);
        socket.writable = false;
        now.addAndGet(Duration.ofMillis(1900).toNanos());
        outbound.send(message("c"));

        assertThat(overflows).hasValue(0);
    }

    @Test
    void completingDropsWhatIsQueuedAndStopsPings() {
        var outbound = outbound(100);
        outbound.send(A);
        outbound.ping();

        outbound.complete();
        outbound.send(B);
        outbound.ping();
        socket.runTasks();

        assertThat(socket.writes).isEmpty();
        assertThat(socket.pings).isZero();
        assertThat(outbound.awaitRoom()).isFalse();
    }

    @Test
    void finishingWritesWhatIsQueuedEvenToAnUnwritableSocketThenClosesBehindIt() {
        var outbound = outbound(10_000);
        List<OutboundMessage> queued = messages(Outbound.MAX_BATCH + 1);
        queued.forEach(outbound::send);
        socket.writable = false;
        var closedAfter = new AtomicInteger(-1);

        outbound.finish(() -> closedAfter.set(socket.written().size()));
        outbound.send(A);
        socket.runTasks();

        assertThat(socket.written()).containsExactlyElementsOf(queued);
        assertThat(closedAfter).hasValue(queued.size());
        assertThat(outbound.queued()).isZero();
    }

    @Test
    void pingsGoOutOnTheSocketsThread() {
        var outbound = outbound(100);

        outbound.ping();
        assertThat(socket.pings).isZero();
        socket.runTasks();

        assertThat(socket.pings).isEqualTo(1);
    }

    @Test
    void awaitRoomReturnsAtOnceWhileTheSocketTakesWritesAndTheQueueIsAtMostHalfFull() {
        var outbound = outbound(4);
        outbound.send(A);
        outbound.send(B);

        assertThat(outbound.awaitRoom()).isTrue();
    }

    @Test
    void awaitRoomOverflowsAClientThatMakesNoRoomWithinTheGrace() {
        var outbound = new Outbound(4, socket, Duration.ofMillis(50), System::nanoTime, overflows::incrementAndGet);
        socket.writable = false;

        assertThat(outbound.awaitRoom()).isFalse();
        assertThat(overflows).hasValue(1);
        assertThat(outbound.awaitRoom()).isFalse();
        assertThat(overflows).hasValue(1);
    }

    @Test
    void aWaitingReplayGoesOnOnceTheDrainMadeRoom() throws Exception {
        var outbound = new Outbound(4, socket, Duration.ofMinutes(5), System::nanoTime, overflows::incrementAndGet);
        messages(4).forEach(outbound::send);

        CompletableFuture<Boolean> room = CompletableFuture.supplyAsync(outbound::awaitRoom);
        assertThat(room).isNotDone();
        socket.runTasks();

        assertThat(room.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(socket.written()).hasSize(4);
        assertThat(overflows).hasValue(0);
    }

    @Test
    void aWaitingReplayGoesOnOnceAnUnwritableSocketEmptied() throws Exception {
        var outbound = new Outbound(4, socket, Duration.ofMinutes(5), System::nanoTime, overflows::incrementAndGet);
        socket.writable = false;

        CompletableFuture<Boolean> room = CompletableFuture.supplyAsync(outbound::awaitRoom);
        // the waiting replay asks for a drain, which asks the socket to say when it
        // emptied
        org.awaitility.Awaitility.await().until(() -> {
            socket.runTasks();
            return socket.flushWaiters() == 1;
        });
        assertThat(room).isNotDone();
        socket.flushed();

        assertThat(room.get(1, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void aWaitingReplayStopsWhenTheConnectionCloses() throws Exception {
        var outbound = new Outbound(4, socket, Duration.ofMinutes(5), System::nanoTime, overflows::incrementAndGet);
        socket.writable = false;

        CompletableFuture<Boolean> room = CompletableFuture.supplyAsync(outbound::awaitRoom);
        outbound.complete();

        assertThat(room.get(1, TimeUnit.MINUTES)).isFalse();
        assertThat(overflows).hasValue(0);
    }

}
