package com.agentnexus.gateway.connection;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.protocol.ClientMessage;
import com.agentnexus.gateway.protocol.ClientMessageParser;
import com.agentnexus.gateway.protocol.ErrorCode;
import com.agentnexus.gateway.protocol.OutboundMessage;
import com.agentnexus.gateway.protocol.ProtocolViolation;
import com.agentnexus.gateway.protocol.ServerMessages;
import com.agentnexus.support.Viewer;
import com.agentnexus.gateway.subscription.Subscription;
import com.agentnexus.gateway.subscription.SubscriptionSink;
import com.agentnexus.gateway.subscription.SubscriptionStarter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One client connection: answers its messages and owns its subscriptions. A bad message
 * earns an error message and nothing else — the connection and its other subscriptions
 * carry on.
 *
 * <p>
 * Most connections are idle most of the time, so a connection allocates its subscription
 * map and its queue of waiting replays only when it first subscribes.
 */
final class Connection implements SubscriptionSink, ClientMessage.Visitor<Void> {

    private final Viewer viewer;

    private final Outbound outbound;

    private final ClientMessageParser parser;

    private final ServerMessages messages;

    private final SubscriptionStarter starter;

    private final int maxSubscriptions;

    // guarded by this: the inbound adds, live and replay threads remove ended ones
    private @Nullable Map<ExecutionId, Subscription> subscriptions;

    // one replay at a time per connection: a slow client waits for room on one replay
    // thread, not on all of them. Guarded by this.
    private @Nullable ArrayDeque<Mono<Void>> waitingReplays;

    // volatile: read by live delivery outside the lock
    private volatile boolean replaying;

    private boolean closed;

    Connection(Viewer viewer, Outbound outbound, ClientMessageParser parser, ServerMessages messages,
            SubscriptionStarter starter, int maxSubscriptions) {
        this.viewer = viewer;
        this.maxSubscriptions = maxSubscriptions;
        this.outbound = outbound;
        this.parser = parser;
        this.messages = messages;
        this.starter = starter;
    }

    /**
     * Handles one client frame; called on the connection's inbound flux, one frame at a
     * time.
     */
    void receive(String frame) {
        ClientMessage message;
        try {
            message = parser.parse(frame);
        }
        catch (ProtocolViolation violation) {
            outbound.send(messages.error(violation.executionId(), violation.code(), violation.getMessage()));
            return;
        }
        message.accept(this);
    }

    @Override
    public Void subscribe(ClientMessage.Subscribe subscribe) {
        var subscription = new Subscription(subscribe.executionId(), viewer, subscribe.fromSeq(), this);
        synchronized (this) {
            if (closed) {
                return null;
            }
            Map<ExecutionId, Subscription> current = subscriptions;
            if (current == null) {
                current = new HashMap<>(4);
                subscriptions = current;
            }
            if (current.containsKey(subscribe.executionId())) {
                error(subscribe.executionId(), ErrorCode.ALREADY_SUBSCRIBED, "already subscribed to this execution");
                return null;
            }
            if (current.size() >= maxSubscriptions) {
                error(subscribe.executionId(), ErrorCode.TOO_MANY_SUBSCRIPTIONS,
                        "at most " + maxSubscriptions + " subscriptions per connection; unsubscribe one first");
                return null;
            }
            current.put(subscribe.executionId(), subscription);
        }
        // outside the lock: registering may deliver live events, which take the
        // subscription's lock and then (ended) this one
        Mono<Void> replay = starter.start(subscription);
        synchronized (this) {
            if (closed) {
                return null;
            }
            if (replaying) {
                if (waitingReplays == null) {
                    waitingReplays = new ArrayDeque<>(2);
                }
                waitingReplays.add(replay);
                return null;
            }
            replaying = true;
        }
        run(replay);
        return null;
    }

    private void run(Mono<Void> replay) {
        replay.doFinally(signal -> nextReplay()).subscribe();
    }

    private void nextReplay() {
        Mono<Void> next;
        synchronized (this) {
            next = closed || waitingReplays == null ? null : waitingReplays.poll();
            if (next == null) {
                replaying = false;
                return;
            }
        }
        run(next);
    }

    @Override
    public Void unsubscribe(ClientMessage.Unsubscribe unsubscribe) {
        Subscription subscription;
        synchronized (this) {
            subscription = subscriptions == null ? null : subscriptions.remove(unsubscribe.executionId());
        }
        if (subscription == null) {
            error(unsubscribe.executionId(), ErrorCode.NOT_SUBSCRIBED, "not subscribed to this execution");
        }
        else {
            subscription.cancel();
        }
        return null;
    }

    @Override
    public Void ping(ClientMessage.Ping ping) {
        outbound.send(messages.pong());
        return null;
    }

    /** Answers a message the client sent too fast, without acting on it. */
    void refuse(int perSecond) {
        outbound.send(messages.error(null, ErrorCode.RATE_LIMITED,
                "more than " + perSecond + " messages per second; this one was ignored"));
    }

    /** Answers a frame that is not text. */
    void refuseBinary() {
        outbound.send(messages.error(null, ErrorCode.INVALID_JSON, "binary frames are not supported; send JSON text"));
    }

    /** Ends every subscription and the outbound stream; idempotent. */
    void close() {
        List<Subscription> ending;
        synchronized (this) {
            closed = true;
            ending = subscriptions == null ? List.of() : List.copyOf(subscriptions.values());
            subscriptions = null;
            // replays still waiting would find their subscriptions cancelled; never start
            // them
            waitingReplays = null;
        }
        // cancel outside any lock: subscriptions take their own lock, then this one's and
        // the outbound's
        ending.forEach(Subscription::cancel);
        outbound.complete();
    }

    synchronized int subscriptionCount() {
        return subscriptions == null ? 0 : subscriptions.size();
    }

    @Override
    public void event(ExecutionEvent event) {
        OutboundMessage message = messages.event(event);
        // while a replay runs, what is sent is history or live events held back for it:
        // its age is by design, so it stays out of the delivery latency
        outbound.send(replaying ? message.untimed() : message);
    }

    @Override
    public void error(ExecutionId executionId, ErrorCode code, String message) {
        outbound.send(messages.error(executionId, code, message));
    }

    @Override
    public boolean awaitRoom() {
        return outbound.awaitRoom();
    }

    @Override
    public void ended(Subscription subscription) {
        synchronized (this) {
            if (subscriptions != null) {
                subscriptions.remove(subscription.executionId(), subscription);
            }
        }
    }

}
