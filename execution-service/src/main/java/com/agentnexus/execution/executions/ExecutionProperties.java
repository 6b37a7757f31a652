package com.agentnexus.execution.executions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the executions API and of the executions this instance runs.
 *
 * @param maxInputSize Largest accepted input object of a start request, measured as
 * compact JSON.
 * @param maxLineSize Longest published log line; a longer one is cut, with a visible
 * marker.
 * @param maxRunning Executions running at once; the rest wait as PENDING.
 * @param maxQueued PENDING executions waiting for a slot; beyond that a start is refused
 * with 429.
 * @param recoverOrphans Whether start-up ends the executions a previous process left
 * PENDING or RUNNING (FAILED, "interrupted"). Correct only while one instance owns the
 * whole executions table.
 * @param endRetryMaxBackoff Longest wait between two attempts to record an execution's
 * end while PostgreSQL is unavailable; the waits double from 500 ms up to it (at least
 * 500ms).
 */
@ConfigurationProperties("agentnexus.execution")
record ExecutionProperties(@DefaultValue("64KB") DataSize maxInputSize, @DefaultValue("16KB") DataSize maxLineSize,
        @DefaultValue("4") int maxRunning, @DefaultValue("100") int maxQueued,
        @DefaultValue("true") boolean recoverOrphans, @DefaultValue("30s") Duration endRetryMaxBackoff) {

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
