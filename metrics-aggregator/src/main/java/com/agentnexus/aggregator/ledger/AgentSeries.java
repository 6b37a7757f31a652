package com.agentnexus.aggregator.ledger;

import com.agentnexus.events.ExecutionStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The series keys of one agent, built once and reused for every event of that agent, so
 * applying an event allocates no key and hashes no label list. Consumer thread only.
 */
final class AgentSeries {

    private static final ExecutionStatus[] STATUSES = ExecutionStatus.values();

    private final String agentId;

    private final SeriesKey[] status = new SeriesKey[STATUSES.length];

    private final SeriesKey[][] durationBuckets = new SeriesKey[STATUSES.length][];

    private final SeriesKey[] durationSums = new SeriesKey[STATUSES.length];

    private final Map<String, Named> byName = new HashMap<>(2);

    /**
     * The keys labelled with the agent's name, which may change over the agent's life.
     */
    record Named(SeriesKey executions, SeriesKey revenueWei, SeriesKey revenueExecutions, AgentRef running) {
    }

    AgentSeries(String agentId) {
        this.agentId = agentId;
        for (ExecutionStatus value : STATUSES) {
            int i = value.ordinal();
            status[i] = SeriesKey.of(Metric.STATUS, value.name(), agentId);
            durationSums[i] = SeriesKey.of(Metric.DURATION_SUM_MS, agentId, value.name());
            durationBuckets[i] = new SeriesKey[DurationBuckets.count()];
            for (int b = 0; b < durationBuckets[i].length; b++) {
                durationBuckets[i][b] = SeriesKey.of(Metric.DURATION_BUCKET, agentId, value.name(),
                        DurationBuckets.label(b));
            }
        }
    }

    SeriesKey status(ExecutionStatus value) {
        return status[value.ordinal()];
    }

    SeriesKey durationBucket(ExecutionStatus value, int bucket) {
        return durationBuckets[value.ordinal()][bucket];
    }

    SeriesKey durationSum(ExecutionStatus value) {
        return durationSums[value.ordinal()];
    }

    Named named(String agentName) {
        Named named = byName.get(agentName);
        if (named == null) {
            List<String> labels = List.of(agentId, agentName);
            named = new Named(new SeriesKey(Metric.EXECUTIONS, labels), new SeriesKey(Metric.REVENUE_WEI, labels),
                    new SeriesKey(Metric.REVENUE_EXECUTIONS, labels), new AgentRef(agentId, agentName));
            byName.put(agentName, named);
        }
        return named;
    }

}
