package com.agentnexus.launcher;

import java.time.Duration;

/**
 * When the launcher restarts a node that died: after {@code firstDelay}, doubling with
 * each crash in a row up to {@code maxDelay}; a node that stayed up {@code stableAfter}
 * counts as healthy again; after {@code maxFastCrashes} crashes in a row it is given up.
 */
record RestartPolicy(Duration firstDelay, Duration maxDelay, Duration stableAfter, int maxFastCrashes) {

    /**
     * 1 s, 2 s, 4 s … 30 s; healthy again after a minute up; eight crashes in a row and
     * it is given up.
     */
    static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(1), 8);

    RestartPolicy {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxFastCrashes < 1) {
            throw new IllegalArgumentException(
                    "invalid restart policy " + firstDelay + ".." + maxDelay + ", " + maxFastCrashes + " crashes");
        }
    }
}
