package com.agentnexus.aggregator.ledger;

import com.agentnexus.aggregator.Position;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's tables (schema {@code aggregator}, Flyway migrations in
 * {@code db/aggregator}). Multi-row writes go through {@code unnest} of arrays: one
 * statement per table and batch, whatever the batch size.
 */
@Component
class LedgerStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    LedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes ownership of a partition: the new epoch fences every earlier owner's later
     * writes.
     */
    long claim(int partition) {
        Long epoch = jdbc.queryForObject("""
                INSERT INTO aggregator.partition_owner (part, epoch) VALUES (?, 1)
                ON CONFLICT (part) DO UPDATE SET epoch = aggregator.partition_owner.epoch + 1
                RETURNING epoch""", Long.class, partition);
        return epoch == null ? 0 : epoch;
    }

    /**
     * Locks the owner rows of these partitions until the transaction ends, and returns
     * their epochs.
     */
    Map<Integer, Long> lockEpochs(Set<Integer> partitions) {
        Map<Integer, Long> epochs = new HashMap<>();
        // a fixed lock order: two instances never wait on each other in a cycle
        jdbc.query("SELECT part, epoch FROM aggregator.partition_owner WHERE part = ANY(?) ORDER BY part FOR UPDATE",
                row -> {
                    epochs.put(row.getInt(1), row.getLong(2));
                }, (Object) partitions.toArray(Integer[]::new));
        return epochs;
    }

    Map<SeriesKey, BigInteger> totals(int partition) {
        Map<SeriesKey, BigInteger> totals = new HashMap<>();
        jdbc.query("SELECT metric, labels, value FROM aggregator.total WHERE part = ?", row -> {
            var key = new SeriesKey(Metric.ofStoredName(row.getString(1)), json.readValue(row.getString(2), STRINGS));
            totals.put(key, row.getBigDecimal(3).toBigIntegerExact());
        }, partition);
        return totals;
    }

    List<TrackedExecution> openExecutions(int partition) {
        return jdbc.query("""
                SELECT execution_id, part, agent_id, agent_name, last_status_seq, running, ended
                FROM aggregator.execution WHERE part = ? AND NOT ended""", (row, n) -> tracked(row), partition);
    }

    Map<UUID, TrackedExecution> executions(Collection<UUID> ids) {
        Map<UUID, TrackedExecution> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("""
                SELECT execution_id, part, agent_id, agent_name, last_status_seq, running, ended
                FROM aggregator.execution WHERE execution_id = ANY(?)""", row -> {
            TrackedExecution execution = tracked(row);
            found.put(execution.executionId(), execution);
        }, (Object) ids.toArray(UUID[]::new));
        return found;
    }

    private static TrackedExecution tracked(ResultSet row) throws SQLException {
        return new TrackedExecution(row.getObject(1, UUID.class), row.getInt(2), row.getString(3), row.getString(4),
                row.getLong(5), row.getBoolean(6), row.getBoolean(7));
    }

    /**
     * The stored next offsets of every topic partition of these partition indexes (keys
     * with offset 0).
     */
    Map<Position, Long> positions(Set<Integer> partitions) {
        Map<Position, Long> stored = new HashMap<>();
        jdbc.query("SELECT topic, part, next_offset FROM aggregator.read_position WHERE part = ANY(?)", row -> {
            stored.put(new Position(row.getString(1), row.getInt(2), 0), row.getLong(3));
        }, (Object) partitions.toArray(Integer[]::new));
        return stored;
    }

    void writeExecutions(Collection<TrackedExecution> executions) {
        if (executions.isEmpty()) {
            return;
        }
        int n = executions.size();
        UUID[] ids = new UUID[n];
        Integer[] parts = new Integer[n];
        String[] agentIds = new String[n];
        String[] agentNames = new String[n];
        Long[] seqs = new Long[n];
        Boolean[] running = new Boolean[n];
        Boolean[] ended = new Boolean[n];
        int i = 0;
        for (TrackedExecution e : executions) {
            ids[i] = e.executionId();
            parts[i] = e.partition();
            agentIds[i] = e.agentId();
            agentNames[i] = e.agentName();
            seqs[i] = e.lastStatusSeq();
            running[i] = e.running();
            ended[i] = e.ended();
            i++;
        }
        jdbc.update("""
                INSERT INTO aggregator.execution
                    (execution_id, part, agent_id, agent_name, last_status_seq, running, ended)
                SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::bigint[], ?::boolean[],
                    ?::boolean[])
                ON CONFLICT (execution_id) DO UPDATE SET
                    agent_name = excluded.agent_name, last_status_seq = excluded.last_status_seq,
                    running = excluded.running, ended = excluded.ended, updated_at = now()""", ids, parts, agentIds,
                agentNames, seqs, running, ended);
    }

    void addTotals(Map<Integer, Map<SeriesKey, Increment>> increments) {
        List<Integer> parts = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        increments.forEach((part, series) -> series.forEach((key, increment) -> {
            parts.add(part);
            metrics.add(key.metric().storedName());
            labels.add(json.writeValueAsString(key.labelValues()));
            values.add(new BigDecimal(increment.value()));
        }));
        if (parts.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO aggregator.total (part, metric, labels, value)
                SELECT * FROM unnest(?::int[], ?::text[], ?::text[], ?::numeric[])
                ON CONFLICT (part, metric, labels) DO UPDATE SET value = aggregator.total.value + excluded.value""",
                parts.toArray(Integer[]::new), metrics.toArray(String[]::new), labels.toArray(String[]::new),
                values.toArray(BigDecimal[]::new));
    }

    void writePositions(Collection<Position> next) {
        if (next.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO aggregator.read_position (topic, part, next_offset)
                SELECT * FROM unnest(?::text[], ?::int[], ?::bigint[])
                ON CONFLICT (topic, part) DO UPDATE SET next_offset = excluded.next_offset""",
                next.stream().map(Position::topic).toArray(String[]::new),
                next.stream().map(Position::partition).toArray(Integer[]::new),
                next.stream().map(Position::offset).toArray(Long[]::new));
    }

    /**
     * Forgets executions that ended longer ago than {@code retention}; a duplicate older
     * than that counts again.
     */
    int pruneEnded(Duration retention) {
        return jdbc.update("DELETE FROM aggregator.execution WHERE ended AND updated_at < now() - ?::interval",
                retention.toSeconds() + " seconds");
    }

}
