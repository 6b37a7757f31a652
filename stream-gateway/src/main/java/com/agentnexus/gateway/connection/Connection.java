package com.agentnexus.gateway.connection;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.gateway.protocol.ClientMessage;
import com.agentnexus.gateway.protocol.ClientMessageParser;
import com.agentnexus.gateway.protocol.ErrorCode;
import com.agentnexus.gateway.protocol.ProtocolViolation;
import com.agentnexus.gateway.protocol.ServerMessages;
import com.agentnexus.support.Viewer;
import com.agentnexus.gateway.subscription.Subscription;
import com.agentnexus.gateway.subscription.SubscriptionSink;
import com.agentnexus.gateway.subscription.SubscriptionStarter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One client connection: answers its messages and owns its subscriptions. A bad message
 * earns an error message and nothing else — the connection and its other subscriptions
 * carry on.
 */
final class Connection implements SubscriptionSink, ClientMessage.Visitor<Void> {

    private final Viewer viewer;

    private final Outbound outbound;

    private final ClientMessageParser parser;

    private final ServerMessages messages;

    private final SubscriptionStarter starter;

    private final int maxSubscriptions;

    private final Map<ExecutionId, Subscription> subscriptions = new ConcurrentHashMap<>();

    // one replay at a time per connection: a slow client waits for room on one replay
    // thread, not on all of them
    private final Sinks.Many<Mono<Void>> replays = Sinks.many().unicast().onBackpressureBuffer();

    Connection(Viewer viewer, Outbound outbound, ClientMessageParser parser, ServerMessages messages,
            SubscriptionStarter starter, int maxSubscriptions) {
        this.viewer = viewer;
        this.maxSubscriptions = maxSubscriptions;
        this.outbound = outbound;
        this.parser = parser;
        this.messages = messages;
        this.starter = starter;
        replays.asFlux().concatMap(replay -> replay, 1).subscribe();
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
        // frames arrive one at a time, so the count cannot change between this check and
        // the put below
        if (subscriptions.size() >= maxSubscriptions && !subscriptions.containsKey(subscribe.executionId())) {
            error(subscribe.executionId(), ErrorCode.TOO_MANY_SUBSCRIPTIONS,
                    "at most " + maxSubscriptions + " subscriptions per connection; unsubscribe one first");
            return null;
        }
        var subscription = new Subscription(subscribe.executionId(), viewer, subscribe.fromSeq(), this);
        if (subscriptions.putIfAbsent(subscribe.executionId(), subscription) != null) {
            error(subscribe.executionId(), ErrorCode.ALREADY_SUBSCRIBED, "already subscribed to this execution");
            return null;
        }
        replays.tryEmitNext(starter.start(subscription));
        return null;
    }

    @Override
    public Void unsubscribe(ClientMessage.Unsubscribe unsubscribe) {
        Subscription subscription = subscriptions.remove(unsubscribe.executionId());
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
        // cancel outside any outbound lock: subscriptions take their own lock, then the
        // outbound's
        List.copyOf(subscriptions.values()).forEach(Subscription::cancel);
        subscriptions.clear();
        // replays still queued find their subscriptions cancelled and end at once
        replays.tryEmitComplete();
        outbound.complete();
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    @Override
    public void event(ExecutionEvent event) {
        outbound.send(messages.event(event));
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
        subscriptions.remove(subscription.executionId(), subscription);
    }

}
