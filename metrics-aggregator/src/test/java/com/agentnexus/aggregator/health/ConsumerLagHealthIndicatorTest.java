package com.agentnexus.aggregator.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.aggregator.AggregatorProperties;
import com.agentnexus.aggregator.ConsumerLag;
import com.agentnexus.support.HealthStatuses;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class ConsumerLagHealthIndicatorTest {

    private final ConsumerLag lag = new ConsumerLag();

    private final ConsumerLagHealthIndicator indicator = new ConsumerLagHealthIndicator(lag,
            new AggregatorProperties(1_000, 100L, Duration.ofDays(7), Duration.ofSeconds(5)));

    @Test
    void isUpWhileTheLedgerKeepsUpAndDegradedWhenItFallsBehindTheThreshold() {
        lag.record("agentnexus.execution.status", 0, 60);
        lag.record("agentnexus.execution.resources", 0, 40);
        assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);

        lag.record("agentnexus.execution.status", 1, 1);
        var health = indicator.health(true);
        assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
        assertThat(health.getDetails()).containsEntry("records", 101L).containsEntry("threshold", 100L);
    }

    @Test
    void forgetsThePartitionsItNoLongerOwns() {
        lag.record("agentnexus.execution.status", 0, 500);
        lag.forget("agentnexus.execution.status", 0);
        assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
    }

}
