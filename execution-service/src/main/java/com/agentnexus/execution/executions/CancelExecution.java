package com.agentnexus.execution.executions;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatus;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Cancels a live execution of this process. A queued one is withdrawn and ended CANCELLED
 * at once, without running; a running one has its agent killed, and its lifecycle
 * publishes CANCELLED once the agent is gone. Completes when the terminal status is
 * published and stored.
 */
final class CancelExecution {

    private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(30);

    private final ExecutionSlots slots;

    private final ExecutionLifecycle lifecycle;

    CancelExecution(ExecutionSlots slots, ExecutionLifecycle lifecycle) {
        this.slots = slots;
        this.lifecycle = lifecycle;
    }

    /**
     * @param execution a row the caller may see, read just before
     */
    Mono<Void> cancel(ExecutionRecord execution) {
        ExecutionStatus status = ExecutionStatus.valueOf(execution.status());
        if (status.isTerminal()) {
            return Mono.error(ExecutionProblem.alreadyEnded(status.name()));
        }
        ExecutionControl control = slots.active(new ExecutionId(execution.id()));
        if (control == null) {
            // Ended between the read and now, or owned by another instance (see
            // ExecutionProperties).
            return Mono.error(ExecutionProblem.notCancellableHere());
        }
        switch (control.requestCancel()) {
            case WITHDRAWN:
                slots.withdraw(control);
                // Publishing waits for Kafka's acknowledgement: not on the event loop.
                return Mono.fromRunnable(() -> lifecycle.endUnstarted(control))
                    .subscribeOn(Schedulers.boundedElastic())
                    .then();
            case KILLING:
                return Mono.fromFuture(control.recorded()).timeout(RECORD_TIMEOUT);
            default:
                return Mono.error(ExecutionProblem.endDecided());
        }
    }

}
