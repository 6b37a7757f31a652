package com.agentnexus.execution.executions;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import com.agentnexus.execution.agent.Agent;

/** An execution that has been accepted: who runs which agent with what input. */
record LaunchedExecution(ExecutionId id, Agent agent, UserId userId, String inputJson) {
}
