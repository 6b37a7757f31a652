package com.agentnexus.execution.recovery;

import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.execution.publishing.EventEnvelope;
import com.agentnexus.execution.publishing.EventPublisher;
import com.agentnexus.execution.publishing.EventSequencer;
import com.agentnexus.execution.publishing.ExecutionHistory;
import com.agentnexus.execution.publishing.HistoryReader;
import com.agentnexus.execution.publishing.TerminalStatus;
import com.agentnexus.execution.runner.Leftovers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the executions a previous process left PENDING or RUNNING: FAILED "interrupted",
 * with a terminal status whose seq continues where the execution stopped on Kafka and
 * whose checksum covers every line it published. If the terminal status made it to Kafka
 * but not to the row, the row catches up instead. Only executions created before this
 * process started and not live in it are touched; with several instances sharing one
 * table this would also end the others' executions, so each instance must then own its
 * rows (not supported yet; see README).
 *
 * <p>
 * A container the previous process left behind is force-removed first: nothing else would
 * ever stop it. A seq the dead producer numbered but Kafka never got (a later one was
 * acknowledged) is filled with a {@code system} line saying so, before the terminal
 * status, so subscribers waiting in seq order are not stuck on the hole. The row is
 * finished when Kafka acknowledges the terminal status, however late that is; a row the
 * database does not take at once is written again until it does
 * ({@link UnfinishedExecutions#recordEnd}).
 */
final class RecoverOrphans {

    private static final Logger log = LoggerFactory.getLogger(RecoverOrphans.class);
    static final String INTERRUPTED = "interrupted";
    static final String LOST = "event lost: the service stopped before Kafka acknowledged it";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final UnfinishedExecutions executions;

    private final HistoryReader history;

    private final EventPublisher publisher;

    private final Leftovers leftovers;

    private final Clock clock;

    private final Duration ackWait;

    RecoverOrphans(UnfinishedExecutions executions, HistoryReader history, EventPublisher publisher,
            Leftovers leftovers, Clock clock) {
        this(executions, history, publisher, leftovers, clock, TIMEOUT);
    }

    /**
     * @param ackWait how long start-up waits for each terminal status before leaving its
     * row to the callback
     */
    RecoverOrphans(UnfinishedExecutions executions, HistoryReader history, EventPublisher publisher,
            Leftovers leftovers, Clock clock, Duration ackWait) {
        this.executions = executions;
        this.history = history;
        this.publisher = publisher;
        this.leftovers = leftovers;
        this.clock = clock;
        this.ackWait = ackWait;
    }

    /**
     * @return how many orphans were ended (their terminal status published or found; rows
     * may follow later)
     */
    int recover(Instant processStart) {
        List<Orphan> orphans = executions.orphans(processStart).collectList().block(TIMEOUT);
        int ended = 0;
        for (Orphan orphan : orphans == null ? List.<Orphan>of() : orphans) {
            if (executions.isLive(orphan.id())) {
                continue;
            }
            try {
                end(orphan);
                ended++;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ended;
            }
            catch (Exception e) {
                // Left as it is: the next start tries again. Never a guessed seq.
                log.error("could not end orphaned execution {}", orphan.id(), e);
            }
        }
        return ended;
    }

    private void end(Orphan orphan) throws Exception {
        leftovers.removeLeftovers(orphan.id());
        ExecutionHistory past = history.read(orphan.id(), READ_TIMEOUT);
        ExecutionStatusChanged published = past.terminal();
        if (published != null) {
            TerminalStatus end = new TerminalStatus(published.status(), published.priceWei(), published.outputJson(),
                    published.error(), published.exitCode(),
                    published.durationMs() == null ? 0 : published.durationMs());
            // finished_at is when it ended, as the event says, not when this process
            // found out
            executions
                .recordEnd(orphan.id(), end, published.seq(), Instant.ofEpochMilli(published.timestamp()), TIMEOUT)
                .block();
            log.info("execution {} had ended {} on Kafka at seq {}; its row takes that end", orphan.id(),
                    published.status(), published.seq());
            return;
        }
        Instant since = orphan.startedAt() != null ? orphan.startedAt() : orphan.createdAt();
        TerminalStatus end = TerminalStatus.failed(INTERRUPTED, null,
                Math.max(0, Duration.between(since, clock.instant()).toMillis()));
        var envelope = new EventEnvelope(orphan.id(), orphan.agentId(), orphan.userId(), orphan.agentName());
        List<Long> missing = past.missingSeqs();
        for (long seq : missing) {
            // offered in seq order, through the same ordered outbox as the terminal
            // status that follows them
            publisher.fillLost(envelope, seq, LOST).whenComplete((ok, error) -> {
                if (error != null) {
                    log.error("the line filling lost seq {} of execution {} was not published", seq, orphan.id(),
                            error);
                }
            });
        }
        if (!missing.isEmpty()) {
            log.warn("execution {} lost seqs {} with the previous process; filled with system lines", orphan.id(),
                    missing);
        }
        EventSequencer events = publisher.resume(envelope, past.lastSeq(), past.checksum(LOST));
        long lastSeq = events.lastSeq() + 1;
        // The row follows the acknowledgement, not this thread's patience: during a Kafka
        // outage the outbox keeps the terminal status and delivers it later, and the row
        // must then say FAILED too.
        CompletableFuture<Void> recorded = events.terminal(end)
            .thenCompose(acked -> executions.recordEnd(orphan.id(), end, lastSeq, clock.instant(), TIMEOUT).toFuture())
            .whenComplete((ok, error) -> {
                if (error != null) {
                    log.error("orphaned execution {}: terminal status or row not recorded", orphan.id(), error);
                }
                else {
                    log.info("ended orphaned execution {} FAILED (interrupted) at seq {}", orphan.id(), lastSeq);
                }
            });
        try {
            recorded.get(ackWait.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            log.warn("Kafka has not acknowledged the end of orphaned execution {} yet; its row is finished when it"
                    + " does", orphan.id());
        }
    }

}
