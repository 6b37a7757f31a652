package com.agentnexus.execution.runner.docker;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the service reaches the Docker engine and what every container gets besides its
 * agent's sandbox (image, memory with equal swap, CPUs and pids limit are per agent, in
 * the agents table).
 *
 * @param host Docker engine address, e.g. unix:///var/run/docker.sock. When unset,
 * DOCKER_HOST, else the default socket.
 * @param pingInterval How often the engine is pinged: its health check, the
 * agentnexus_docker_healthy gauge and the auto runner's choice follow the last answer.
 * @param pingTimeout How long a ping or another short engine call may take before the
 * engine counts as down.
 * @param pullTimeout How long an image pull may take before the execution fails.
 * @param logMaxSize Size bound of each container's own log file in the engine (the
 * service reads the live stream, not that file).
 * @param seccompProfile Optional seccomp profile file for every container; its JSON
 * content is sent to the engine, never the path (the engine would reject a path). Unset:
 * the engine's default profile.
 */
@ConfigurationProperties("agentnexus.docker")
public record DockerProperties(@Nullable String host, @DefaultValue("30s") Duration pingInterval,
        @DefaultValue("2s") Duration pingTimeout, @DefaultValue("5m") Duration pullTimeout,
        @DefaultValue("10MB") DataSize logMaxSize, @Nullable Path seccompProfile) {
}
