package com.agentnexus.execution.runner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sampleInterval how often resource use is read while an agent runs
 * @param drainTimeout   how long to wait, after the agent exited, for output still held by processes it left
 *                       behind; after that the output is abandoned so the execution can end
 */
@ConfigurationProperties("agentnexus.runner")
record RunnerProperties(@DefaultValue("1s") Duration sampleInterval, @DefaultValue("5s") Duration drainTimeout) {
}
