package com.agentnexus.execution.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the memory and CPU time of a process and all its live descendants from
 * {@code /proc}.
 */
final class ProcessTreeProbe {

    /** Summed over the tree: resident bytes and cumulative CPU ticks. */
    record TreeUsage(long residentBytes, long cpuTicks) {
    }

    private final Path proc;

    ProcessTreeProbe(Path proc) {
        this.proc = proc;
    }

    /**
     * The tree's usage, or empty when the root process can no longer be read (it has
     * exited).
     */
    Optional<TreeUsage> read(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        long rss = 0;
        long ticks = 0;
        boolean rootSeen = false;
        for (ProcessHandle process : tree) {
            OptionalLong processRss = read(process.pid(), "status").map(ProcFiles::residentBytes)
                .orElse(OptionalLong.empty());
            OptionalLong processTicks = read(process.pid(), "stat").map(ProcFiles::cpuTicks)
                .orElse(OptionalLong.empty());
            if (processRss.isPresent() && processTicks.isPresent()) {
                rss += processRss.getAsLong();
                ticks += processTicks.getAsLong();
                rootSeen |= process.pid() == root.pid();
            }
        }
        return rootSeen ? Optional.of(new TreeUsage(rss, ticks)) : Optional.empty();
    }

    private Optional<String> read(long pid, String file) {
        try {
            return Optional
                .of(Files.readString(proc.resolve(Long.toString(pid)).resolve(file), StandardCharsets.ISO_8859_1));
        }
        catch (IOException | RuntimeException e) {
            // The process exited between listing and reading: it simply is not part of
            // this reading.
            return Optional.empty();
        }
    }

}
