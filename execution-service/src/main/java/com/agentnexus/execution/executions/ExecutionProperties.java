package com.agentnexus.execution.executions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxInputSize   largest accepted {@code input} object, as compact JSON
 * @param maxLineSize    longest published log line; longer ones are cut with a visible marker
 * @param maxRunning     executions running at once; the rest wait as PENDING
 * @param maxQueued      PENDING executions waiting for a slot; beyond that a start is refused with 429
 * @param recoverOrphans whether start-up ends executions a previous process left PENDING/RUNNING (FAILED,
 *                       "interrupted"); correct only while one instance owns the whole executions table
 * @param endRetryMaxBackoff longest wait between two attempts to record an execution's end while the database is
 *                       unavailable (the waits double from 500 ms up to it)
 */
@ConfigurationProperties("agentnexus.execution")
record ExecutionProperties(
        @DefaultValue("64KB") DataSize maxInputSize,
        @DefaultValue("16KB") DataSize maxLineSize,
        @DefaultValue("4") int maxRunning,
        @DefaultValue("100") int maxQueued,
        @DefaultValue("true") boolean recoverOrphans,
        @DefaultValue("30s") Duration endRetryMaxBackoff) {

    ExecutionProperties {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("agentnexus.execution.max-running must be >= 1");
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("agentnexus.execution.max-queued must be >= 0");
        }
        if (endRetryMaxBackoff.compareTo(Duration.ofMillis(500)) < 0) {
            throw new IllegalArgumentException("agentnexus.execution.end-retry-max-backoff must be >= 500ms");
        }
    }
}
