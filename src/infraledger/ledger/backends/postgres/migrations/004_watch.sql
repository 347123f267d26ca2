-- Watchlists, feeds and alerts (infraledger.watch): append-only, like every other table. A list's
-- criteria and a feed are added and removed by new rows; a feed's state is its latest row; an alert
-- is recorded once (its id is a hash of the list and the fact) and every delivery attempt is a row.
CREATE TABLE IF NOT EXISTS watchlists (
    name          TEXT COLLATE "C" NOT NULL,
    kind          TEXT COLLATE "C" NOT NULL,
    value         TEXT COLLATE "C" NOT NULL,
    action        TEXT COLLATE "C" NOT NULL,
    recorded_at   TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS feeds (
    url           TEXT COLLATE "C" NOT NULL,
    kind          TEXT COLLATE "C" NOT NULL,
    action        TEXT COLLATE "C" NOT NULL,
    recorded_at   TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_state (
    url           TEXT COLLATE "C" NOT NULL,
    etag          TEXT COLLATE "C",
    last_modified TEXT COLLATE "C",
    cursor        TEXT COLLATE "C",
    recorded_at   TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS alerts (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    watchlist     TEXT COLLATE "C" NOT NULL,
    fact_id       TEXT COLLATE "C" NOT NULL,
    link          TEXT COLLATE "C",
    recorded_at   TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    alert_id      TEXT COLLATE "C" NOT NULL,
    channel       TEXT COLLATE "C" NOT NULL,
    status        TEXT COLLATE "C" NOT NULL,
    detail        TEXT COLLATE "C",
    recorded_at   TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_alert ON deliveries (alert_id);
CREATE INDEX IF NOT EXISTS feed_state_url ON feed_state (url, recorded_at);

CREATE TRIGGER watchlists_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON watchlists
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();

CREATE TRIGGER feeds_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON feeds
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();

CREATE TRIGGER feed_state_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON feed_state
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();

CREATE TRIGGER alerts_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON alerts
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();

CREATE TRIGGER deliveries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON deliveries
    FOR EACH STATEMENT EXECUTE FUNCTION infraledger_append_only();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'infraledger_writer') THEN
        REVOKE ALL ON watchlists FROM infraledger_writer;
        GRANT SELECT, INSERT ON watchlists TO infraledger_writer;
        REVOKE ALL ON feeds FROM infraledger_writer;
        GRANT SELECT, INSERT ON feeds TO infraledger_writer;
        REVOKE ALL ON feed_state FROM infraledger_writer;
        GRANT SELECT, INSERT ON feed_state TO infraledger_writer;
        REVOKE ALL ON alerts FROM infraledger_writer;
        GRANT SELECT, INSERT ON alerts TO infraledger_writer;
        REVOKE ALL ON deliveries FROM infraledger_writer;
        GRANT SELECT, INSERT ON deliveries TO infraledger_writer;
    END IF;
END;
$$;
