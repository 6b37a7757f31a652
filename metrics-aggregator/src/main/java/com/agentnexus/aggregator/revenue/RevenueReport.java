package com.agentnexus.aggregator.revenue;

import java.util.List;

/**
 * Revenue as of one consistent read of the ledger.
 *
 * @param executions revenue-bearing (COMPLETED, priced) executions
 * @param offsets the read positions these figures include: every event before them is
 * counted, none after
 */
record RevenueReport(String totalWei, String totalEth, long executions, List<AgentRevenue> agents,
        List<ReadPosition> offsets) {

    /** One agent's revenue. */
    record AgentRevenue(String agentId, String agentName, String revenueWei, String revenueEth, long executions) {
    }

    /** The next offset the ledger will apply of one topic partition. */
    record ReadPosition(String topic, int partition, long nextOffset) {
    }

    /** One agent's revenue with the positions it is consistent with. */
    record OfAgent(String agentId, String agentName, String revenueWei, String revenueEth, long executions,
            List<ReadPosition> offsets) {
    }
}
