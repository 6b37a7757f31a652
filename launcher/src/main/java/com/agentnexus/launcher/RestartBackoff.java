package com.agentnexus.launcher;

import java.time.Duration;
import java.util.Optional;

/**
 * The restart delays of one node under a {@link RestartPolicy}: exponential over crashes
 * in a row.
 */
final class RestartBackoff {

    private final RestartPolicy policy;

    private int crashesInARow;

    RestartBackoff(RestartPolicy policy) {
        this.policy = policy;
    }

    /**
     * Records a crash of a node that had been ready for {@code upFor} (zero when it never
     * became ready) and says how long to wait before restarting it, or nothing when it is
     * to be given up.
     */
    synchronized Optional<Duration> afterCrash(Duration upFor) {
        if (upFor.compareTo(policy.stableAfter()) >= 0) {
            crashesInARow = 0; // a crash after a long healthy run is a new incident, not
                               // part of a crash loop
        }
        crashesInARow++;
        if (crashesInARow >= policy.maxFastCrashes()) {
            return Optional.empty();
        }
        // 2^(n-1) overflows nothing: the exponent stops growing long before the cap can
        // be missed
        Duration delay = policy.firstDelay().multipliedBy(1L << Math.min(crashesInARow - 1, 20));
        return Optional.of(delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay);
    }

    synchronized int crashesInARow() {
        return crashesInARow;
    }

}
