package com.agentnexus.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OutboundTest {

    @Test
    void signalsOverflowOnceAndDropsEverythingAfter() {
        var overflows = new AtomicInteger();
        var outbound = new Outbound(2, overflows::incrementAndGet);

        outbound.send("a");
        outbound.send("b");
        outbound.send("c");
        outbound.send("d");

        assertThat(overflows).hasValue(1);
        StepVerifier.create(outbound.messages().take(2)).expectNext("a", "b").verifyComplete();
    }

    @Test
    void deliveredMessagesFreeTheirPlace() {
        var overflows = new AtomicInteger();
        var outbound = new Outbound(2, overflows::incrementAndGet);
        StepVerifier.Step<String> socket = StepVerifier.create(outbound.messages());

        socket.then(() -> {
            for (int i = 0; i < 10; i++) {
                outbound.send("m" + i);
            }
            outbound.complete();
        }).expectNextCount(10).verifyComplete();

        assertThat(overflows).hasValue(0);
        assertThat(outbound.queued()).isZero();
    }
}
