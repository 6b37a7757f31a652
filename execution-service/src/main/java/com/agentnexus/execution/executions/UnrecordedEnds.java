package com.agentnexus.execution.executions;

import com.agentnexus.events.ExecutionId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Ends that are on Kafka but not yet in their rows. Kafka is the record of what happened:
 * a row whose end could not be written (PostgreSQL down) would otherwise say RUNNING for
 * good. Such an end is kept here and written again, with exponential backoff, until
 * PostgreSQL takes it — in the background, so no execution slot waits for the database.
 * Writing an end again is harmless: {@link ExecutionStore#finish} only ever ends a row
 * that has not ended.
 *
 * <p>
 * Only memory holds them: what is still here when the process stops, restart recovery
 * records from the terminal events on Kafka (package recovery).
 */
final class UnrecordedEnds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnrecordedEnds.class);

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final Duration maxBackoff;

    private final Map<ExecutionId, Disposable> pending = new ConcurrentHashMap<>();

    /**
     * @param maxBackoff the longest wait between two attempts, so a returning database is
     * noticed soon enough
     */
    UnrecordedEnds(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /**
     * Writes an execution's end once; if that fails, keeps writing it in the background
     * until it succeeds. Completes when the first attempt has ended, whichever way: the
     * caller never waits for a database outage.
     * @param write the write, made anew on each subscription (as R2DBC statements are)
     * @param attempt how long one attempt may take before it counts as failed
     */
    Mono<Void> record(ExecutionId id, Mono<?> write, Duration attempt) {
        Mono<Void> once = write.timeout(attempt).then();
        return once.onErrorResume(error -> {
            retryInBackground(id, once, error);
            return Mono.empty();
        });
    }

    /** How many ends are waiting for the database. */
    int count() {
        return pending.size();
    }

    private void retryInBackground(ExecutionId id, Mono<Void> once, Throwable firstError) {
        // One line per execution, not one per attempt: an outage of minutes would
        // otherwise flood the log.
        log.warn("could not record the end of execution {} ({}); retrying until the database takes it", id,
                describe(firstError));
        var slot = Disposables.swap();
        pending.put(id, slot);
        // The first retry comes after a backoff, so the subscription is in place before
        // it can end.
        slot.update(once.retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(maxBackoff))
            .subscribe(null, error -> {
                // Only an exhausted retry gets here, which Long.MAX_VALUE attempts never
                // are.
                pending.remove(id, slot);
                log.error("gave up recording the end of execution {}", id, error);
            }, () -> {
                pending.remove(id, slot);
                log.info("recorded the end of execution {} after all", id);
            }));
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == error ? error.toString() : error + "; cause: " + cause;
    }

    /**
     * Stops retrying; restart recovery records what is left, from the terminal events on
     * Kafka.
     */
    @Override
    public void close() {
        if (!pending.isEmpty()) {
            log.warn("{} execution ends are not recorded yet; restart recovery records them from Kafka",
                    pending.size());
        }
        pending.values().forEach(Disposable::dispose);
        pending.clear();
    }

}
