package com.agentnexus.execution.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventOutboxTest {

    /**
     * A producer that refuses records (as Kafka's does without metadata) while
     * {@code down} is set.
     */
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

    private final ScheduledExecutorService broker = Executors.newSingleThreadScheduledExecutor();

    private EventOutbox outbox;

    @AfterEach
    void close() {
        outbox.close();
        broker.shutdownNow();
    }

    @Test
    void buffersDuringAnOutageAndDeliversInOfferOrderAfterwards() {
        outbox = new EventOutbox(producer, properties(100, Duration.ofSeconds(30)));
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
        events.forEach(event -> acks.add(outbox.offer(event)));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(outbox::stalled);
        assertThat(outbox.pending()).isEqualTo(events.size());
        assertThat(delivered).isEmpty();
        assertThat(acks).noneMatch(CompletableFuture::isDone);
        assertThat(outbox.takesOptionalEvents()).as("samples are skipped while stalled").isFalse();

        down.set(false);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        assertThat(delivered).containsExactlyElementsOf(events);
        assertThat(acks).allMatch(ack -> ack.isDone() && !ack.isCompletedExceptionally());
        assertThat(outbox.stalled()).isFalse();
        assertThat(outbox.skippedSamples()).isEqualTo(1);
    }

    @Test
    void aFullBufferMakesTheWriterWaitForKafkaInsteadOfRefusing() throws Exception {
        // A broker far slower than the writer: each acknowledgement takes a scheduler
        // hop.
        EventOutbox.Producer slow = event -> {
            var ack = new CompletableFuture<Void>();
            broker.schedule(() -> {
                delivered.add(event);
                ack.complete(null);
            }, 50, TimeUnit.MICROSECONDS);
            return ack;
        };
        outbox = new EventOutbox(slow, properties(8, Duration.ofSeconds(30)));
        ExecutionFixture execution = ExecutionFixture.anExecution();
        for (int i = 0; i < 5_000; i++) {
            execution.stdout("line " + i);
        }
        List<ExecutionEvent> events = execution.events();
        AtomicInteger highWater = new AtomicInteger();

        for (ExecutionEvent event : events) {
            assertThat(outbox.awaitRoom(() -> false)).isTrue();
            outbox.offer(event);
            highWater.accumulateAndGet(outbox.pending(), Math::max);
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outbox.pending() == 0);
        assertThat(delivered).containsExactlyElementsOf(events);
        assertThat(highWater.get()).as("the bound holds").isLessThanOrEqualTo(8);
        assertThat(outbox.waits()).as("the writer was held back").isPositive();
        assertThat(outbox.notPublishedEvents()).isZero();
    }

    @Test
    void givesUpOnlyWhenKafkaAcknowledgesNothingForTheOutageTimeout() {
        EventOutbox.Producer neverAcks = event -> {
            var ack = new CompletableFuture<Void>();
            unacked.add(ack);
            return ack;
        };
        outbox = new EventOutbox(neverAcks, properties(2, Duration.ofMillis(300)));
        ExecutionFixture execution = ExecutionFixture.anExecution();
        execution.pending();
        execution.running();
        execution.stdout("x");
        execution.failed(1);
        List<ExecutionEvent> events = execution.events();

        assertThat(outbox.awaitRoom(() -> false)).isTrue();
        outbox.offer(events.get(0));
        assertThat(outbox.awaitRoom(() -> false)).isTrue();
        outbox.offer(events.get(1));
        long waited = System.nanoTime();
        boolean room = outbox.awaitRoom(() -> false);
        waited = System.nanoTime() - waited;

        assertThat(room).as("no acknowledgement within the outage timeout").isFalse();
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos() - Duration.ofMillis(5).toNanos());
        CompletableFuture<Void> terminal = outbox.offer(events.get(3));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> unacked.size() == 3);
        unacked.forEach(ack -> ack.complete(null));
        assertThat(terminal).isCompleted();
        assertThat(outbox.pending()).isZero();
        assertThat(outbox.awaitRoom(() -> false)).isTrue();
    }

    @Test
    void aWriterWhoseAgentIsKilledStopsWaitingAtOnce() throws Exception {
        outbox = new EventOutbox(event -> new CompletableFuture<>(), properties(1, Duration.ofMinutes(10)));
        ExecutionFixture execution = ExecutionFixture.anExecution();
        execution.stdout("fills the buffer");
        outbox.offer(execution.events().get(0));
        AtomicBoolean killed = new AtomicBoolean();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> outbox.awaitRoom(killed::get));

        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());
        killed.set(true);

        assertThat(waiting.get(5, TimeUnit.SECONDS)).as("goes ahead, beyond the bound, without losing").isTrue();
    }

    @Test
    void closeWaitsForThePendingEventsToBeAcknowledged() {
        outbox = new EventOutbox(event -> {
            var ack = new CompletableFuture<Void>();
            unacked.add(ack);
            return ack;
        }, properties(10, Duration.ofSeconds(30)));
        ExecutionFixture execution = ExecutionFixture.anExecution();
        execution.stdout("last words");
        CompletableFuture<Void> ack = outbox.offer(execution.events().get(0));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> unacked.size() == 1);
        broker.schedule(() -> unacked.get(0).complete(null), 300, TimeUnit.MILLISECONDS);

        outbox.close();

        assertThat(ack).as("close returned only after Kafka had the event").isCompleted();
        assertThat(outbox.pending()).isZero();
    }

    private static PublishingProperties properties(int bufferEvents, Duration outageTimeout) {
        return new PublishingProperties(bufferEvents, outageTimeout, Duration.ofMillis(100), Duration.ofMillis(50));
    }

}
