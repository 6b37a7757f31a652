package com.agentnexus.execution.recovery;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.execution.publishing.TerminalStatus;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What restart recovery needs of the executions: the rows left unfinished, which of them
 * are live in this process, and a way to record an end. Implemented where the executions
 * are kept, so recovery knows nothing of their store.
 */
public interface UnfinishedExecutions {

    /**
     * Executions a previous process left unfinished: created before this one started and
     * still not ended.
     */
    Flux<Orphan> orphans(Instant createdBefore);

    /** Whether the execution is live in this process (then it is no orphan). */
    boolean isLive(ExecutionId id);

    /**
     * Records the execution's end over a row that has not ended, once; if that fails,
     * keeps recording it in the background until the database takes it. Completes when
     * the first attempt has ended, whichever way.
     * @param attempt how long one attempt may take before it counts as failed
     */
    Mono<Void> recordEnd(ExecutionId id, TerminalStatus end, long lastSeq, Instant finishedAt, Duration attempt);

}
