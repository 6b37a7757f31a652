package com.agentnexus.execution.runner;

import java.util.Objects;
import org.springframework.util.unit.DataSize;

/**
 * The container an agent runs in and its limits, configurable per agent. The local
 * process runner has no isolation and ignores it, which is why the Docker runner is
 * preferred whenever an engine answers.
 *
 * @param image image reference; used locally when present, pulled otherwise
 * @param memory memory limit; swap is set equal to it (no swap beyond the limit)
 * @param cpus CPU limit in cores, e.g. 0.5
 * @param pidsLimit maximum number of processes/threads in the container
 */
public record Sandbox(String image, DataSize memory, double cpus, long pidsLimit) {

    /**
     * The defaults: 512 MiB, half a core, 100 pids, the locally built demo image.
     */
    public static final Sandbox DEFAULT = new Sandbox("localhost/agentnexus-demo:1", DataSize.ofMegabytes(512), 0.5,
            100);

    public Sandbox {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(memory, "memory");
        if (image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank");
        }
        if (memory.toBytes() < DataSize.ofMegabytes(6).toBytes()) {
            throw new IllegalArgumentException("memory must be at least 6 MB");
        }
        if (!(cpus > 0) || cpus > 64) {
            throw new IllegalArgumentException("cpus must be in (0, 64]");
        }
        if (pidsLimit < 1) {
            throw new IllegalArgumentException("pidsLimit must be >= 1");
        }
    }
}
