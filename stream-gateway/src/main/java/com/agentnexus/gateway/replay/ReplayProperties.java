package com.agentnexus.gateway.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replay reads history.
 *
 * @param startMargin How long before the time in the execution id (a UUIDv7) replay
 * starts reading; covers clock skew between the id's creator and the producer that stamps
 * the records.
 * @param pollTimeout How long one poll of the replay consumer waits for records.
 * @param timeout A replay that has not reached the end offsets by then fails with
 * REPLAY_FAILED.
 * @param maxConcurrent Replays running at once; more wait in a queue, so a burst of
 * subscribers cannot open an unbounded number of Kafka consumers.
 */
@ConfigurationProperties("agentnexus.gateway.replay")
record ReplayProperties(@DefaultValue("30s") Duration startMargin, @DefaultValue("100ms") Duration pollTimeout,
        @DefaultValue("30s") Duration timeout, @DefaultValue("16") int maxConcurrent) {
}
