package com.agentnexus.execution.publishing;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import java.util.Objects;

/** What every event of one execution repeats: whose run of which agent it is. */
public record EventEnvelope(ExecutionId executionId, AgentId agentId, UserId userId, String agentName) {

    public EventEnvelope {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(agentName, "agentName");
    }
}
