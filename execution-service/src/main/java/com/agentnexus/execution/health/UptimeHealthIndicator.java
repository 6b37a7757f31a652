package com.agentnexus.execution.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Liveness: the process answers, and since when. */
@Component("uptime")
class UptimeHealthIndicator implements HealthIndicator {

    private final Clock clock;
    private final Instant startedAt;

    UptimeHealthIndicator(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public Health health() {
        Duration uptime = Duration.between(startedAt, clock.instant());
        return Health.up()
                .withDetail("startedAt", startedAt.toString())
                .withDetail("uptime", uptime.toString())
                .withDetail("uptimeSeconds", uptime.toSeconds())
                .build();
    }
}
