package com.agentnexus.gateway.subscription;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import com.agentnexus.gateway.protocol.ErrorCode;
import com.agentnexus.support.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private final ExecutionFixture run = anExecution().ownedBy("alice");

    private final RecordingSink sink = new RecordingSink();

    private List<ExecutionEvent> finishedRun() {
        run.pending();
        run.running();
        run.stdout("one");
        run.stderr("two");
        run.resources(2048, 3.5);
        run.completed("{\"answer\":42}");
        return run.events();
    }

    @Test
    void deliversReplayAndOverlappingLiveEventsOnceInSeqOrderThenEnds() {
        List<ExecutionEvent> events = finishedRun();
        var subscription = new Subscription(run.executionId(), viewer("alice"), 0, sink);
        var hookRuns = new AtomicInteger();
        subscription.onEnd(hookRuns::incrementAndGet);

        // live delivers the tail first, replay then delivers everything from seq 1
        subscription.accept(events.get(4));
        subscription.accept(events.get(5));
        events.forEach(subscription::accept);

        assertThat(sink.events).containsExactlyElementsOf(events);
        assertThat(sink.errors).isEmpty();
        assertThat(sink.ended).isTrue();
        assertThat(subscription.isActive()).isFalse();
        assertThat(hookRuns).hasValue(1);
    }

    @Test
    void answersAnotherUsersExecutionAsNonexistentOnceReplayCompletedSendingNothing() {
        List<ExecutionEvent> events = finishedRun();
        var subscription = new Subscription(run.executionId(), viewer("mallory"), 0, sink);

        events.forEach(subscription::accept);
        assertThat(sink.errors).as("not before replay completes: as long as for a nonexistent one").isEmpty();
        subscription.replayCompleted();

        assertThat(sink.events).isEmpty();
        assertThat(sink.errors).containsExactly(ErrorCode.NOT_FOUND);
        assertThat(sink.ended).isTrue();
    }

    @Test
    void refusesEvenWhenResumingPastTheEventsThatWouldBeSent() {
        List<ExecutionEvent> events = finishedRun();
        var subscription = new Subscription(run.executionId(), viewer("mallory"), 3, sink);

        subscription.accept(events.get(0));
        subscription.replayCompleted();

        assertThat(sink.errors).containsExactly(ErrorCode.NOT_FOUND);
    }

    @Test
    void letsAnAdminSeeEveryExecution() {
        List<ExecutionEvent> events = finishedRun();
        var subscription = new Subscription(run.executionId(), new Viewer(new UserId("root"), true), 0, sink);

        events.forEach(subscription::accept);

        assertThat(sink.events).containsExactlyElementsOf(events);
    }

    @Test
    void reportsNotFoundWhenReplaySawNoEvent() {
        var subscription = new Subscription(run.executionId(), viewer("alice"), 0, sink);

        subscription.replayCompleted();

        assertThat(sink.errors).containsExactly(ErrorCode.NOT_FOUND);
        assertThat(sink.ended).isTrue();
    }

    @Test
    void endsSilentlyWhenResumedAtTheTerminalStatus() {
        List<ExecutionEvent> events = finishedRun();
        var subscription = new Subscription(run.executionId(), viewer("alice"), events.size(), sink);

        events.forEach(subscription::accept);
        subscription.replayCompleted();

        assertThat(sink.events).isEmpty();
        assertThat(sink.errors).isEmpty();
        assertThat(sink.ended).isTrue();
    }

    @Test
    void deliversNothingAfterCancel() {
        List<ExecutionEvent> events = finishedRun();
        var subscription = new Subscription(run.executionId(), viewer("alice"), 0, sink);

        subscription.accept(events.get(0));
        subscription.cancel();
        events.forEach(subscription::accept);

        assertThat(sink.events).containsExactly(events.get(0));
        assertThat(sink.ended).isTrue();
    }

    @Test
    void runsAnEndHookAddedAfterTheEndAtOnce() {
        var subscription = new Subscription(run.executionId(), viewer("alice"), 0, sink);
        subscription.cancel();
        var hookRuns = new AtomicInteger();

        subscription.onEnd(hookRuns::incrementAndGet);

        assertThat(hookRuns).hasValue(1);
    }

    @Test
    void endsWithReplayFailedWhenMoreEventsWaitForAGapThanAllowed() {
        run.pending();
        run.running();
        for (int i = 0; i < 4; i++) {
            run.stdout("line " + i);
        }
        List<ExecutionEvent> events = run.events();
        var subscription = new Subscription(run.executionId(), viewer("alice"), 0, sink, 3);

        subscription.accept(events.get(0));
        events.subList(2, 6).forEach(subscription::accept); // seq 2 never comes: 4 held

        assertThat(sink.events).containsExactly(events.get(0));
        assertThat(sink.errors).containsExactly(ErrorCode.REPLAY_FAILED);
        assertThat(sink.ended).isTrue();
    }

    @Test
    void holdsUpToTheLimitWhileTheGapMayStillFill() {
        run.pending();
        run.running();
        for (int i = 0; i < 3; i++) {
            run.stdout("line " + i);
        }
        List<ExecutionEvent> events = run.events();
        var subscription = new Subscription(run.executionId(), viewer("alice"), 0, sink, 3);

        events.subList(2, 5).forEach(subscription::accept);
        subscription.accept(events.get(0));
        subscription.accept(events.get(1));

        assertThat(sink.events).containsExactlyElementsOf(events);
        assertThat(sink.errors).isEmpty();
    }

    private static Viewer viewer(String user) {
        return new Viewer(new UserId(user), false);
    }

    private static final class RecordingSink implements SubscriptionSink {

        final List<ExecutionEvent> events = new ArrayList<>();

        final List<ErrorCode> errors = new ArrayList<>();

        boolean ended;

        @Override
        public void event(ExecutionEvent event) {
            events.add(event);
        }

        @Override
        public void error(ExecutionId executionId, ErrorCode code, String message) {
            errors.add(code);
        }

        @Override
        public void ended(Subscription subscription) {
            ended = true;
        }

        @Override
        public boolean awaitRoom() {
            return true;
        }

    }

}
