package com.agentnexus.execution.runner.docker;

import com.agentnexus.support.HealthStatuses;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Docker is not critical — executions fall back to, or wait for, a runner — so an engine
 * that does not answer makes the service {@code DEGRADED}, not down. Reports the latest
 * periodic ping, re-pinging when it says down so a recovered engine shows at once.
 */
final class DockerHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = HealthStatuses.DEGRADED;

    private final DockerEngine engine;

    DockerHealthIndicator(DockerEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        DockerEngine.Health latest = engine.lastHealth();
        if (!latest.up()) {
            latest = engine.ping();
        }
        Health.Builder builder = latest.up() ? Health.up() : Health.status(DEGRADED);
        builder.withDetail("host", latest.host()).withDetail("checkedAt", latest.checkedAt().toString());
        if (latest.error() != null) {
            builder.withDetail("error", latest.error());
        }
        return builder.build();
    }

}
