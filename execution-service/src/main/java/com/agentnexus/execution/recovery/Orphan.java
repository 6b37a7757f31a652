package com.agentnexus.execution.recovery;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An execution a previous process left PENDING or RUNNING. */
public record Orphan(ExecutionId id, AgentId agentId, UserId userId, String agentName, Instant createdAt,
        @Nullable Instant startedAt) {
}
