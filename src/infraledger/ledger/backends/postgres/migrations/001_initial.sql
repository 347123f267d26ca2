-- The ledger's tables, as in the DuckDB backend and in the same column order. Every table is
-- append-only: rows are inserted, never updated or deleted. The database enforces it: a trigger
-- refuses UPDATE, DELETE and TRUNCATE, and the role infraledger_writer may only SELECT and INSERT.
-- Connect the application as a member of infraledger_writer (GRANT infraledger_writer TO app_user).
-- Text compares byte by byte (COLLATE "C"), so listings are ordered as on DuckDB.
CREATE TABLE IF NOT EXISTS sources (
    id            TEXT COLLATE "C" NOT NULL,
    kind          TEXT COLLATE "C" NOT NULL,
    title         TEXT COLLATE "C",
    publisher     TEXT COLLATE "C",
    url           TEXT COLLATE "C",
    published     DATE,
    retrieved     DATE,
    content_hash  TEXT COLLATE "C",
    form_type     TEXT COLLATE "C",
    accession     TEXT COLLATE "C",
    filer_cik     BIGINT,
    recorded_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS entities (
    id            TEXT COLLATE "C" NOT NULL,
    name          TEXT COLLATE "C" NOT NULL,
    kind          TEXT COLLATE "C" NOT NULL,
    aliases       TEXT[] COLLATE "C",
    tickers       TEXT[] COLLATE "C",
    cik           BIGINT,
    country       TEXT COLLATE "C",
    layers        TEXT[] COLLATE "C",
    parent_id     TEXT COLLATE "C",
    version       TEXT COLLATE "C" NOT NULL,
    recorded_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE IF NOT EXISTS facts (
    id                  TEXT COLLATE "C" NOT NULL,
    type                TEXT COLLATE "C" NOT NULL,
    subject             TEXT COLLATE "C" NOT NULL,
    subject_id          TEXT COLLATE "C" NOT NULL,
    counterparties      JSONB,
    people              TEXT[] COLLATE "C",
    amount              NUMERIC(38, 6),
    amount_high         NUMERIC(38, 6),
    currency            TEXT COLLATE "C",
    amount_qualifier    TEXT COLLATE "C",
    amount_text         TEXT COLLATE "C",
    valuation           NUMERIC(38, 6),
    valuation_high      NUMERIC(38, 6),
    valuation_currency  TEXT COLLATE "C",
    valuation_qualifier TEXT COLLATE "C",
    valuation_text      TEXT COLLATE "C",
    valid_start         DATE,
    valid_end           DATE,
    valid_precision     TEXT COLLATE "C",
    valid_text          TEXT COLLATE "C",
    status              TEXT COLLATE "C",
    cited_source        TEXT COLLATE "C",
    evidence            TEXT COLLATE "C",
    span_start          INTEGER,
    span_end            INTEGER,
    attributes          TEXT COLLATE "C",
    confidence          DOUBLE PRECISION,
    source_id           TEXT COLLATE "C" NOT NULL,
    event_key           TEXT COLLATE "C" NOT NULL,
    recorded_at         TIMESTAMP NOT NULL,
    supersedes          TEXT COLLATE "C",
    PRIMARY KEY (id)
);
-- Few indexes: every one slows bulk loads, and as-of reads scan the facts anyway.
CREATE INDEX IF NOT EXISTS facts_event ON facts (event_key);
CREATE INDEX IF NOT EXISTS facts_subject ON facts (subject_id, type);
CREATE INDEX IF NOT EXISTS facts_supersedes ON facts (supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE IF NOT EXISTS resolutions (
    name          TEXT COLLATE "C" NOT NULL,
    entity_id     TEXT COLLATE "C" NOT NULL,
    method        TEXT COLLATE "C" NOT NULL,
    score         DOUBLE PRECISION,
    action        TEXT COLLATE "C" NOT NULL,
    source_id     TEXT COLLATE "C",
    recorded_at   TIMESTAMP NOT NULL,
    seq           BIGINT GENERATED ALWAYS AS IDENTITY
);
-- A decision a source led to is recorded once, however many writers read that source at once.
CREATE UNIQUE INDEX IF NOT EXISTS resolutions_once ON resolutions (name, entity_id, source_id, action)
    WHERE source_id IS NOT NULL;

CREATE OR REPLACE FUNCTION infraledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER sources_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON sources
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();
CREATE TRIGGER entities_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON entities
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();
CREATE TRIGGER facts_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON facts
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();
CREATE TRIGGER resolutions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON resolutions
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'infraledger_writer') THEN
        BEGIN
            CREATE ROLE infraledger_writer NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'cannot create role infraledger_writer; grant SELECT, INSERT by hand';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'infraledger_writer') THEN
        REVOKE ALL ON sources, entities, facts, resolutions FROM infraledger_writer;
        GRANT SELECT, INSERT ON sources, entities, facts, resolutions, schema_version TO infraledger_writer;
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO infraledger_writer;
    END IF;
END;
$$;
