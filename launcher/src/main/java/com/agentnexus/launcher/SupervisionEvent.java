package com.agentnexus.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the supervisor saw happen to a node; the console report and tests read the same
 * events.
 */
sealed interface SupervisionEvent {

    String node();

    /**
     * The node ended without being asked to; it is restarted after {@code restartIn}
     * unless that is empty.
     */
    record Died(String node, long pid, int exitCode, List<String> lastLines,
            Optional<Duration> restartIn) implements SupervisionEvent {
    }

    /**
     * The node ended cleanly (exit code 0) without the launcher asking: not restarted.
     */
    record Stopped(String node, long pid) implements SupervisionEvent {
    }

    /**
     * A restart did not get the node ready; tried again after {@code retryIn} unless that
     * is empty.
     */
    record RestartFailed(String node, String reason, List<String> lastLines,
            Optional<Duration> retryIn) implements SupervisionEvent {
    }

    /** The node runs again and answers like at start-up. */
    record Restarted(String node, long pid, int restarts) implements SupervisionEvent {
    }

}
