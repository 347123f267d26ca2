-- Human review, document text and access tokens. Append-only like every table of 001: a review, a
-- document's text or a token's creation and revocation is a new row, never a change to an old one.
-- As in 001 there are no key constraints here: DuckDB has one writer at a time, and the ledger
-- service skips a row already stored (see UNIQUE in ledger/service.py).

-- The text a source's facts' span offsets point into, once per source.
CREATE TABLE IF NOT EXISTS documents (
    source_id     VARCHAR NOT NULL,
    text          VARCHAR NOT NULL,
    recorded_at   TIMESTAMP NOT NULL
);

-- A person's judgement of a fact: accept, correct (new_fact_id supersedes fact_id), reject, or add
-- (a fact the machine missed: fact_id = new_fact_id). fields: JSON of the fact as the reviewer left it.
CREATE TABLE IF NOT EXISTS reviews (
    fact_id       VARCHAR NOT NULL,
    action        VARCHAR NOT NULL,
    reviewer      VARCHAR NOT NULL,
    new_fact_id   VARCHAR,
    fields        VARCHAR,
    note          VARCHAR,
    recorded_at   TIMESTAMP NOT NULL
);

-- Access tokens: only the SHA-256 hex of a secret is stored; action 'create' or 'revoke'.
CREATE TABLE IF NOT EXISTS tokens (
    name          VARCHAR NOT NULL,
    role          VARCHAR NOT NULL,
    hash          VARCHAR NOT NULL,
    action        VARCHAR NOT NULL,
    recorded_at   TIMESTAMP NOT NULL
);
