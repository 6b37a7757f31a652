CREATE TABLE agents (
    id          TEXT PRIMARY KEY,
    name        TEXT          NOT NULL,
    -- Wei amounts exceed 2^64; NUMERIC(78,0) holds any uint256.
    price_wei   NUMERIC(78, 0) NOT NULL CHECK (price_wei >= 0),
    timeout_ms  BIGINT        NOT NULL CHECK (timeout_ms > 0),
    -- POSIX sh; must also run under busybox sh inside the Docker runner's image.
    script      TEXT          NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE executions (
    id                UUID PRIMARY KEY,
    agent_id          TEXT           NOT NULL REFERENCES agents (id),
    user_id           TEXT           NOT NULL,
    status            TEXT           NOT NULL,
    input             JSONB          NOT NULL,
    output            JSONB,
    error             TEXT,
    exit_code         INTEGER,
    price_wei         NUMERIC(78, 0) NOT NULL,
    created_at        TIMESTAMPTZ    NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    duration_ms       BIGINT,
    -- seq of the last event published for this execution; restart recovery continues from here.
    last_seq          BIGINT         NOT NULL DEFAULT 0,
    peak_memory_bytes BIGINT,
    peak_cpu_percent  DOUBLE PRECISION
);

CREATE INDEX executions_user_created ON executions (user_id, created_at DESC);
CREATE INDEX executions_status ON executions (status) WHERE status IN ('PENDING', 'RUNNING');
