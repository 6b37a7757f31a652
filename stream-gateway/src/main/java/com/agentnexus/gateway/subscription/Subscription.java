package com.agentnexus.gateway.subscription;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.gateway.protocol.ErrorCode;
import com.agentnexus.support.Viewer;
import java.util.ArrayList;
import java.util.List;

/**
 * One client's subscription to one execution. Replay and live both feed {@link #accept};
 * this class decides what the client sees: nothing unless the viewer may see the
 * execution, then each seq above fromSeq exactly once, in order, ending after the
 * terminal status. Thread-safe: replay and live call from different threads.
 */
public final class Subscription {

    private final ExecutionId executionId;

    private final Viewer viewer;

    private final SubscriptionSink sink;

    private final ReorderBuffer buffer;

    private final List<Runnable> endHooks = new ArrayList<>();

    private boolean seenAny;

    private boolean ended;

    /** Another user's event arrived: the answer is NOT_FOUND once replay completes. */
    private boolean forbidden;

    /**
     * Events held for a gap before them, at most: live events wait here while the
     * connection's earlier replays run, and a gap that history never fills must not grow
     * without bound.
     */
    static final int MAX_HELD = 10_000;

    private final int maxHeld;

    public Subscription(ExecutionId executionId, Viewer viewer, long fromSeq, SubscriptionSink sink) {
        this(executionId, viewer, fromSeq, sink, MAX_HELD);
    }

    Subscription(ExecutionId executionId, Viewer viewer, long fromSeq, SubscriptionSink sink, int maxHeld) {
        this.executionId = executionId;
        this.viewer = viewer;
        this.sink = sink;
        this.buffer = new ReorderBuffer(fromSeq);
        this.maxHeld = maxHeld;
    }

    public ExecutionId executionId() {
        return executionId;
    }

    /** Takes one event from replay or live, in any order, possibly a duplicate. */
    public synchronized void accept(ExecutionEvent event) {
        if (ended || !event.executionId().equals(executionId)) {
            return;
        }
        seenAny = true;
        // every event carries the owner, so whichever arrives first decides before
        // anything is sent; another user's execution gets the answer of a nonexistent one
        // when replay completes, so neither the answer nor its timing tells them apart
        if (forbidden || !viewer.maySee(event.userId())) {
            forbidden = true;
            return;
        }
        for (ExecutionEvent ready : buffer.accept(event)) {
            sink.event(ready);
            if (isTerminal(ready)) {
                end();
                return;
            }
        }
        if (isTerminal(event) && event.seq() < buffer.nextSeq()) {
            // resumed at or after the terminal status: the client already has everything
            end();
        }
        else if (buffer.heldCount() > maxHeld) {
            end(ErrorCode.REPLAY_FAILED, "more than " + maxHeld + " events waited for the history before seq "
                    + buffer.nextSeq() + "; subscribe again with fromSeq " + (buffer.nextSeq() - 1));
        }
    }

    /**
     * Paces replay to the client; not synchronized, so live delivery goes on meanwhile.
     */
    void awaitRoom() {
        sink.awaitRoom();
    }

    /**
     * Replay reached the end offsets. Without any event of the execution, it does not
     * exist (yet).
     */
    synchronized void replayCompleted() {
        if (!ended && (!seenAny || forbidden)) {
            end(ErrorCode.NOT_FOUND, "no events found for this execution");
        }
    }

    Viewer viewer() {
        return viewer;
    }

    /**
     * The seq up to which the client has everything: fromSeq, or the last event released
     * since.
     */
    synchronized long deliveredUpTo() {
        return buffer.nextSeq() - 1;
    }

    synchronized void replayFailed() {
        if (!ended) {
            end(ErrorCode.REPLAY_FAILED, "reading the execution's history failed; subscribe again");
        }
    }

    /** Ends without a message: the client unsubscribed or disconnected. */
    public synchronized void cancel() {
        if (!ended) {
            end();
        }
    }

    public synchronized boolean isActive() {
        return !ended;
    }

    /** Runs {@code hook} when the subscription ends, or now if it already has. */
    synchronized void onEnd(Runnable hook) {
        if (ended) {
            hook.run();
        }
        else {
            endHooks.add(hook);
        }
    }

    private void end(ErrorCode code, String message) {
        sink.error(executionId, code, message);
        end();
    }

    private void end() {
        ended = true;
        endHooks.forEach(Runnable::run);
        endHooks.clear();
        sink.ended(this);
    }

    private static boolean isTerminal(ExecutionEvent event) {
        return event instanceof ExecutionStatusChanged && ((ExecutionStatusChanged) event).isTerminal();
    }

}
