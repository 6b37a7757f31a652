package com.agentnexus.execution.executions;

import com.agentnexus.events.AgentId;

/**
 * A validated request to start an execution; {@code inputJson} is a compact JSON object.
 */
record ExecutionRequest(AgentId agentId, String inputJson) {
}
