-- Shards of an ingest run that are in the ledger: written in the transaction that appends their facts,
-- so a rerun after a crash skips exactly what landed.
CREATE TABLE IF NOT EXISTS ingest_shards (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    items         INTEGER NOT NULL,
    facts         INTEGER NOT NULL,
    recorded_at   TIMESTAMP NOT NULL
);

CREATE TRIGGER ingest_shards_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ingest_shards
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'infraledger_writer') THEN
        REVOKE ALL ON ingest_shards FROM infraledger_writer;
        GRANT SELECT, INSERT ON ingest_shards TO infraledger_writer;
    END IF;
END;
$$;
