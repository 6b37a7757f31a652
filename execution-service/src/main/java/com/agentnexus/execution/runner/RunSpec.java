package com.agentnexus.execution.runner;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import java.util.Map;
import java.util.Objects;

/**
 * What to run.
 *
 * @param script POSIX shell script, run with {@code sh -c}
 * @param environment variables for the script (INPUT_DATA, EXECUTION_ID, AGENT_ID);
 * nothing else is inherited
 * @param sandbox the container and limits (Docker runner)
 * @param userId the user who started the execution (container label)
 */
public record RunSpec(ExecutionId executionId, AgentId agentId, UserId userId, String script,
        Map<String, String> environment, Sandbox sandbox) {

    public RunSpec {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(sandbox, "sandbox");
        environment = Map.copyOf(environment);
    }
}
