package com.agentnexus.execution.execution;

import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.execution.publishing.EventEnvelope;
import com.agentnexus.execution.publishing.EventPublisher;
import com.agentnexus.execution.publishing.EventSequencer;
import com.agentnexus.execution.publishing.TerminalStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the executions a previous process left PENDING or RUNNING: FAILED "interrupted", with a terminal status whose
 * seq continues where the execution stopped on Kafka and whose checksum covers every line it published. If the
 * terminal status made it to Kafka but not to the row, the row catches up instead. Only executions created before
 * this process started and not live in it are touched; with several instances sharing one table this would also
 * end the others' executions, so each instance must then own its rows (not supported yet; see README).
 */
final class RecoverOrphans {

    private static final Logger log = LoggerFactory.getLogger(RecoverOrphans.class);
    static final String INTERRUPTED = "interrupted";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ExecutionStore store;
    private final KafkaHistoryReader history;
    private final EventPublisher publisher;
    private final ExecutionSlots slots;
    private final Clock clock;

    RecoverOrphans(ExecutionStore store, KafkaHistoryReader history, EventPublisher publisher, ExecutionSlots slots,
            Clock clock) {
        this.store = store;
        this.history = history;
        this.publisher = publisher;
        this.slots = slots;
        this.clock = clock;
    }

    /** @return how many orphans were ended */
    int recover(Instant processStart) {
        List<Orphan> orphans = store.orphans(processStart).collectList().block(TIMEOUT);
        int ended = 0;
        for (Orphan orphan : orphans == null ? List.<Orphan>of() : orphans) {
            if (slots.isActive(orphan.id())) {
                continue;
            }
            try {
                end(orphan);
                ended++;
            } catch (Exception e) {
                // Left as it is: the next start tries again. Never a guessed seq.
                log.error("could not end orphaned execution {}", orphan.id(), e);
            }
        }
        return ended;
    }

    private void end(Orphan orphan) throws Exception {
        ExecutionHistory past = history.read(orphan.id(), READ_TIMEOUT);
        ExecutionStatusChanged published = past.terminal();
        if (published != null) {
            TerminalStatus end = new TerminalStatus(published.status(), published.priceWei(), published.outputJson(),
                    published.error(), published.exitCode(),
                    published.durationMs() == null ? 0 : published.durationMs());
            store.finish(orphan.id(), end, published.seq(), clock.instant(), null, null).block(TIMEOUT);
            log.info("execution {} had ended {} on Kafka; its row now says so", orphan.id(), published.status());
            return;
        }
        Instant since = orphan.startedAt() != null ? orphan.startedAt() : orphan.createdAt();
        TerminalStatus end = TerminalStatus.failed(INTERRUPTED, null,
                Math.max(0, Duration.between(since, clock.instant()).toMillis()));
        EventSequencer events = publisher.resume(new EventEnvelope(orphan.id(), orphan.agentId(), orphan.userId(),
                orphan.agentName()), past.lastSeq(), past.checksum());
        events.terminal(end).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        store.finish(orphan.id(), end, events.lastSeq(), clock.instant(), null, null).block(TIMEOUT);
        log.info("ended orphaned execution {} FAILED (interrupted) at seq {}", orphan.id(), events.lastSeq());
    }
}
