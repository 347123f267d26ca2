-- Watchlists, feeds and alerts (infraledger.watch): append-only, like every other table. A list's
-- criteria and a feed are added and removed by new rows; a feed's state is its latest row; an alert
-- is recorded once (its id is a hash of the list and the fact) and every delivery attempt is a row.
CREATE TABLE IF NOT EXISTS watchlists (
    name          VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    value         VARCHAR NOT NULL,
    action        VARCHAR NOT NULL,
    recorded_at   TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS feeds (
    url           VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    action        VARCHAR NOT NULL,
    recorded_at   TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_state (
    url           VARCHAR NOT NULL,
    etag          VARCHAR,
    last_modified VARCHAR,
    cursor        VARCHAR,
    recorded_at   TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS alerts (
    id            VARCHAR NOT NULL,
    watchlist     VARCHAR NOT NULL,
    fact_id       VARCHAR NOT NULL,
    link          VARCHAR,
    recorded_at   TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    alert_id      VARCHAR NOT NULL,
    channel       VARCHAR NOT NULL,
    status        VARCHAR NOT NULL,
    detail        VARCHAR,
    recorded_at   TIMESTAMP NOT NULL
);
