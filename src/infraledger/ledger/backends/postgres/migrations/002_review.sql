-- Human review, document text and access tokens, as in the DuckDB backend and in the same column
-- order. Append-only like every table of 001 (the same trigger refuses UPDATE, DELETE and TRUNCATE;
-- infraledger_writer may only SELECT and INSERT); the keys make a row written twice land once.

-- The text a source's facts' span offsets point into, once per source.
CREATE TABLE IF NOT EXISTS documents (
    source_id     TEXT COLLATE "C" NOT NULL,
    text          TEXT COLLATE "C" NOT NULL,
    recorded_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (source_id)
);

-- A person's judgement of a fact: accept, correct (new_fact_id supersedes fact_id), reject, or add
-- (a fact the machine missed: fact_id = new_fact_id). fields: JSON of the fact as the reviewer left it.
CREATE TABLE IF NOT EXISTS reviews (
    fact_id       TEXT COLLATE "C" NOT NULL,
    action        TEXT COLLATE "C" NOT NULL,
    reviewer      TEXT COLLATE "C" NOT NULL,
    new_fact_id   TEXT COLLATE "C",
    fields        TEXT COLLATE "C",
    note          TEXT COLLATE "C",
    recorded_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (fact_id, reviewer, action, recorded_at)
);
CREATE INDEX IF NOT EXISTS reviews_new_fact ON reviews (new_fact_id) WHERE new_fact_id IS NOT NULL;

-- Access tokens: only the SHA-256 hex of a secret is stored; action 'create' or 'revoke'.
CREATE TABLE IF NOT EXISTS tokens (
    name          TEXT COLLATE "C" NOT NULL,
    role          TEXT COLLATE "C" NOT NULL,
    hash          TEXT COLLATE "C" NOT NULL,
    action        TEXT COLLATE "C" NOT NULL,
    recorded_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (hash, action)
);

CREATE TRIGGER documents_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();
CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON reviews
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();
CREATE TRIGGER tokens_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON tokens
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'infraledger_writer') THEN
        REVOKE ALL ON documents, reviews, tokens FROM infraledger_writer;
        GRANT SELECT, INSERT ON documents, reviews, tokens TO infraledger_writer;
    END IF;
END;
$$;
