package com.agentnexus.execution.executions;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import com.agentnexus.execution.publishing.TerminalStatus;
import com.agentnexus.execution.recovery.Orphan;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The executions table through R2DBC: one statement per lifecycle step. */
@Component
class ExecutionStore {

    private static final String COLUMNS = """
            id, agent_id, user_id, status, input::text AS input, output::text AS output, error, exit_code, price_wei,
            created_at, started_at, finished_at, duration_ms, last_seq, peak_memory_bytes, peak_cpu_percent""";

    private final DatabaseClient db;

    ExecutionStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insertPending(LaunchedExecution execution) {
        return db.sql("""
                INSERT INTO executions (id, agent_id, user_id, status, input, price_wei, created_at, last_seq)
                VALUES (:id, :agentId, :userId, 'PENDING', CAST(:input AS JSONB), :price, :createdAt, 0)""")
            .bind("id", execution.id().value())
            .bind("agentId", execution.agent().id().value())
            .bind("userId", execution.userId().value())
            .bind("input", execution.inputJson())
            .bind("price", new BigDecimal(execution.agent().priceWei()))
            .bind("createdAt", execution.id().createdAt())
            .then();
    }

    Mono<Void> markRunning(ExecutionId id, long lastSeq, Instant startedAt) {
        return db
            .sql("UPDATE executions SET status = 'RUNNING', last_seq = :lastSeq, started_at = :startedAt"
                    + " WHERE id = :id AND status = 'PENDING'")
            .bind("id", id.value())
            .bind("lastSeq", lastSeq)
            .bind("startedAt", startedAt)
            .then();
    }

    /**
     * Records the terminal status — only over a non-terminal row, so nothing ever
     * overwrites an end that is already stored (a cancel, a timeout, restart recovery).
     * Emits whether this call was the one that ended it.
     */
    Mono<Boolean> finish(ExecutionId id, TerminalStatus end, long lastSeq, Instant finishedAt,
            @Nullable Long peakMemoryBytes, @Nullable Double peakCpuPercent) {
        GenericExecuteSpec spec = db.sql("""
                UPDATE executions SET status = :status, last_seq = :lastSeq, finished_at = :finishedAt,
                    duration_ms = :durationMs, exit_code = :exitCode, output = CAST(:output AS JSONB),
                    error = :error, peak_memory_bytes = :peakMemory, peak_cpu_percent = :peakCpu
                WHERE id = :id AND status IN ('PENDING', 'RUNNING')""")
            .bind("id", id.value())
            .bind("status", end.status().name())
            .bind("lastSeq", lastSeq)
            .bind("finishedAt", finishedAt)
            .bind("durationMs", end.durationMs());
        spec = bindNullable(spec, "exitCode", end.exitCode(), Integer.class);
        spec = bindNullable(spec, "output", end.outputJson(), String.class);
        spec = bindNullable(spec, "error", end.error(), String.class);
        spec = bindNullable(spec, "peakMemory", peakMemoryBytes, Long.class);
        spec = bindNullable(spec, "peakCpu", peakCpuPercent, Double.class);
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<ExecutionRecord> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM executions WHERE id = :id")
            .bind("id", id)
            .map(ExecutionStore::toRecord)
            .one();
    }

    /** One page of the executions matching the query, newest first. */
    Flux<ExecutionRecord> list(ExecutionQuery query) {
        GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + " FROM executions" + where(query)
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset");
        return bindQuery(spec, query).bind("limit", query.size())
            .bind("offset", query.offset())
            .map(ExecutionStore::toRecord)
            .all();
    }

    Mono<Long> count(ExecutionQuery query) {
        return bindQuery(db.sql("SELECT count(*) AS n FROM executions" + where(query)), query)
            .map(row -> row.get("n", Long.class))
            .one();
    }

    /**
     * Executions a previous process left unfinished: created before this one started and
     * still not ended.
     */
    Flux<Orphan> orphans(Instant createdBefore) {
        return db.sql("""
                SELECT e.id, e.agent_id, e.user_id, a.name AS agent_name, e.created_at, e.started_at
                FROM executions e JOIN agents a ON a.id = e.agent_id
                WHERE e.status IN ('PENDING', 'RUNNING') AND e.created_at < :before
                ORDER BY e.created_at""")
            .bind("before", createdBefore)
            .map(row -> new Orphan(new ExecutionId(row.get("id", UUID.class)),
                    new AgentId(row.get("agent_id", String.class)), new UserId(row.get("user_id", String.class)),
                    row.get("agent_name", String.class), row.get("created_at", Instant.class),
                    row.get("started_at", Instant.class)))
            .all();
    }

    private static String where(ExecutionQuery query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (query.userId() != null) {
            where.append(" AND user_id = :userId");
        }
        if (query.agentId() != null) {
            where.append(" AND agent_id = :agentId");
        }
        if (query.status() != null) {
            where.append(" AND status = :status");
        }
        return where.toString();
    }

    private static GenericExecuteSpec bindQuery(GenericExecuteSpec spec, ExecutionQuery query) {
        if (query.userId() != null) {
            spec = spec.bind("userId", query.userId().value());
        }
        if (query.agentId() != null) {
            spec = spec.bind("agentId", query.agentId().value());
        }
        if (query.status() != null) {
            spec = spec.bind("status", query.status().name());
        }
        return spec;
    }

    private static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, @Nullable T value,
            Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static ExecutionRecord toRecord(Readable row) {
        BigDecimal price = row.get("price_wei", BigDecimal.class);
        return new ExecutionRecord(row.get("id", UUID.class), row.get("agent_id", String.class),
                row.get("user_id", String.class), row.get("status", String.class), row.get("input", String.class),
                row.get("output", String.class), row.get("error", String.class), row.get("exit_code", Integer.class),
                price == null ? BigInteger.ZERO : price.toBigIntegerExact(), row.get("created_at", Instant.class),
                row.get("started_at", Instant.class), row.get("finished_at", Instant.class),
                row.get("duration_ms", Long.class), row.get("last_seq", Long.class),
                row.get("peak_memory_bytes", Long.class), row.get("peak_cpu_percent", Double.class));
    }

}
