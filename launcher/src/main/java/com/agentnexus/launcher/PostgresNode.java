package com.agentnexus.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from Maven-shipped binaries (zonky). Its cluster lives under the data directory and
 * survives restarts; the application role and database are created on first start.
 */
final class PostgresNode implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresNode(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresNode start(Path dataDir, int port) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)
                .setPort(port)
                // zonky starts PostgreSQL for throw-away test databases (-F, synchronous_commit=off); this one
                // holds the executions and the aggregator's ledger across restarts, so a commit must be on disk
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        var node = new PostgresNode(postgres);
        node.ensureApplicationDatabase();
        return node;
    }

    private void ensureApplicationDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (var roles = statement.executeQuery(
                    "SELECT 1 FROM pg_roles WHERE rolname = '" + StackConfig.DB_USER + "'")) {
                if (!roles.next()) {
                    statement.execute("CREATE ROLE " + StackConfig.DB_USER + " LOGIN PASSWORD '"
                            + StackConfig.DB_PASSWORD + "'");
                }
            }
            try (var databases = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + StackConfig.DB_NAME + "'")) {
                if (!databases.next()) {
                    statement.execute("CREATE DATABASE " + StackConfig.DB_NAME + " OWNER " + StackConfig.DB_USER);
                }
            }
        }
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
