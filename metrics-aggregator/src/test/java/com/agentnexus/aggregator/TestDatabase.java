package com.agentnexus.aggregator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL (zonky embedded binaries), started once per test JVM; each test
 * context gets a database of its own, because a ledger's read positions belong to one
 * Kafka cluster and every test class starts its own broker.
 */
final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    static synchronized EmbeddedPostgres postgres() {
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
        return postgres;
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** Creates a new, empty database and returns its JDBC URL. */
    static String newDatabase() {
        String name = "ledger_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + postgres().getPort() + "/" + name;
    }

    static void register(DynamicPropertyRegistry registry) {
        String url = newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

}
