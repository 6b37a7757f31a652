package com.agentnexus.execution;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogChecksum;
import com.agentnexus.events.LogLineEmitted;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * Streams one execution's events off the broker until its terminal status and every seq
 * below it arrived, keeping only what proves completeness: the seqs seen (duplicates
 * counted), the log lines' checksum in seq order (the logs topic holds an execution's
 * lines in seq order) and whether stdout was the expected counting sequence. Holds no
 * event list, so a run of a million lines costs a bitset.
 */
final class RunOnKafka {

    /**
     * What arrived. {@code countingStdout}: stdout lines were exactly "1", "2", … in
     * order.
     */
    record Summary(long received, long duplicates, long missing, long logLines, long stdoutLines,
            boolean countingStdout, @Nullable ExecutionStatusChanged terminal, String checksum, long firstTimestamp) {

        boolean terminalIsLast() {
            return terminal != null && terminal.seq() == received - duplicates;
        }
    }

    private final EventCodec codec = new EventCodec();

    Summary read(String executionId, Duration atMost) {
        BitSet seen = new BitSet();
        LogChecksum checksum = new LogChecksum();
        long[] counts = new long[4]; // received, duplicates, log lines, stdout lines
        boolean[] counting = { true };
        ExecutionStatusChanged[] terminal = new ExecutionStatusChanged[1];
        long[] first = { Long.MAX_VALUE };
        try (var consumer = EventsOnKafka.fromTheBeginning(TestInfrastructure.kafkaBootstrap(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"))) {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!record.key().equals(executionId)) {
                        continue;
                    }
                    ExecutionEvent event = codec.decode(record.value());
                    counts[0]++;
                    first[0] = Math.min(first[0], event.timestamp());
                    int seq = Math.toIntExact(event.seq());
                    if (seen.get(seq)) {
                        counts[1]++;
                        continue;
                    }
                    seen.set(seq);
                    if (event instanceof LogLineEmitted log) {
                        checksum.update(log.line());
                        counts[2]++;
                        if (log.stream() == com.agentnexus.events.LogStream.STDOUT) {
                            counts[3]++;
                            counting[0] &= log.line().equals(Long.toString(counts[3]));
                        }
                    }
                    else if (event instanceof ExecutionStatusChanged status && status.isTerminal()) {
                        terminal[0] = status;
                    }
                }
                return terminal[0] != null && seen.cardinality() >= terminal[0].seq();
            });
        }
        long top = terminal[0] == null ? seen.length() - 1 : terminal[0].seq();
        long missing = top - seen.get(1, (int) top + 1).cardinality();
        return new Summary(counts[0], counts[1], missing, counts[2], counts[3], counting[0], terminal[0],
                checksum.value(), first[0]);
    }

}
