package com.agentnexus.aggregator.acceptance;

import com.agentnexus.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, in the test JVM) with the three event topics, and a real
 * PostgreSQL, for one test class. Each class gets its own, so no test counts another's
 * events.
 */
final class AggregatorInfrastructure implements AutoCloseable {

    static final String JWT_SECRET = "aggregator-acceptance-secret-0123456789abcdef";

    private final int partitions;

    private final EmbeddedKafkaKraftBroker kafka;

    private final EmbeddedPostgres postgres;

    private AggregatorInfrastructure(int partitions, EmbeddedKafkaKraftBroker kafka, EmbeddedPostgres postgres) {
        this.partitions = partitions;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * Starts both and creates the three topics with {@code partitions} partitions each.
     */
    static AggregatorInfrastructure start(int partitions) {
        var kafka = new EmbeddedKafkaKraftBroker(1, partitions);
        kafka.afterPropertiesSet();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.start();
        }
        catch (IOException e) {
            kafka.destroy();
            throw new UncheckedIOException(e);
        }
        var infrastructure = new AggregatorInfrastructure(partitions, kafka, postgres);
        infrastructure.withAdmin(admin -> admin
            .createTopics(
                    Topics.DEFAULTS.all().stream().map(topic -> new NewTopic(topic, partitions, (short) 1)).toList())
            .all());
        return infrastructure;
    }

    int partitions() {
        return partitions;
    }

    String kafkaBootstrap() {
        return kafka.getBrokersAsString();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /**
     * The log-end offset of every partition of {@code topics}: where a consumer that has
     * read everything is.
     */
    Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> latest = topics.stream()
            .flatMap(topic -> IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)))
            .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        return withAdmin(admin -> admin.listOffsets(latest).all()).entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** The two topics the aggregator reads. */
    static List<String> consumedTopics() {
        return List.of(Topics.DEFAULTS.status(), Topics.DEFAULTS.resources());
    }

    private <T> T withAdmin(Function<Admin, org.apache.kafka.common.KafkaFuture<T>> call) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            return call.apply(admin).get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            kafka.destroy();
        }
        finally {
            try {
                postgres.close();
            }
            catch (IOException e) {
                // the data directory is temporary; nothing to keep
            }
        }
    }

}
