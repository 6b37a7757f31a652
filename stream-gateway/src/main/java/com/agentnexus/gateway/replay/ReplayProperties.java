package com.agentnexus.gateway.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How replay reads history.
 *
 * @param startMargin How long before the time in the execution id (a UUIDv7) replay
 * starts reading; covers clock skew between the id's creator and the producer that stamps
 * the records.
 * @param pollTimeout How long one poll of the replay consumer waits for records.
 * @param timeout A replay that has not reached the end offsets by then fails with
 * REPLAY_FAILED.
 * @param maxConcurrent Replays running at once, and the size of the pool of Kafka
 * consumers they borrow (created when first needed, then reused); more replays wait in a
 * queue.
 * @param maxExecutionAge The longest time an execution's events may span (its queue wait
 * plus its timeout). Replay of an execution the gateway has not indexed reads no records
 * stamped later than its creation time plus this.
 * @param maxScannedRecords Records one replay from Kafka may read, of any execution,
 * before it fails with REPLAY_FAILED.
 * @param windowPerExecution Recent events kept in memory per execution (their encoded
 * size), so late subscribers need no Kafka read; an execution's oldest events are dropped
 * beyond this.
 * @param windowTotal Recent events kept in memory for all executions together; beyond
 * this, ended executions are dropped first, then the least recently active.
 * @param indexCapacity Executions the gateway's index remembers (owner, first offsets,
 * whether ended); beyond this the least recently active is forgotten.
 */
@ConfigurationProperties("agentnexus.gateway.replay")
record ReplayProperties(@DefaultValue("30s") Duration startMargin, @DefaultValue("100ms") Duration pollTimeout,
        @DefaultValue("30s") Duration timeout, @DefaultValue("16") int maxConcurrent,
        @DefaultValue("24h") Duration maxExecutionAge, @DefaultValue("2000000") long maxScannedRecords,
        @DefaultValue("2MB") DataSize windowPerExecution, @DefaultValue("64MB") DataSize windowTotal,
        @DefaultValue("100000") int indexCapacity) {
}
