"""Move a ledger between backends (a DuckDB file to PostgreSQL and back), and check that both hold the same.

Every row of the append-only tables is copied as it is (record times, superseded facts, every
entity version and resolution decision, documents' text, reviews and access tokens), in one transaction on the destination: all of it lands or
none. The check then reads each table back from both ledgers in one order and compares them row for
row, so a copy that lost, changed or added anything is reported, not trusted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa

from ..errors import LedgerError
from .arrow_schema import (
    ALERT_SCHEMA,
    DELIVERY_SCHEMA,
    DOCUMENT_SCHEMA,
    ENTITY_SCHEMA,
    FACT_SCHEMA,
    FEED_SCHEMA,
    FEED_STATE_SCHEMA,
    RESOLUTION_SCHEMA,
    REVIEW_SCHEMA,
    SHARD_SCHEMA,
    SOURCE_SCHEMA,
    TOKEN_SCHEMA,
    WATCHLIST_SCHEMA,
)
from .review import REVIEW_SCHEMA_VERSION
from .service import UNIQUE, Ledger

#: table, its columns, and the order rows are read in (the insertion order of resolutions is kept).
TABLES: tuple[tuple[str, pa.Schema, str], ...] = (
    ("sources", SOURCE_SCHEMA, "recorded_at, id"),
    ("entities", ENTITY_SCHEMA, "recorded_at, id, version"),
    ("facts", FACT_SCHEMA, "recorded_at, id"),
    ("resolutions", RESOLUTION_SCHEMA, "recorded_at, {order}"),
    ("documents", DOCUMENT_SCHEMA, "recorded_at, source_id"),
    ("reviews", REVIEW_SCHEMA, "recorded_at, fact_id, reviewer, action"),
    ("tokens", TOKEN_SCHEMA, "recorded_at, hash, action"),
    ("ingest_shards", SHARD_SCHEMA, "recorded_at, id"),
    ("watchlists", WATCHLIST_SCHEMA, "recorded_at, name, kind, value, action"),
    ("feeds", FEED_SCHEMA, "recorded_at, url, action"),
    ("feed_state", FEED_STATE_SCHEMA, "recorded_at, url"),
    ("alerts", ALERT_SCHEMA, "recorded_at, id"),
    ("deliveries", DELIVERY_SCHEMA, "recorded_at, alert_id, channel, status"),
)
#: Tables a ledger has only from a schema version on (an older ledger opened read-only has none).
SINCE = {"documents": REVIEW_SCHEMA_VERSION, "reviews": REVIEW_SCHEMA_VERSION, "tokens": REVIEW_SCHEMA_VERSION,
         "ingest_shards": 3, **dict.fromkeys(("watchlists", "feeds", "feed_state", "alerts", "deliveries"), 4)}


@dataclass(frozen=True)
class CopyResult:
    """Rows copied per table, and whether reading both ledgers back gave the same rows."""

    rows: dict[str, int]
    same: bool


def read_table(ledger: Ledger, table: str, schema: pa.Schema, order: str) -> pa.Table:
    backend = ledger.backend
    if backend.schema_version < SINCE.get(table, 0):
        return schema.empty_table()
    sql = f"SELECT {', '.join(schema.names)} FROM {table} ORDER BY {order.format(order=backend.dialect.resolution_order)}"
    return backend.arrow(sql, [], schema)


def copy_ledger(source: Ledger, target: Ledger, *, step: Callable[[str], None] | None = None) -> CopyResult:
    """Copy every row of ``source`` into the empty ledger ``target``, then compare the two.

    Raises LedgerError when ``target`` already holds facts or entities (nothing is written then).
    ``step`` is called with each table's name as it is done (a progress bar).
    """
    held = target.backend.query("SELECT (SELECT count(*) FROM facts) + (SELECT count(*) FROM entities) "
                                "+ (SELECT count(*) FROM sources)")[0][0]
    if held:
        raise LedgerError(f"{target.backend.location}: destination ledger is not empty ({held} rows); "
                          "copy into a new ledger")
    rows: dict[str, int] = {}
    tables = {name: read_table(source, name, schema, order) for name, schema, order in TABLES}
    with target.backend.transaction():
        for name, table in tables.items():
            rows[name] = target.backend.insert(name, table, UNIQUE.get(name, ()) if name != "resolutions" else ())
            if step:
                step(name)
    same = all(read_table(target, name, schema, order).equals(tables[name]) for name, schema, order in TABLES)
    return CopyResult(rows, same)
