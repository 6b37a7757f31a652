package com.agentnexus.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Liveness: the process answers, and since when. Registered as {@code uptime} by
 * {@link ServiceHealthConfiguration}.
 */
public final class UptimeHealthIndicator implements HealthIndicator {

    private final Clock clock;

    private final Instant startedAt;

    public UptimeHealthIndicator(Clock clock) {
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
