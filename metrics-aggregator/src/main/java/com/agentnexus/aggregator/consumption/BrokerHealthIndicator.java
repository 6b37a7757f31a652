package com.agentnexus.aggregator.consumption;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Readiness depends on the broker: without it the aggregator counts nothing. */
@Component("kafka")
class BrokerHealthIndicator extends AbstractHealthIndicator {

    private static final int TIMEOUT_MS = 2_000;

    private final KafkaAdmin admin;

    BrokerHealthIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        AdminClient client = AdminClient.create(admin.getConfigurationProperties());
        try {
            String clusterId = client.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            builder.up().withDetail("clusterId", clusterId);
        } finally {
            client.close(Duration.ofMillis(TIMEOUT_MS));
        }
    }
}
