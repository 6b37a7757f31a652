package com.agentnexus.execution.runner.docker;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the service reaches the Docker engine and what every container gets besides its agent's sandbox.
 *
 * @param host           engine address, e.g. {@code unix:///var/run/docker.sock}; when absent, {@code DOCKER_HOST}
 *                       or the default socket
 * @param pingInterval   how often the engine is pinged (health, gauge, and the {@code auto} runner's choice)
 * @param pingTimeout    how long a ping or another short engine call may take before the engine counts as down
 * @param pullTimeout    how long an image pull may take before the execution fails
 * @param logMaxSize     bound of each container's own log file in the engine (the service reads the live stream)
 * @param seccompProfile optional seccomp profile file; its JSON content is passed, never the path (the engine
 *                       would reject a path)
 */
@ConfigurationProperties("agentnexus.docker")
public record DockerProperties(@Nullable String host, @DefaultValue("30s") Duration pingInterval,
        @DefaultValue("2s") Duration pingTimeout, @DefaultValue("5m") Duration pullTimeout,
        @DefaultValue("10MB") DataSize logMaxSize, @Nullable Path seccompProfile) {
}
