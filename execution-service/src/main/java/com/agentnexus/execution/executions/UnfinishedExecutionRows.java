package com.agentnexus.execution.executions;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.execution.publishing.TerminalStatus;
import com.agentnexus.execution.recovery.Orphan;
import com.agentnexus.execution.recovery.UnfinishedExecutions;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Restart recovery's view of the executions: the table, this process's live ones, and
 * ends written until taken.
 */
record UnfinishedExecutionRows(ExecutionStore store, ExecutionSlots slots,
        UnrecordedEnds unrecorded) implements UnfinishedExecutions {

    @Override
    public Flux<Orphan> orphans(Instant createdBefore) {
        return store.orphans(createdBefore);
    }

    @Override
    public boolean isLive(ExecutionId id) {
        return slots.isActive(id);
    }

    @Override
    public Mono<Void> recordEnd(ExecutionId id, TerminalStatus end, long lastSeq, Instant finishedAt,
            Duration attempt) {
        return unrecorded.record(id, store.finish(id, end, lastSeq, finishedAt, null, null), attempt);
    }
}
