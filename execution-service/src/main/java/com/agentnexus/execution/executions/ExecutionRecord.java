package com.agentnexus.execution.executions;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of the executions table. {@code inputJson} and {@code outputJson} are JSON
 * text.
 */
record ExecutionRecord(UUID id, String agentId, String userId, String status, String inputJson,
        @Nullable String outputJson, @Nullable String error, @Nullable Integer exitCode, BigInteger priceWei,
        Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Long durationMs,
        long lastSeq, @Nullable Long peakMemoryBytes, @Nullable Double peakCpuPercent) {
}
