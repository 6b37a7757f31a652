package com.agentnexus.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.gateway.protocol.ErrorCode;
import com.agentnexus.gateway.protocol.OutboundMessage;
import com.agentnexus.gateway.protocol.ServerMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OutboundTest {

    private static final ServerMessages MESSAGES = new ServerMessages(Clock.systemUTC());

    private static final OutboundMessage A = message("a");

    private static final OutboundMessage B = message("b");

    private static OutboundMessage message(String text) {
        return MESSAGES.error(null, ErrorCode.INVALID_JSON, text);
    }

    @Test
    void signalsOverflowOnceAndDropsEverythingAfter() {
        var overflows = new AtomicInteger();
        var outbound = new Outbound(2, overflows::incrementAndGet);

        outbound.send(A);
        outbound.send(B);
        outbound.send(message("c"));
        outbound.send(message("d"));

        assertThat(overflows).hasValue(1);
        StepVerifier.create(outbound.messages().take(2)).expectNext(A, B).verifyComplete();
    }

    @Test
    void deliveredMessagesFreeTheirPlace() {
        var overflows = new AtomicInteger();
        var outbound = new Outbound(2, overflows::incrementAndGet);
        StepVerifier.Step<OutboundMessage> socket = StepVerifier.create(outbound.messages());

        socket.then(() -> {
            for (int i = 0; i < 10; i++) {
                outbound.send(message("m" + i));
            }
            outbound.complete();
        }).expectNextCount(10).verifyComplete();

        assertThat(overflows).hasValue(0);
        assertThat(outbound.queued()).isZero();
    }

    @Test
    void aSocketRefusingWritesForLongerThanTheGraceOverflowsOnTheNextSend() {
        var overflows = new AtomicInteger();
        var writable = new AtomicBoolean(true);
        var now = new AtomicLong();
        var outbound = new Outbound(100, writable::get, Duration.ofSeconds(2), now::get, overflows::incrementAndGet);

        writable.set(false);
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
        var overflows = new AtomicInteger();
        var writable = new AtomicBoolean(false);
        var now = new AtomicLong();
        var outbound = new Outbound(100, writable::get, Duration.ofSeconds(2), now::get, overflows::incrementAndGet);

        outbound.send(A);
        now.addAndGet(Duration.ofMillis(1900).toNanos());
        writable.set(true);
        outbound.send(B);
        writable.set(false);
        now.addAndGet(Duration.ofMillis(1900).toNanos());
        outbound.send(message("c"));

        assertThat(overflows).hasValue(0);
    }

    @Test
    void awaitRoomReturnsAtOnceWhileTheSocketTakesWritesAndTheQueueIsAtMostHalfFull() {
        var outbound = new Outbound(4, () -> true, Duration.ofSeconds(2), System::nanoTime, () -> {
        });
        outbound.send(A);
        outbound.send(B);

        assertThat(outbound.awaitRoom()).isTrue();
    }

    @Test
    void awaitRoomOverflowsAClientThatMakesNoRoomWithinTheGrace() {
        var overflows = new AtomicInteger();
        var outbound = new Outbound(4, () -> false, Duration.ofMillis(50), System::nanoTime,
                overflows::incrementAndGet);

        assertThat(outbound.awaitRoom()).isFalse();
        assertThat(overflows).hasValue(1);
        assertThat(outbound.awaitRoom()).isFalse();
        assertThat(overflows).hasValue(1);
    }

}
