package com.agentnexus.execution.execution;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.execution.publishing.TerminalStatus;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The executions table through R2DBC: one statement per lifecycle step. */
@Component
class ExecutionStore {

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
        return db.sql("UPDATE executions SET status = 'RUNNING', last_seq = :lastSeq, started_at = :startedAt"
                        + " WHERE id = :id")
                .bind("id", id.value())
                .bind("lastSeq", lastSeq)
                .bind("startedAt", startedAt)
                .then();
    }

    Mono<Void> finish(ExecutionId id, TerminalStatus end, long lastSeq, Instant finishedAt,
            @Nullable Long peakMemoryBytes, @Nullable Double peakCpuPercent) {
        GenericExecuteSpec spec = db.sql("""
                UPDATE executions SET status = :status, last_seq = :lastSeq, finished_at = :finishedAt,
                    duration_ms = :durationMs, exit_code = :exitCode, output = CAST(:output AS JSONB),
                    error = :error, peak_memory_bytes = :peakMemory, peak_cpu_percent = :peakCpu
                WHERE id = :id""")
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
        return spec.then();
    }

    Mono<ExecutionRecord> find(UUID id) {
        return db.sql("""
                SELECT id, agent_id, user_id, status, input::text AS input, output::text AS output, error,
                       exit_code, price_wei, created_at, started_at, finished_at, duration_ms, last_seq,
                       peak_memory_bytes, peak_cpu_percent
                FROM executions WHERE id = :id""")
                .bind("id", id)
                .map(ExecutionStore::toRecord)
                .one();
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
