package com.agentnexus.support;

import java.time.Duration;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import reactor.core.publisher.Mono;

/**
 * Readiness: the broker answers a cluster description within 2 s. Kafka is critical to
 * every service — the execution service must not accept executions it cannot publish, the
 * gateway serves neither replay nor live without it, the aggregator counts nothing. One
 * admin client is kept for the checks. Registered as {@code kafka} by
 * {@link ServiceHealthConfiguration}.
 */
public final class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final KafkaAdmin admin;

    private @Nullable AdminClient client;

    public KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        var options = new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis());
        return Mono.fromCallable(() -> client().describeCluster(options).nodes())
            .flatMap(nodes -> Mono.fromFuture(nodes.toCompletionStage().toCompletableFuture()))
            .timeout(TIMEOUT.plusMillis(500))
            .map(nodes -> builder.up().withDetail("brokers", nodes.size()).build());
    }

    private synchronized AdminClient client() {
        if (client == null) {
            client = AdminClient.create(admin.getConfigurationProperties());
        }
        return client;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close(Duration.ofSeconds(1));
        }
    }

}
