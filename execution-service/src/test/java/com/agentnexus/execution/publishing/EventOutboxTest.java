package com.agentnexus.execution.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.TimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventOutboxTest {

    /** A producer that refuses records (as Kafka's does without metadata) while {@code down} is set. */
    private final AtomicBoolean down = new AtomicBoolean();
    private final List<ExecutionEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<CompletableFuture<Void>> unacked = Collections.synchronizedList(new ArrayList<>());
    private final EventOutbox.Producer producer = event -> {
        if (down.get()) {
            return CompletableFuture.failedFuture(new TimeoutException("no metadata"));
        }
        delivered.add(event);
        return CompletableFuture.completedFuture(null);
    };
    private EventOutbox outbox;

    @AfterEach
    void close() {
        outbox.close();
    }

    @Test
    void buffersDuringAnOutageAndDeliversInOfferOrderAfterwards() {
        outbox = new EventOutbox(producer, new PublishingProperties(100, Duration.ofMillis(100),
                Duration.ofMillis(50)));
        ExecutionFixture execution = ExecutionFixture.anExecution().ownedBy("alice");
        execution.pending();
        execution.running();
        execution.stdout("a");
        execution.stderr("b");
        execution.stdout("c");
        execution.completed("{}");
        List<ExecutionEvent> events = execution.events();
        down.set(true);
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        events.forEach(event -> acks.add(outbox.offer(event).orElseThrow()));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(outbox::stalled);
        assertThat(outbox.pending()).isEqualTo(events.size());
        assertThat(delivered).isEmpty();
        assertThat(acks).noneMatch(CompletableFuture::isDone);

        down.set(false);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        assertThat(delivered).containsExactlyElementsOf(events);
        assertThat(acks).allMatch(ack -> ack.isDone() && !ack.isCompletedExceptionally());
        assertThat(outbox.stalled()).isFalse();
    }

    @Test
    void refusesNonTerminalEventsBeyondItsBoundButAlwaysTakesATerminalStatus() {
        EventOutbox.Producer neverAcks = event -> {
            var ack = new CompletableFuture<Void>();
            unacked.add(ack);
            return ack;
        };
        outbox = new EventOutbox(neverAcks, new PublishingProperties(2, Duration.ofSeconds(1),
                Duration.ofMillis(50)));
        ExecutionFixture execution = ExecutionFixture.anExecution();
        execution.pending();
        execution.running();
        execution.stdout("x");
        execution.failed(1);
        List<ExecutionEvent> events = execution.events();

        Optional<CompletableFuture<Void>> first = outbox.offer(events.get(0));
        Optional<CompletableFuture<Void>> second = outbox.offer(events.get(1));
        Optional<CompletableFuture<Void>> third = outbox.offer(events.get(2));
        Optional<CompletableFuture<Void>> terminal = outbox.offer(events.get(3));

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(third).isEmpty();
        assertThat(terminal).isPresent();
        assertThat(outbox.refused()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> unacked.size() == 3);
        unacked.forEach(ack -> ack.complete(null));
        assertThat(outbox.pending()).isZero();
        assertThat(outbox.offer(events.get(2))).isPresent();
    }
}
