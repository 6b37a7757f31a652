package com.agentnexus.execution.runner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sampleInterval how often resource use is read while an agent runs
 * @param drainTimeout   how long the output may stay quiet after the agent exited (nothing read, nothing being
 *                       handed on) before it is abandoned, so that a process the agent left behind holding the
 *                       pipe cannot keep the execution from ending; output still flowing is never cut off
 */
@ConfigurationProperties("agentnexus.runner")
record RunnerProperties(@DefaultValue("1s") Duration sampleInterval, @DefaultValue("5s") Duration drainTimeout) {
}
