package com.agentnexus.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SilenceTest {

    private final AtomicLong now = new AtomicLong(42);

    private final Silence silence = new Silence(Duration.ofSeconds(60), now::get);

    @Test
    void isTooLongOnceNothingWasHeardForTheLimit() {
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(silence.tooLong()).isFalse();

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(silence.tooLong()).isTrue();
    }

    @Test
    void anythingHeardStartsTheSilenceAgain() {
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        silence.heard();
        now.addAndGet(Duration.ofSeconds(59).toNanos());

        assertThat(silence.tooLong()).isFalse();
    }

}
