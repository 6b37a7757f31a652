package com.agentnexus.aggregator.ledger;

import java.util.List;

/**
 * The kinds of fact the ledger totals, with the names of their label values. The stored
 * name is part of the schema: never rename one.
 */
public enum Metric {

    /** Executions started (their PENDING), per agent. */
    EXECUTIONS("executions", List.of("agent_id", "agent_name")),
    /** Status events applied, per status and agent. */
    STATUS("status", List.of("status", "agent_id")),
    /**
     * Finished executions per duration bucket (non-cumulative; the bucket index is the
     * last label).
     */
    DURATION_BUCKET("duration_bucket", List.of("agent_id", "status", "bucket")),
    /** Sum of the durations of finished executions, in milliseconds. */
    DURATION_SUM_MS("duration_sum_ms", List.of("agent_id", "status")),
    /** Wei earned from COMPLETED executions. */
    REVENUE_WEI("revenue_wei", List.of("agent_id", "agent_name")),
    /** COMPLETED executions that carried a price. */
    REVENUE_EXECUTIONS("revenue_executions", List.of("agent_id", "agent_name")),
    /** Records that were not valid events. */
    REJECTED("rejected", List.of("topic")),
    /**
     * Status events skipped because their execution had already applied that seq
     * (redelivery, replay).
     */
    DUPLICATES("duplicates", List.of());

    private final String storedName;

    private final List<String> labelNames;

    Metric(String storedName, List<String> labelNames) {
        this.storedName = storedName;
        this.labelNames = labelNames;
    }

    public String storedName() {
        return storedName;
    }

    public List<String> labelNames() {
        return labelNames;
    }

    static Metric ofStoredName(String name) {
        for (Metric metric : values()) {
            if (metric.storedName.equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown stored metric " + name);
    }

}
