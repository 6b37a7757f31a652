package com.agentnexus.execution;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL of one test class's own, for tests that must not share the database:
 * restart recovery (which ends every unfinished row it finds) and readiness (which stops
 * the database).
 */
final class DedicatedPostgres {

    private final EmbeddedPostgres postgres;

    private boolean stopped;

    private DedicatedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    private static final Map<Class<?>, DedicatedPostgres> BY_TEST_CLASS = new ConcurrentHashMap<>();

    /** The database of a {@link DedicatedDatabase} test class, started on first use. */
    static DedicatedPostgres of(Class<?> testClass) {
        return BY_TEST_CLASS.computeIfAbsent(testClass, type -> start());
    }

    static DedicatedPostgres start() {
        try {
            return new DedicatedPostgres(EmbeddedPostgres.start());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            postgres.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared Kafka and everything else as in {@link TestInfrastructure}, but this
     * database.
     */
    void register(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerDatabase(registry, postgres.getPort(), "postgres");
        TestInfrastructure.registerService(registry, TestInfrastructure::kafkaBootstrap);
    }

}
