-- Per-agent container settings for the Docker runner, with the issue's defaults (the process runner ignores
-- them). Agents without a timeout get five minutes.
ALTER TABLE agents
    ADD COLUMN image        TEXT             NOT NULL DEFAULT 'localhost/agentnexus-demo:1' CHECK (image <> ''),
    ADD COLUMN memory_bytes BIGINT           NOT NULL DEFAULT 536870912 CHECK (memory_bytes >= 6291456),
    ADD COLUMN cpus         DOUBLE PRECISION NOT NULL DEFAULT 0.5 CHECK (cpus > 0 AND cpus <= 64),
    ADD COLUMN pids_limit   BIGINT           NOT NULL DEFAULT 100 CHECK (pids_limit >= 1),
    ALTER COLUMN timeout_ms SET DEFAULT 300000;

-- Listing one user's executions, optionally of one agent, newest first.
CREATE INDEX executions_user_agent_created ON executions (user_id, agent_id, created_at DESC);
