package com.agentnexus.gateway.subscription;

import com.agentnexus.gateway.live.LiveFanOut;
import com.agentnexus.gateway.replay.ExecutionReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts a subscription in the one order that loses nothing at the hand-over: register for live events first
 * (they begin to buffer), then replay history up to end offsets read after that registration. The overlap is
 * delivered twice and the subscription's reorder buffer drops the duplicates.
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

    public void start(Subscription subscription) {
        LiveFanOut.Registration registration = live.register(subscription.executionId(), subscription::accept);
        subscription.onEnd(registration::cancel);
        replay.replay(subscription.executionId(), event -> {
                    subscription.awaitRoom();
                    subscription.accept(event);
                }, subscription::isActive)
                .subscribe(null, error -> {
                    log.warn("Replay of execution {} failed", subscription.executionId(), error);
                    subscription.replayFailed();
                }, subscription::replayCompleted);
    }
}
