package com.agentnexus.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server from Maven-shipped binaries (zonky). Its cluster lives under
 * the data directory and survives restarts; the application role and database are created
 * on first start. {@code pg_ctl} detaches the server from the launcher, so the server is
 * watched through the pid it records in {@code postmaster.pid}.
 */
final class PostgresNode implements RunningNode {

    private final EmbeddedPostgres postgres;

    private final ProcessHandle postmaster;

    private final Path pidFile;

    private PostgresNode(EmbeddedPostgres postgres, ProcessHandle postmaster, Path pidFile) {
        this.postgres = postgres;
        this.postmaster = postmaster;
        this.pidFile = pidFile;
    }

    static PostgresNode start(Path dataDir, int port) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.toFile())
            .setCleanDataDirectory(false)
            .setPort(port)
            // zonky starts PostgreSQL for throw-away test databases (-F,
            // synchronous_commit=off); this one holds the executions and the aggregator's
            // ledger across restarts, so a commit must be on disk
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
        var node = new PostgresNode(postgres, postmaster(dataDir), dataDir.resolve("postmaster.pid"));
        try {
            node.ensureApplicationDatabase();
        }
        catch (SQLException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /**
     * The server process: the first line of {@code postmaster.pid}, written before pg_ctl
     * reports it started.
     */
    private static ProcessHandle postmaster(Path dataDir) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("PostgreSQL (pid " + pid + ") ended right after it started"));
    }

    private void ensureApplicationDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (var roles = statement
                .executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + StackConfig.DB_USER + "'")) {
                if (!roles.next()) {
                    statement.execute(
                            "CREATE ROLE " + StackConfig.DB_USER + " LOGIN PASSWORD '" + StackConfig.DB_PASSWORD + "'");
                }
            }
            try (var databases = statement
                .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + StackConfig.DB_NAME + "'")) {
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
    public long pid() {
        return postmaster.pid();
    }

    /**
     * The server is not the launcher's child, so its exit code is unknown; but a clean
     * shutdown removes {@code postmaster.pid} and a crash leaves it: 0 for the first, -1
     * (unknown failure) for the second.
     */
    @Override
    public CompletableFuture<Integer> exited() {
        return postmaster.onExit().thenApply(ended -> Files.exists(pidFile) ? -1 : 0);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // pg_ctl returns once postmaster.pid is gone, a moment before the server process
        // has ended; and it cannot stop a server whose postmaster.pid it no longer
        // trusts. Either way the launcher returns only when it ended.
        if (!awaitEnd(Duration.ofSeconds(10))) {
            postmaster.destroyForcibly();
            awaitEnd(Duration.ofSeconds(5));
        }
    }

    private boolean awaitEnd(Duration timeout) {
        try {
            postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (TimeoutException | ExecutionException e) {
            return !postmaster.isAlive();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !postmaster.isAlive();
        }
    }

}
