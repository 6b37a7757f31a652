package com.agentnexus.gateway.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replay reads history.
 *
 * @param startMargin   how long before the time in the execution id replay starts reading; covers clock skew
 *                      between the id's creator and the producer that stamps the records
 * @param pollTimeout   one poll's wait for records
 * @param timeout       a replay that has not reached the end offsets by then fails with REPLAY_FAILED
 * @param maxConcurrent replays running at once; more wait in a queue, so a burst of subscribers cannot open
 *                      an unbounded number of consumers
 */
@ConfigurationProperties("agentnexus.gateway.replay")
record ReplayProperties(
        @DefaultValue("30s") Duration startMargin,
        @DefaultValue("100ms") Duration pollTimeout,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("16") int maxConcurrent) {
}
