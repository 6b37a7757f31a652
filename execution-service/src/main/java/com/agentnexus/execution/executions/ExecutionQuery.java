package com.agentnexus.execution.executions;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code GET /api/executions} query.
 *
 * @param userId whose executions; null only for an admin's explicit {@code all=true}
 */
record ExecutionQuery(@Nullable UserId userId, @Nullable AgentId agentId, @Nullable ExecutionStatus status, int page,
        int size) {

    long offset() {
        return (long) page * size;
    }
}
