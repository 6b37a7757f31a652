package com.agentnexus.execution.publishing;

import com.agentnexus.events.ExecutionId;
import java.time.Duration;

/**
 * Reads what Kafka holds of one execution (restart recovery); see
 * {@link KafkaHistoryReader}.
 */
public interface HistoryReader {

    ExecutionHistory read(ExecutionId id, Duration atMost);

}
