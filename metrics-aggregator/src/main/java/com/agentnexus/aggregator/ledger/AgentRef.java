package com.agentnexus.aggregator.ledger;

/** The labels of a per-agent gauge. */
public record AgentRef(String agentId, String agentName) {
}
