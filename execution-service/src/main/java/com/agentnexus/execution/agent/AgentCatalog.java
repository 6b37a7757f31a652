package com.agentnexus.execution.agent;

import com.agentnexus.events.AgentId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The agents stored in PostgreSQL. */
@Component
public class AgentCatalog {

    private static final String COLUMNS = "id, name, price_wei, timeout_ms, script, image, memory_bytes, cpus,"
            + " pids_limit";

    private final DatabaseClient db;

    AgentCatalog(DatabaseClient db) {
        this.db = db;
    }

    /** The agent with this id, or empty. */
    public Mono<Agent> find(AgentId id) {
        return db.sql("SELECT " + COLUMNS + " FROM agents WHERE id = :id")
            .bind("id", id.value())
            .map(AgentCatalog::toAgent)
            .one();
    }

    /** Every agent, by id. */
    Flux<Agent> all() {
        return db.sql("SELECT " + COLUMNS + " FROM agents ORDER BY id").map(AgentCatalog::toAgent).all();
    }

    /** Adds an agent; fails with {@link DuplicateKeyException} when the id is taken. */
    Mono<Agent> add(Agent agent) {
        return db
            .sql("INSERT INTO agents (" + COLUMNS + ") VALUES (:id, :name, :price, :timeout, :script, :image,"
                    + " :memory, :cpus, :pids)")
            .bind("id", agent.id().value())
            .bind("name", agent.name())
            .bind("price", new BigDecimal(agent.priceWei()))
            .bind("timeout", agent.timeout().toMillis())
            .bind("script", agent.script())
            .bind("image", agent.container().image())
            .bind("memory", agent.container().memoryBytes())
            .bind("cpus", agent.container().cpus())
            .bind("pids", agent.container().pidsLimit())
            .then()
            .thenReturn(agent);
    }

    private static Agent toAgent(Readable row) {
        return new Agent(new AgentId(row.get("id", String.class)), row.get("name", String.class),
                row.get("price_wei", BigDecimal.class).toBigIntegerExact(),
                Duration.ofMillis(row.get("timeout_ms", Long.class)), row.get("script", String.class),
                new AgentContainer(row.get("image", String.class), row.get("memory_bytes", Long.class),
                        row.get("cpus", Double.class), row.get("pids_limit", Long.class)));
    }

}
