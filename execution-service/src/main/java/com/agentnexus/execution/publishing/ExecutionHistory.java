package com.agentnexus.execution.publishing;

import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogChecksum;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;

/**
 * What Kafka holds of one execution: the highest seq published, every seq that arrived,
 * its log lines by seq, and its terminal status if one made it to the broker before the
 * process died.
 */
public record ExecutionHistory(long lastSeq, Set<Long> seqs, SortedMap<Long, String> logLines,
        @Nullable ExecutionStatusChanged terminal) {

    public ExecutionHistory {
        seqs = Set.copyOf(seqs);
        logLines = new TreeMap<>(logLines);
    }

    /**
     * Seqs below {@link #lastSeq} that never reached Kafka: a dying producer may have had
     * a later event acknowledged while an earlier one was still in flight. Ascending.
     */
    public List<Long> missingSeqs() {
        return LongStream.rangeClosed(1, lastSeq)
            .filter(seq -> !seqs.contains(seq))
            .boxed()
            .collect(Collectors.toList());
    }

    /**
     * The log checksum, in seq order, over every published line and {@code filler} at
     * each missing seq — the line recovery publishes there — ready to take more.
     */
    public LogChecksum checksum(@Nullable String filler) {
        SortedMap<Long, String> lines = new TreeMap<>(logLines);
        if (filler != null) {
            missingSeqs().forEach(seq -> lines.put(seq, filler));
        }
        var checksum = new LogChecksum();
        lines.values().forEach(checksum::update);
        return checksum;
    }
}
