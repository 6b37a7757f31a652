package com.agentnexus.execution.executions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An execution as its owner sees it. Wei are decimal strings (they exceed 2^53); input
 * and output are JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExecutionView(String executionId, String agentId, String userId, String status, @JsonRawValue String input,
        @JsonRawValue @Nullable String output, @Nullable String error, @Nullable Integer exitCode, String priceWei,
        Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Long durationMs,
        long lastSeq, @Nullable Long peakMemoryBytes, @Nullable Double peakCpuPercent) {

    static ExecutionView of(ExecutionRecord row) {
        return new ExecutionView(row.id().toString(), row.agentId(), row.userId(), row.status(), row.inputJson(),
                row.outputJson(), row.error(), row.exitCode(), row.priceWei().toString(), row.createdAt(),
                row.startedAt(), row.finishedAt(), row.durationMs(), row.lastSeq(), row.peakMemoryBytes(),
                row.peakCpuPercent());
    }
}
