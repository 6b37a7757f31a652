package com.agentnexus.execution.execution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxInputSize  largest accepted {@code input} object, as compact JSON
 * @param maxLineSize   longest published log line; longer ones are cut with a visible marker
 * @param maxConcurrent executions running at once; the rest wait as PENDING
 * @param queueCapacity PENDING executions waiting for a slot; beyond that an execution ends FAILED at once
 */
@ConfigurationProperties("agentnexus.execution")
record ExecutionProperties(
        @DefaultValue("64KB") DataSize maxInputSize,
        @DefaultValue("16KB") DataSize maxLineSize,
        @DefaultValue("8") int maxConcurrent,
        @DefaultValue("1000") int queueCapacity) {
}
