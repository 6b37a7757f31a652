package com.agentnexus.gateway.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far an NDJSON history response may fall behind its reader (see docs/protocol.md,
 * "History over HTTP").
 *
 * @param queueCapacity Lines an NDJSON history response may hold for a client that has
 * not read them yet. Replay waits while more than half of them are taken; a live event
 * that finds all of them taken ends the response early (the client resumes with fromSeq).
 * @param slowReaderGrace How long replay waits for an NDJSON history reader to make room
 * before the response is ended early (the client resumes with fromSeq).
 */
@ConfigurationProperties("agentnexus.gateway.history")
record HistoryProperties(@DefaultValue("1024") int queueCapacity, @DefaultValue("10s") Duration slowReaderGrace) {

    HistoryProperties {
        if (queueCapacity < 2) {
            throw new IllegalArgumentException("queue-capacity must be >= 2");
        }
        if (slowReaderGrace.isNegative()) {
            throw new IllegalArgumentException("slow-reader-grace must not be negative");
        }
    }

}
