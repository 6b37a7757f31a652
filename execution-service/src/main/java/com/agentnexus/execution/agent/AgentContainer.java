package com.agentnexus.execution.agent;

import java.util.Objects;

/**
 * An agent's container settings (the defaults unless the agent says otherwise).
 * The execution package maps them to the runner's sandbox; the catalog does not know
 * runners.
 *
 * @param memoryBytes memory limit; swap is set equal to it
 * @param cpus CPU limit in cores
 * @param pidsLimit maximum number of processes in the container
 */
public record AgentContainer(String image, long memoryBytes, double cpus, long pidsLimit) {

    static final long MIN_MEMORY_BYTES = 6L * 1024 * 1024;

    public static final AgentContainer DEFAULT = new AgentContainer("localhost/agentnexus-demo:1", 512L * 1024 * 1024,
            0.5, 100);

    public AgentContainer {
        Objects.requireNonNull(image, "image");
        if (image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank");
        }
        if (memoryBytes < MIN_MEMORY_BYTES) {
            throw new IllegalArgumentException("memoryBytes must be at least " + MIN_MEMORY_BYTES);
        }
        if (!(cpus > 0) || cpus > 64) {
            throw new IllegalArgumentException("cpus must be in (0, 64]");
        }
        if (pidsLimit < 1) {
            throw new IllegalArgumentException("pidsLimit must be at least 1");
        }
    }
}
