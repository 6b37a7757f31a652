package com.agentnexus.execution.runner;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import java.util.Map;
import java.util.Objects;

/**
 * What to run.
 *
 * @param script      POSIX shell script, run with {@code sh -c}
 * @param environment variables for the script (INPUT_DATA, EXECUTION_ID, AGENT_ID); nothing else is inherited
 */
public record RunSpec(ExecutionId executionId, AgentId agentId, String script, Map<String, String> environment) {

    public RunSpec {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(script, "script");
        environment = Map.copyOf(environment);
    }
}
