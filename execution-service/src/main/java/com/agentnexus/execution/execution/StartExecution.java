package com.agentnexus.execution.execution;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.execution.agent.AgentCatalog;
import com.agentnexus.execution.publishing.EventEnvelope;
import com.agentnexus.execution.publishing.EventPublisher;
import com.agentnexus.execution.publishing.EventSequencer;
import com.agentnexus.execution.publishing.TerminalStatus;
import com.agentnexus.execution.security.Caller;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Accepts an execution: stores it PENDING, publishes PENDING and waits for Kafka's acknowledgement — a client
 * that gets the id may subscribe at once and must find PENDING — then hands it to the lifecycle.
 */
final class StartExecution {

    private static final Logger log = LoggerFactory.getLogger(StartExecution.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final AgentCatalog catalog;
    private final ExecutionStore store;
    private final EventPublisher publisher;
    private final ExecutionLifecycle lifecycle;
    private final Executor slots;
    private final Clock clock;

    StartExecution(AgentCatalog catalog, ExecutionStore store, EventPublisher publisher,
            ExecutionLifecycle lifecycle, Executor slots, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.publisher = publisher;
        this.lifecycle = lifecycle;
        this.slots = slots;
        this.clock = clock;
    }

    Mono<ExecutionId> start(Caller caller, ExecutionRequest request) {
        return catalog.find(request.agentId())
                .switchIfEmpty(Mono.error(() -> ExecutionProblem.unknownAgent(request.agentId().value())))
                .map(agent -> new LaunchedExecution(new ExecutionId(IDS.generate()), agent, caller.userId(),
                        request.inputJson()))
                .flatMap(execution -> store.insertPending(execution).then(announce(execution)));
    }

    private Mono<ExecutionId> announce(LaunchedExecution execution) {
        EventSequencer events = publisher.open(new EventEnvelope(execution.id(), execution.agent().id(),
                execution.userId(), execution.agent().name()));
        // KafkaTemplate.send may block on metadata while the broker is unreachable: keep it off the event loop.
        return Mono.fromCallable(() -> events.status(ExecutionStatus.PENDING))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture)
                .timeout(ACK_TIMEOUT)
                .then(Mono.fromRunnable(() -> launch(execution, events)))
                .thenReturn(execution.id())
                .onErrorResume(error -> !(error instanceof ExecutionProblem), error -> {
                    log.error("could not publish PENDING for execution {}", execution.id(), error);
                    return store.finish(execution.id(), TerminalStatus.failed("event publishing failed", null, 0),
                                    events.lastSeq(), clock.instant(), null, null)
                            .then(Mono.error(ExecutionProblem.publishingUnavailable()));
                });
    }

    private void launch(LaunchedExecution execution, EventSequencer events) {
        try {
            slots.execute(() -> lifecycle.run(execution, events));
        } catch (RejectedExecutionException e) {
            // Full queue: end it now, with a proper terminal event, rather than leave it PENDING forever.
            Mono.fromFuture(events.terminal(TerminalStatus.failed("too many executions waiting", null, 0)))
                    .then(store.finish(execution.id(), TerminalStatus.failed("too many executions waiting", null, 0),
                            events.lastSeq(), clock.instant(), null, null))
                    .subscribe(null, error -> log.error("could not end rejected execution {}", execution.id(),
                            error));
        }
    }
}
