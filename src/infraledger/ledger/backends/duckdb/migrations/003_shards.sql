-- Shards of an ingest run that are in the ledger: written in the transaction that appends their facts,
-- so a rerun after a crash skips exactly what landed.
CREATE TABLE IF NOT EXISTS ingest_shards (
    id            VARCHAR NOT NULL,
    items         INTEGER NOT NULL,
    facts         INTEGER NOT NULL,
    recorded_at   TIMESTAMP NOT NULL
);
