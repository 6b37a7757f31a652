package com.agentnexus.execution.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionId;
import com.fasterxml.uuid.Generators;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Against a fake database write that fails, hangs or succeeds as the test says. */
class UnrecordedEndsTest {

    private static final Duration ATTEMPT = Duration.ofSeconds(5);

    private final ExecutionId id = new ExecutionId(Generators.timeBasedEpochGenerator().generate());

    private final UnrecordedEnds ends = new UnrecordedEnds(Duration.ofSeconds(1));

    private final FakeDatabase database = new FakeDatabase();

    @AfterEach
    void close() {
        ends.close();
    }

    @Test
    void anEndTheDatabaseTakesAtOnceIsNotKept() {
        database.up.set(true);

        ends.record(id, database.write(), ATTEMPT).block();

        assertThat(database.written).isTrue();
        assertThat(ends.count()).isZero();
    }

    @Test
    void anEndTheDatabaseRefusesIsKeptAndWrittenOnceTheDatabaseIsBack() {
        // returns although nothing was written
        ends.record(id, database.write(), ATTEMPT).block();

        assertThat(database.written).isFalse();
        assertThat(ends.count()).isOne();
        await().atMost(Duration.ofSeconds(10)).until(() -> database.attempts.get() >= 2);

        database.up.set(true);

        await().atMost(Duration.ofSeconds(10)).until(() -> ends.count() == 0);
        assertThat(database.written).isTrue();
    }

    @Test
    void anAttemptThatHangsCountsAsFailedAndIsRetried() {
        database.hangOnce.set(true);
        database.up.set(true);

        ends.record(id, database.write(), Duration.ofMillis(100)).block();

        await().atMost(Duration.ofSeconds(10)).until(() -> database.written.get());
        await().atMost(Duration.ofSeconds(10)).until(() -> ends.count() == 0);
    }

    @Test
    void closingStopsRetrying() {
        ends.record(id, database.write(), ATTEMPT).block();
        await().atMost(Duration.ofSeconds(10)).until(() -> database.attempts.get() >= 2); // retrying

        ends.close();
        int attemptsAtClose = database.attempts.get();
        database.up.set(true);

        // backoff is at most a second here: three seconds without an attempt means
        // retrying stopped
        await().during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(5))
            .until(() -> database.attempts.get() <= attemptsAtClose + 1);
        assertThat(database.written).isFalse();
        assertThat(ends.count()).isZero();
    }

    /** A statement made anew on each subscription, as R2DBC's are. */
    private static final class FakeDatabase {

        final AtomicBoolean up = new AtomicBoolean();

        final AtomicBoolean hangOnce = new AtomicBoolean();

        final AtomicBoolean written = new AtomicBoolean();

        final AtomicInteger attempts = new AtomicInteger();

        Mono<Boolean> write() {
            return Mono.defer(() -> {
                attempts.incrementAndGet();
                if (hangOnce.getAndSet(false)) {
                    return Mono.never();
                }
                if (!up.get()) {
                    return Mono.error(new IllegalStateException("connection refused"));
                }
                written.set(true);
                return Mono.just(true);
            });
        }

    }

}
