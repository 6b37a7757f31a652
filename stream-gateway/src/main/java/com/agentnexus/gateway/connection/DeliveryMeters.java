package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.OutboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What every connection's sender records as it hands a message to the socket, for all
 * connections together (no per-connection labels): how many messages left, and how long
 * after its event's timestamp each event message did — the signal that the gateway itself
 * is behind, which no queue or consumer-lag meter shows when every subscriber keeps up
 * but the fan-out does not. Cheap enough for every message: a counter and a timer with a
 * few fixed buckets.
 */
@Component
class DeliveryMeters {

    private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30) };

    private final Counter sent;

    private final Timer latency;

    private final LongSupplier epochMillis;

    @Autowired
    DeliveryMeters(MeterRegistry registry) {
        this(registry, System::currentTimeMillis);
    }

    DeliveryMeters(MeterRegistry registry, LongSupplier epochMillis) {
        this.epochMillis = epochMillis;
        sent = Counter.builder("agentnexus.websocket.messages.sent")
            .description("Messages handed to client sockets (events, errors, pongs)")
            .register(registry);
        latency = Timer.builder("agentnexus.websocket.event.latency")
            .description("From a live event's timestamp to the hand-over of its message to a client's socket")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
    }

    /** One message is handed to a client's socket now. */
    void sent(OutboundMessage message) {
        sent(List.of(message));
    }

    /** These messages are handed to a client's socket now, together. */
    void sent(List<OutboundMessage> messages) {
        sent.increment(messages.size());
        long now = epochMillis.getAsLong();
        for (OutboundMessage message : messages) {
            long timestamp = message.eventTimestamp();
            if (timestamp != OutboundMessage.NO_EVENT) {
                // clocks of other hosts may run ahead: a message is never sent before it
                // exists
                latency.record(Math.max(0, now - timestamp), TimeUnit.MILLISECONDS);
            }
        }
    }

}
