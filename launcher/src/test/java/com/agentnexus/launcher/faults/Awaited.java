package com.agentnexus.launcher.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Awaitility for the fault scenarios, which collect problems instead of failing at the
 * first: waits until {@code done} holds for what {@code probe} observes, or until
 * {@code atMost} has passed, and returns the last observation either way; the caller
 * turns one that is not done into a line of the fault table.
 */
final class Awaited {

    private Awaited() {
    }

    static <T> T lastObservation(String fact, Duration atMost, Duration every, Callable<T> probe,
            Predicate<? super T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        if (atMost.compareTo(every) <= 0) {
            return observe(fact, probe); // (almost) no time left: one look
        }
        try {
            await(fact).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(every).until(() -> {
                T observed = probe.call();
                last.set(observed);
                return done.test(observed);
            });
        }
        catch (ConditionTimeoutException notWithinTime) {
            // reported by the caller, from the last observation
        }
        return last.get() != null ? last.get() : observe(fact, probe);
    }

    private static <T> T observe(String fact, Callable<T> probe) {
        try {
            return probe.call();
        }
        catch (Exception e) {
            throw new IllegalStateException(fact, e);
        }
    }

}
