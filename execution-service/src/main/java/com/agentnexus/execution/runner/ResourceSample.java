package com.agentnexus.execution.runner;

import java.time.Duration;

/**
 * One reading of an agent's resource use.
 *
 * @param cpuPercent CPU use since the previous reading; 100 = one core busy
 * @param elapsed time since the agent started
 */
public record ResourceSample(long memoryBytes, double cpuPercent, Duration elapsed) {
}
