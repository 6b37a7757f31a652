package com.agentnexus.execution.executions;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.execution.agent.AgentCatalog;
import com.agentnexus.execution.publishing.EventEnvelope;
import com.agentnexus.execution.publishing.EventPublisher;
import com.agentnexus.execution.publishing.EventSequencer;
import com.agentnexus.execution.publishing.TerminalStatus;
import com.agentnexus.support.Viewer;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Accepts an execution: reserves a slot (or refuses with 429, leaving no trace), stores
 * it PENDING, publishes PENDING and waits for Kafka's acknowledgement — a client that
 * gets the id may subscribe at once and must find PENDING — then queues it for the
 * lifecycle. Once the row is stored this runs to its end even if the client leaves: the
 * client's 202 only matters while it is there.
 */
final class StartExecution {

    private static final Logger log = LoggerFactory.getLogger(StartExecution.class);

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final AgentCatalog catalog;

    private final ExecutionStore store;

    private final EventPublisher publisher;

    private final ExecutionLifecycle lifecycle;

    private final ExecutionSlots slots;

    private final UnrecordedEnds unrecorded;

    private final Clock clock;

    StartExecution(AgentCatalog catalog, ExecutionStore store, EventPublisher publisher, ExecutionLifecycle lifecycle,
            ExecutionSlots slots, UnrecordedEnds unrecorded, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.publisher = publisher;
        this.lifecycle = lifecycle;
        this.slots = slots;
        this.unrecorded = unrecorded;
        this.clock = clock;
    }

    Mono<ExecutionId> start(Viewer caller, ExecutionRequest request) {
        return Mono.defer(() -> {
            if (!publisher.isPublishingPromptly()) {
                // Kafka is out: refuse at once rather than make the client wait for an
                // ack that cannot come
                return Mono.error(ExecutionProblem.publishingUnavailable());
            }
            if (!slots.tryReserve()) {
                return Mono.error(ExecutionProblem.tooManyExecutions());
            }
            // Whoever sets this first owns the reservation: this request while it looks
            // the agent up, then the acceptance below, which outlives the request.
            AtomicBoolean claimed = new AtomicBoolean();
            return catalog.find(request.agentId())
                .switchIfEmpty(Mono.error(() -> ExecutionProblem.unknownAgent(request.agentId().value())))
                .map(agent -> new LaunchedExecution(new ExecutionId(IDS.generate()), agent, caller.userId(),
                        request.inputJson()))
                .flatMap(execution -> {
                    if (!claimed.compareAndSet(false, true)) {
                        // the client left meanwhile and the reservation was given back
                        return Mono.empty();
                    }
                    // The client only waits for the outcome; its leaving must not cancel
                    // the acceptance.
                    return Mono.fromFuture(accept(execution), true);
                })
                .doFinally(signal -> {
                    if (claimed.compareAndSet(false, true)) {
                        slots.release();
                    }
                });
        });
    }

    /**
     * Stores the execution PENDING, announces it and hands it to the lifecycle — or ends
     * it FAILED. Runs to its end on its own, whether or not the client still waits: a
     * client that disconnects while the PENDING ack is awaited must not leave a PENDING
     * row (and a PENDING on Kafka) that nothing ever ends. Owns the slot reservation
     * until the lifecycle takes it over.
     */
    private CompletableFuture<ExecutionId> accept(LaunchedExecution execution) {
        AtomicBoolean handedOver = new AtomicBoolean();
        return store.insertPending(execution)
            .then(Mono.defer(() -> announce(execution, handedOver)))
            .doFinally(signal -> {
                if (!handedOver.get()) {
                    slots.release();
                }
            })
            .toFuture();
    }

    private Mono<ExecutionId> announce(LaunchedExecution execution, AtomicBoolean handedOver) {
        EventSequencer events = publisher.open(new EventEnvelope(execution.id(), execution.agent().id(),
                execution.userId(), execution.agent().name()));
        // KafkaTemplate.send may block on metadata while the broker is unreachable: keep
        // it off the event loop.
        return Mono.fromCallable(() -> events.status(ExecutionStatus.PENDING))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(Mono::fromFuture)
            .timeout(ACK_TIMEOUT)
            .then(Mono.fromRunnable(() -> {
                var control = new ExecutionControl(execution, events);
                handedOver.set(true);
                slots.submit(control, () -> lifecycle.run(control));
            }))
            .thenReturn(execution.id())
            .onErrorResume(error -> !(error instanceof ExecutionProblem), error -> {
                log.error("could not publish PENDING for execution {}", execution.id(), error);
                TerminalStatus failed = TerminalStatus.failed("event publishing failed", null, 0);
                // PENDING may still be in the outbox and reach Kafka later: its stream
                // must end too
                events.terminal(failed);
                return unrecorded.record(execution.id(),
                        store.finish(execution.id(), failed, events.lastSeq(), clock.instant(), null, null), DB_TIMEOUT)
                    .then(Mono.error(ExecutionProblem.publishingUnavailable()));
            });
    }

}
