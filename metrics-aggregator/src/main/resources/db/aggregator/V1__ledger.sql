-- The aggregator's ledger. Everything a poll batch changes (totals, execution states, read positions) is written
-- in one transaction, so a crash, restart or rebalance neither loses nor double-counts an event.

-- Who may write a partition's facts: an instance bumps the epoch when it is assigned the partition and every batch
-- checks it under a row lock, so a previous owner that is still finishing a batch can never commit after it.
CREATE TABLE partition_owner (
    part  INT PRIMARY KEY,
    epoch BIGINT NOT NULL
);

-- The next offset to read, per topic partition; Kafka's committed offsets are not used.
CREATE TABLE read_position (
    topic       TEXT   NOT NULL,
    part        INT    NOT NULL,
    next_offset BIGINT NOT NULL,
    PRIMARY KEY (topic, part)
);

-- All-time totals per partition and series. labels is the JSON array of the series' label values. NUMERIC(100,0)
-- and not (78,0): a single price fits 78 digits, the sum of many may not.
CREATE TABLE total (
    part   INT           NOT NULL,
    metric TEXT          NOT NULL,
    labels TEXT          NOT NULL,
    value  NUMERIC(100,0) NOT NULL,
    PRIMARY KEY (part, metric, labels)
);

-- What the ledger remembers of each execution: the last status seq applied (duplicates and replays are ignored)
-- and whether it runs (the running gauge survives restarts, and its terminal status decrements it exactly once).
-- Ended rows are kept for agentnexus.aggregator.ended-retention to recognise late duplicates, then pruned.
CREATE TABLE execution (
    execution_id    UUID        PRIMARY KEY,
    part            INT         NOT NULL,
    agent_id        TEXT        NOT NULL,
    agent_name      TEXT        NOT NULL,
    last_status_seq BIGINT      NOT NULL,
    running         BOOLEAN     NOT NULL,
    ended           BOOLEAN     NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX execution_open ON execution (part) WHERE NOT ended;
CREATE INDEX execution_ended_at ON execution (updated_at) WHERE ended;
