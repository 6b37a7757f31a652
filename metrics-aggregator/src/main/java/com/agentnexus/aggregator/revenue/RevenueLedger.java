package com.agentnexus.aggregator.revenue;

import com.agentnexus.aggregator.ledger.Metric;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads revenue from PostgreSQL, not from memory: any instance answers for every
 * partition, and totals and positions come from one snapshot (REPEATABLE READ), so they
 * are consistent with each other.
 */
@Component
class RevenueLedger {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    private final TransactionTemplate snapshot;

    private final JsonMapper json = JsonMapper.builder().build();

    RevenueLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    RevenueReport report() {
        return snapshot.execute(status -> {
            Map<String, Tally> agents = tally();
            BigInteger total = BigInteger.ZERO;
            long executions = 0;
            List<RevenueReport.AgentRevenue> rows = new ArrayList<>();
            for (Tally tally : agents.values()) {
                total = total.add(tally.wei);
                executions += tally.executions;
                rows.add(tally.toAgentRevenue());
            }
            return new RevenueReport(total.toString(), Wei.eth(total), executions, rows, positions());
        });
    }

    /** One agent's revenue; empty when the ledger has never seen an execution of it. */
    Optional<RevenueReport.OfAgent> ofAgent(String agentId) {
        return snapshot.execute(status -> {
            Tally tally = tally(agentId).get(agentId);
            if (tally == null) {
                return Optional.<RevenueReport.OfAgent>empty();
            }
            return Optional.of(new RevenueReport.OfAgent(agentId, tally.name(), tally.wei.toString(),
                    Wei.eth(tally.wei), tally.executions, positions()));
        });
    }

    private Map<String, Tally> tally() {
        return tally(null);
    }

    /** Every agent's sums, or only one agent's. */
    private Map<String, Tally> tally(@Nullable String agentId) {
        Map<String, Tally> agents = new TreeMap<>();
        String oneAgent = agentId == null ? "" : " AND (labels::jsonb ->> 0) = ?";
        List<Object> arguments = new ArrayList<>(List.of(Metric.REVENUE_WEI.storedName(),
                Metric.REVENUE_EXECUTIONS.storedName(), Metric.EXECUTIONS.storedName()));
        if (agentId != null) {
            arguments.add(agentId);
        }
        jdbc.query("SELECT metric, labels, sum(value) FROM aggregator.total WHERE metric IN (?, ?, ?)" + oneAgent
                + " GROUP BY metric, labels", row -> {
                    List<String> labels = json.readValue(row.getString(2), STRINGS);
                    // every metric used here is labelled (agent_id, agent_name)
                    Tally tally = agents.computeIfAbsent(labels.get(0), Tally::new);
                    tally.names.add(labels.get(1));
                    BigInteger value = row.getBigDecimal(3).toBigIntegerExact();
                    String metric = row.getString(1);
                    if (Metric.REVENUE_WEI.storedName().equals(metric)) {
                        tally.wei = tally.wei.add(value);
                    }
                    else if (Metric.REVENUE_EXECUTIONS.storedName().equals(metric)) {
                        tally.executions += value.longValueExact();
                    }
                }, arguments.toArray());
        return agents;
    }

    private List<RevenueReport.ReadPosition> positions() {
        return jdbc.query("SELECT topic, part, next_offset FROM aggregator.read_position ORDER BY topic, part",
                (row, n) -> new RevenueReport.ReadPosition(row.getString(1), row.getInt(2), row.getLong(3)));
    }

    /** Sums of one agent over partitions and names. */
    private static final class Tally {

        private final String agentId;

        private final Set<String> names = new TreeSet<>();

        private BigInteger wei = BigInteger.ZERO;

        private long executions;

        Tally(String agentId) {
            this.agentId = agentId;
        }

        /**
         * An agent renamed over time has several names; the API shows one of them, the
         * same every time.
         */
        String name() {
            return names.isEmpty() ? agentId : ((TreeSet<String>) names).last();
        }

        RevenueReport.AgentRevenue toAgentRevenue() {
            return new RevenueReport.AgentRevenue(agentId, name(), wei.toString(), Wei.eth(wei), executions);
        }

    }

}
