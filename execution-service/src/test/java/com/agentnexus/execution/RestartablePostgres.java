package com.agentnexus.execution;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL of one test class's own that can be stopped and started again on the
 * same port and data directory — a database outage as the service sees it.
 * {@link DedicatedPostgres} cannot come back: its data directory is deleted when it
 * stops.
 */
final class RestartablePostgres {

    private final Path dataDirectory;

    private final int port;

    private EmbeddedPostgres running;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new database, started; it is stopped when the JVM exits. */
    static RestartablePostgres start() {
        try {
            var postgres = new RestartablePostgres(Files.createTempDirectory("agentnexus-pg-"), freePort());
            postgres.restart();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop));
            return postgres;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts it again (unless it runs) with the data it had; returns once it accepts
     * connections.
     */
    synchronized void restart() {
        if (running != null) {
            return;
        }
        try {
            running = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fast shutdown (pg_ctl -m fast): open connections are cut, as in a crash of the
     * server process.
     */
    synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            running = null;
        }
    }

    /**
     * The shared Kafka and everything else as in {@link TestInfrastructure}, but this
     * database.
     */
    void register(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerDatabase(registry, port, "postgres");
        TestInfrastructure.registerService(registry, TestInfrastructure::kafkaBootstrap);
        // A fresh database has nothing to recover; the rows must converge without a
        // restart of the service.
        registry.add("agentnexus.execution.recover-orphans", () -> "false");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
