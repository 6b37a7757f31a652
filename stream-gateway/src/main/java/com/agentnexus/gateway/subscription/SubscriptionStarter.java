package com.agentnexus.gateway.subscription;

import com.agentnexus.gateway.live.LiveFanOut;
import com.agentnexus.gateway.replay.ExecutionReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Starts a subscription in the one order that loses nothing at the hand-over: register
 * for live events first (they begin to buffer), then replay history up to end offsets
 * read after that registration. The overlap is delivered twice and the subscription's
 * reorder buffer drops the duplicates. Replay answers from the gateway's memory where it
 * can, and gives another user's execution the same answer, in the same time, as one that
 * does not exist.
 */
@Component
public class SubscriptionStarter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionStarter.class);

    private final LiveFanOut live;

    private final ExecutionReplay replay;

    SubscriptionStarter(LiveFanOut live, ExecutionReplay replay) {
        this.live = live;
        this.replay = replay;
    }

    /**
     * Registers for live events now and returns the replay of history, for the caller to
     * run when its turn comes: a connection replays one execution at a time, so one
     * client never holds more than one replay thread.
     */
    public Mono<Void> start(Subscription subscription) {
        LiveFanOut.Registration registration = live.register(subscription.executionId(), subscription::accept);
        subscription.onEnd(registration::cancel);
        return Mono.defer(() -> replay.replay(subscription.executionId(), subscription.viewer(),
                subscription.deliveredUpTo(), event -> {
                    subscription.awaitRoom();
                    subscription.accept(event);
                }, subscription::isActive))
            .doOnSuccess(done -> subscription.replayCompleted())
            .onErrorResume(error -> {
                log.warn("Replay of execution {} failed", subscription.executionId(), error);
                subscription.replayFailed();
                return Mono.empty();
            });
    }

}
