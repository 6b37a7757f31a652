package com.agentnexus.gateway.replay;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionWindowTest {

    /** Seqs 1 to 5. */
    private static List<ExecutionEvent> fiveEvents() {
        ExecutionFixture run = anExecution().ownedBy("alice");
        run.pending();
        run.running();
        run.stdout("one");
        run.stdout("two");
        run.stdout("three");
        return run.events();
    }

    private static ExecutionWindow holding(List<ExecutionEvent> events) {
        ExecutionWindow window = new ExecutionWindow();
        events.forEach(event -> window.add(event, 100));
        return window;
    }

    @Test
    void anEventArrivingTwiceIsHeldAndCountedOnce() {
        List<ExecutionEvent> events = fiveEvents();
        ExecutionWindow window = holding(events);

        assertThat(window.add(events.get(2), 100)).isFalse();
        assertThat(window.bytes()).isEqualTo(500);
        assertThat(window.eventsAfter(0)).contains(events);
    }

    @Test
    void trimmingDropsTheOldestAndDoesNotTakeThemBack() {
        List<ExecutionEvent> events = fiveEvents();
        ExecutionWindow window = holding(events);

        assertThat(window.trimTo(250)).isEqualTo(300);
        assertThat(window.bytes()).isEqualTo(200);
        assertThat(window.add(events.get(0), 100)).as("trimmed: stays out").isFalse();
        assertThat(window.eventsAfter(2)).as("seq 3 may be missing").isEmpty();
        assertThat(window.eventsAfter(3)).contains(events.subList(3, 5));
    }

    @Test
    void nothingAfterFromSeqStillAnswersWithTheLatestEvent() {
        List<ExecutionEvent> events = fiveEvents();

        assertThat(holding(events).eventsAfter(50)).contains(List.of(events.get(4)));
    }

    @Test
    void anEmptyWindowAnswersNothing() {
        ExecutionWindow window = new ExecutionWindow();

        assertThat(window.isEmpty()).isTrue();
        assertThat(window.eventsAfter(0)).isEmpty();
    }

}
