package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private static final Duration BRIEFLY = Duration.ofSeconds(5);

    @Test
    void doublesTheDelayWithEachCrashInARowUpToTheCapThenGivesUp() {
        var backoff = new RestartBackoff(RestartPolicy.DEFAULT);
        List<Optional<Duration>> delays = new ArrayList<>();
        for (int crash = 1; crash <= 8; crash++) {
            delays.add(backoff.afterCrash(BRIEFLY));
        }
        assertThat(delays).containsExactly(seconds(1), seconds(2), seconds(4), seconds(8), seconds(16), seconds(30),
                seconds(30), Optional.empty());
    }

    @Test
    void startsOverAfterTheNodeStayedUpLongEnough() {
        var backoff = new RestartBackoff(RestartPolicy.DEFAULT);
        backoff.afterCrash(BRIEFLY);
        backoff.afterCrash(BRIEFLY);
        backoff.afterCrash(BRIEFLY);

        assertThat(backoff.afterCrash(Duration.ofMinutes(1))).isEqualTo(seconds(1));
        assertThat(backoff.crashesInARow()).isEqualTo(1);
    }

    @Test
    void aRestartThatNeverBecameReadyCountsAsAFastCrash() {
        var backoff = new RestartBackoff(
                new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1), 3));

        assertThat(backoff.afterCrash(Duration.ofHours(1))).isEqualTo(seconds(1));
        assertThat(backoff.afterCrash(Duration.ZERO)).isEqualTo(seconds(2));
        assertThat(backoff.afterCrash(Duration.ZERO)).isEmpty();
    }

    private static Optional<Duration> seconds(long seconds) {
        return Optional.of(Duration.ofSeconds(seconds));
    }

}
