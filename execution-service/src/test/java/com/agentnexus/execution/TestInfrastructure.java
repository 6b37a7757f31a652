package com.agentnexus.execution;

import com.agentnexus.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL and a real Kafka broker (KRaft), started once per test JVM and shared
 * by every integration test; they die with the JVM.
 */
final class TestInfrastructure {

    static final String JWT_SECRET = "integration-test-secret-0123456789abcdef-0123456789";

    private static EmbeddedPostgres postgres;

    private static EmbeddedKafkaKraftBroker kafka;

    private TestInfrastructure() {
    }

    static synchronized String kafkaBootstrap() {
        if (kafka == null) {
            // Topics are created by the service itself (NewTopic beans), as in
            // production.
            kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka.getBrokersAsString();
    }

    static synchronized int postgresPort() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                }
                catch (IOException e) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return postgres.getPort();
    }

    static void register(DynamicPropertyRegistry registry) {
        registerDatabase(registry, postgresPort(), "postgres");
        registerService(registry, TestInfrastructure::kafkaBootstrap);
        // Contexts share this database and may live side by side: none may take another's
        // live executions for orphans. RestartRecoveryIT tests recovery against a
        // database of its own.
        registry.add("agentnexus.execution.recover-orphans", () -> "false");
    }

    /**
     * The service's R2DBC and Flyway settings for {@code database} of the PostgreSQL on
     * {@code port}.
     */
    static void registerDatabase(DynamicPropertyRegistry registry, int port, String database) {
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://localhost:" + port + "/" + database);
        registry.add("spring.r2dbc.username", () -> "postgres");
        registry.add("spring.r2dbc.password", () -> "postgres");
        registry.add("spring.flyway.url", () -> "jdbc:postgresql://localhost:" + port + "/" + database);
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.flyway.password", () -> "postgres");
    }

    /**
     * Everything else every test service needs: its Kafka, the tests' JWT secret,
     * frequent resource samples.
     */
    static void registerService(DynamicPropertyRegistry registry, Supplier<Object> kafkaBootstrap) {
        registry.add("spring.kafka.bootstrap-servers", kafkaBootstrap);
        registry.add("agentnexus.security.jwt-secret", () -> JWT_SECRET);
        registry.add("agentnexus.runner.sample-interval", () -> "500ms");
    }

    static Topics topics() {
        return Topics.DEFAULTS;
    }

}
