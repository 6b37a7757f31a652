package com.agentnexus.launcher.faults;

import com.agentnexus.launcher.StackHandle;
import com.agentnexus.launcher.support.FreePorts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A second execution service on the stack's Kafka and PostgreSQL with
 * {@code agentnexus.runner.mode=docker}, so one run measures both runners (the launcher's
 * own instance runs the process runner). It recovers no orphans: the launcher's instance
 * owns the executions table's recovery (README, "Restart recovery and its limit").
 */
final class DockerRunnerService implements AutoCloseable {

    private final Process process;

    private final String url;

    private DockerRunnerService(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static DockerRunnerService start(StackHandle stack, String dockerHost) throws IOException {
        int port = FreePorts.allocate(1)[0];
        String db = "127.0.0.1:" + stack.postgresPort() + "/" + stack.databaseName();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m",
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
                stack.servicesDir().resolve("execution-service.jar").toString(), "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrap(),
                "--spring.r2dbc.url=r2dbc:postgresql://" + db, "--spring.r2dbc.username=" + stack.databaseUser(),
                "--spring.r2dbc.password=" + stack.databasePassword(), "--spring.flyway.url=jdbc:postgresql://" + db,
                "--spring.flyway.user=" + stack.databaseUser(), "--spring.flyway.password=" + stack.databasePassword(),
                "--agentnexus.runner.mode=docker", "--agentnexus.docker.host=" + dockerHost,
                "--agentnexus.execution.recover-orphans=false");
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(stack.logDir().resolve("execution-service-docker.log").toFile());
        builder.environment().put("AGENTNEXUS_SECURITY_JWT_SECRET", stack.jwtSecret());
        var service = new DockerRunnerService(builder.start(), "http://127.0.0.1:" + port);
        Awaitility.await("the Docker-runner execution service ready")
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> {
                if (!service.process.isAlive()) {
                    throw new IllegalStateException("the Docker-runner execution service exited; see "
                            + stack.logDir().resolve("execution-service-docker.log"));
                }
                return StackApi.ready(service.url);
            });
        return service;
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

}
