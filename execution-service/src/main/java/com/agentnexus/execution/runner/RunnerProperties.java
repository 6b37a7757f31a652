package com.agentnexus.execution.runner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How executions are run.
 *
 * @param mode Which runner runs executions: docker, process, or auto (Docker while its
 * engine answers its pings, else local processes). Replaces agentnexus.runner
 * (AGENTNEXUS_RUNNER), which still works but logs a deprecation warning.
 * @param sampleInterval How often resource use is read while an agent runs (process
 * runner: /proc; Docker runner: a non-streaming stats poll).
 * @param drainTimeout How long the output may stay quiet after the agent exited (nothing
 * read, nothing being handed on) before it is abandoned, so that a process the agent left
 * behind holding the pipe cannot keep the execution from ending; output still flowing is
 * never cut off.
 */
@ConfigurationProperties("agentnexus.runner")
record RunnerProperties(@DefaultValue("auto") RunnerMode mode, @DefaultValue("1s") Duration sampleInterval,
        @DefaultValue("5s") Duration drainTimeout) {
}
