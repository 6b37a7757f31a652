package com.agentnexus.aggregator.ledger;

import java.util.UUID;

/**
 * What the ledger remembers of one execution: the last status seq it applied (anything at
 * or below it is a duplicate or a replay) and whether it is running (so its terminal
 * status decrements the gauge exactly once).
 */
record TrackedExecution(UUID executionId, int partition, String agentId, String agentName, long lastStatusSeq,
        boolean running, boolean ended) {

    static TrackedExecution unseen(UUID executionId, int partition, String agentId, String agentName) {
        return new TrackedExecution(executionId, partition, agentId, agentName, 0, false, false);
    }

    TrackedExecution movedTo(int newPartition) {
        return new TrackedExecution(executionId, newPartition, agentId, agentName, lastStatusSeq, false, ended);
    }

    TrackedExecution advancedTo(long seq, boolean nowRunning, boolean nowEnded, String agentName) {
        return new TrackedExecution(executionId, partition, agentId, agentName, seq, nowRunning, nowEnded);
    }
}
