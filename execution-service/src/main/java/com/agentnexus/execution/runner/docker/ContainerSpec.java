package com.agentnexus.execution.runner.docker;

import com.agentnexus.execution.runner.RunSpec;
import com.agentnexus.execution.runner.Sandbox;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The locked-down container one execution runs in: every hardening option in one place.
 */
final class ContainerSpec {

    static final String LABEL_EXECUTION = "com.agentnexus.execution";
    static final String LABEL_AGENT = "com.agentnexus.agent";
    static final String LABEL_USER = "com.agentnexus.user";
    static final String LABEL_CREATED = "com.agentnexus.created";
    static final String USER = "1000:1000";
    static final String TMP_OPTIONS = "rw,noexec,nosuid,size=100m";

    private ContainerSpec() {
    }

    static List<String> command(RunSpec spec) {
        return List.of("sh", "-c", spec.script());
    }

    /** Sorted so the container's environment does not depend on map iteration order. */
    static List<String> environment(RunSpec spec) {
        return new TreeMap<>(spec.environment()).entrySet()
            .stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.toList());
    }

    static Map<String, String> labels(RunSpec spec, Instant created) {
        return Map.of(LABEL_EXECUTION, spec.executionId().toString(), LABEL_AGENT, spec.agentId().value(), LABEL_USER,
                spec.userId().value(), LABEL_CREATED, created.toString());
    }

    static HostConfig hostConfig(Sandbox sandbox, long logMaxBytes, @Nullable String seccompJson) {
        long memory = sandbox.memory().toBytes();
        List<String> securityOptions = new ArrayList<>(List.of("no-new-privileges"));
        if (seccompJson != null) {
            // The engine API takes the profile's content; a path is only understood by
            // the docker CLI.
            securityOptions.add("seccomp=" + seccompJson);
        }
        return HostConfig.newHostConfig()
            .withMemory(memory)
            .withMemorySwap(memory) // swap equal to memory: no swapping beyond the limit
            .withNanoCPUs(Math.round(sandbox.cpus() * 1e9))
            .withPidsLimit(sandbox.pidsLimit())
            .withNetworkMode("none")
            .withReadonlyRootfs(true)
            .withTmpFs(Map.of("/tmp", TMP_OPTIONS))
            .withSecurityOpts(securityOptions)
            .withCapDrop(Capability.ALL)
            .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE,
                    Map.of("max-size", Math.max(1, logMaxBytes / 1024) + "k")));
    }

}
