package com.agentnexus.execution.execution;

import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogChecksum;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * What Kafka holds of one execution: the highest seq published, its log lines by seq, and its terminal status if
 * one made it to the broker before the process died.
 */
record ExecutionHistory(long lastSeq, SortedMap<Long, String> logLines, @Nullable ExecutionStatusChanged terminal) {

    /** The log checksum over every published line, in seq order, ready to take more. */
    LogChecksum checksum() {
        var checksum = new LogChecksum();
        logLines.values().forEach(checksum::update);
        return checksum;
    }
}
