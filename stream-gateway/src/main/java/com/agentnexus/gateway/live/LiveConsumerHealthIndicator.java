package com.agentnexus.gateway.live;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready only while the live consumer polls: without it, subscribers would get history but
 * never live events.
 */
@Component("liveConsumer")
class LiveConsumerHealthIndicator implements HealthIndicator {

    private final LiveEventConsumer consumer;

    LiveConsumerHealthIndicator(LiveEventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public Health health() {
        return consumer.isPolling() ? Health.up().build() : Health.down().withDetail("reason", "not polling").build();
    }

}
