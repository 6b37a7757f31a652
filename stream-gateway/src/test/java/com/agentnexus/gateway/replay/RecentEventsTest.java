package com.agentnexus.gateway.replay;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionFixture;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

    /** With the per-event overhead, each event counts 100 bytes. */
    private static final int ENCODED_SIZE = 36;

    private static final class Run {

        final ExecutionFixture fixture = anExecution().ownedBy("alice");

        final IndexedExecution indexed = new IndexedExecution(fixture.executionId(), 3, true);

        void emit(RecentEvents recentEvents, int count) {
            for (int i = 0; i < count; i++) {
                recentEvents.add(indexed, fixture.stdout("line " + i), ENCODED_SIZE);
            }
        }

    }

    private static Run opened(RecentEvents recentEvents) {
        Run run = new Run();
        recentEvents.open(run.indexed);
        return run;
    }

    @Test
    void aWindowBeyondItsBudgetKeepsItsNewestEvents() {
        RecentEvents recentEvents = new RecentEvents(250, 10_000);
        Run run = opened(recentEvents);

        run.emit(recentEvents, 5);

        assertThat(recentEvents.bytes()).isEqualTo(200);
        assertThat(run.indexed.window).isNotNull();
        assertThat(run.indexed.window.eventsAfter(3)).contains(run.fixture.events().subList(3, 5));
    }

    @Test
    void beyondTheTotalEndedExecutionsGoFirstThenTheLeastRecentlyActive() {
        RecentEvents recentEvents = new RecentEvents(10_000, 500);
        Run ended = opened(recentEvents);
        Run quiet = opened(recentEvents);
        Run busy = opened(recentEvents);
        quiet.emit(recentEvents, 1);
        busy.emit(recentEvents, 1);
        ended.emit(recentEvents, 2);
        ended.indexed.ended = true;
        recentEvents.ended(ended.indexed);

        busy.emit(recentEvents, 2);
        assertThat(ended.indexed.window).as("ended, though more recently active than quiet").isNull();
        assertThat(recentEvents.bytes()).isEqualTo(400);

        busy.emit(recentEvents, 2);
        assertThat(quiet.indexed.window).as("the least recently active").isNull();
        assertThat(busy.indexed.window).isNotNull();
        assertThat(recentEvents.bytes()).isEqualTo(500);
    }

    @Test
    void aDroppedWindowReleasesItsBytesAndIsNotRebuilt() {
        RecentEvents recentEvents = new RecentEvents(10_000, 10_000);
        Run run = opened(recentEvents);
        run.emit(recentEvents, 3);

        recentEvents.drop(run.indexed);
        run.emit(recentEvents, 1);

        assertThat(run.indexed.window).isNull();
        assertThat(recentEvents.bytes()).isZero();
    }

}
