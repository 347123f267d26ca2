-- The ledger's tables. Every table is append-only: rows are inserted, never updated or deleted.
CREATE TABLE IF NOT EXISTS sources (
    id            VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    title         VARCHAR,
    publisher     VARCHAR,
    url           VARCHAR,
    published     DATE,
    retrieved     DATE,
    content_hash  VARCHAR,
    form_type     VARCHAR,
    accession     VARCHAR,
    filer_cik     BIGINT,
    recorded_at   TIMESTAMP NOT NULL
);

-- One row per version of an entity; the latest version recorded by a read's as-of time wins.
CREATE TABLE IF NOT EXISTS entities (
    id            VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    aliases       VARCHAR[],
    tickers       VARCHAR[],
    cik           BIGINT,
    country       VARCHAR,
    layers        VARCHAR[],
    parent_id     VARCHAR,
    version       VARCHAR NOT NULL,
    recorded_at   TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS facts (
    id                  VARCHAR NOT NULL,
    type                VARCHAR NOT NULL,
    subject             VARCHAR NOT NULL,
    subject_id          VARCHAR NOT NULL,
    counterparties      STRUCT(name VARCHAR, role VARCHAR, entity_id VARCHAR)[],
    people              VARCHAR[],
    amount              DECIMAL(38, 6),
    amount_high         DECIMAL(38, 6),
    currency            VARCHAR,
    amount_qualifier    VARCHAR,
    amount_text         VARCHAR,
    valuation           DECIMAL(38, 6),
    valuation_high      DECIMAL(38, 6),
    valuation_currency  VARCHAR,
    valuation_qualifier VARCHAR,
    valuation_text      VARCHAR,
    valid_start         DATE,
    valid_end           DATE,
    valid_precision     VARCHAR,
    valid_text          VARCHAR,
    status              VARCHAR,
    cited_source        VARCHAR,
    evidence            VARCHAR,
    span_start          INTEGER,
    span_end            INTEGER,
    attributes          VARCHAR,
    confidence          DOUBLE,
    source_id           VARCHAR NOT NULL,
    event_key           VARCHAR NOT NULL,
    recorded_at         TIMESTAMP NOT NULL,
    supersedes          VARCHAR
);

-- Entity-resolution decisions: which name was taken to mean which entity, how, and undo records.
CREATE TABLE IF NOT EXISTS resolutions (
    name          VARCHAR NOT NULL,
    entity_id     VARCHAR NOT NULL,
    method        VARCHAR NOT NULL,
    score         DOUBLE,
    action        VARCHAR NOT NULL,   -- 'merge' or 'undo'
    source_id     VARCHAR,
    recorded_at   TIMESTAMP NOT NULL
);
