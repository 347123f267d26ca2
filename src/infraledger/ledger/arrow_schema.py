"""Arrow schemas of the ledger's tables, used for bulk inserts, copies and exports."""

from __future__ import annotations

import pyarrow as pa

from .rows import DOCUMENT_COLUMNS, ENTITY_COLUMNS, FACT_COLUMNS, REVIEW_COLUMNS, SOURCE_COLUMNS, TOKEN_COLUMNS

_DEC = pa.decimal128(38, 6)
_PARTY = pa.struct([("name", pa.string()), ("role", pa.string()), ("entity_id", pa.string())])

FACT_SCHEMA = pa.schema([
    ("id", pa.string()), ("type", pa.string()), ("subject", pa.string()), ("subject_id", pa.string()),
    ("counterparties", pa.list_(_PARTY)), ("people", pa.list_(pa.string())),
    ("amount", _DEC), ("amount_high", _DEC), ("currency", pa.string()), ("amount_qualifier", pa.string()),
    ("amount_text", pa.string()),
    ("valuation", _DEC), ("valuation_high", _DEC), ("valuation_currency", pa.string()),
    ("valuation_qualifier", pa.string()), ("valuation_text", pa.string()),
    ("valid_start", pa.date32()), ("valid_end", pa.date32()), ("valid_precision", pa.string()),
    ("valid_text", pa.string()), ("status", pa.string()), ("cited_source", pa.string()),
    ("evidence", pa.string()), ("span_start", pa.int32()), ("span_end", pa.int32()),
    ("attributes", pa.string()), ("confidence", pa.float64()), ("source_id", pa.string()),
    ("event_key", pa.string()), ("recorded_at", pa.timestamp("us")), ("supersedes", pa.string()),
])

SOURCE_SCHEMA = pa.schema([
    ("id", pa.string()), ("kind", pa.string()), ("title", pa.string()), ("publisher", pa.string()),
    ("url", pa.string()), ("published", pa.date32()), ("retrieved", pa.date32()),
    ("content_hash", pa.string()), ("form_type", pa.string()), ("accession", pa.string()),
    ("filer_cik", pa.int64()), ("recorded_at", pa.timestamp("us")),
])

ENTITY_SCHEMA = pa.schema([
    ("id", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("aliases", pa.list_(pa.string())),
    ("tickers", pa.list_(pa.string())), ("cik", pa.int64()), ("country", pa.string()),
    ("layers", pa.list_(pa.string())), ("parent_id", pa.string()), ("version", pa.string()),
    ("recorded_at", pa.timestamp("us")),
])

RESOLUTION_SCHEMA = pa.schema([
    ("name", pa.string()), ("entity_id", pa.string()), ("method", pa.string()), ("score", pa.float64()),
    ("action", pa.string()), ("source_id", pa.string()), ("recorded_at", pa.timestamp("us")),
])

DOCUMENT_SCHEMA = pa.schema([
    ("source_id", pa.string()), ("text", pa.string()), ("recorded_at", pa.timestamp("us")),
])

REVIEW_SCHEMA = pa.schema([
    ("fact_id", pa.string()), ("action", pa.string()), ("reviewer", pa.string()), ("new_fact_id", pa.string()),
    ("fields", pa.string()), ("note", pa.string()), ("recorded_at", pa.timestamp("us")),
])

TOKEN_SCHEMA = pa.schema([
    ("name", pa.string()), ("role", pa.string()), ("hash", pa.string()), ("action", pa.string()),
    ("recorded_at", pa.timestamp("us")),
])

SHARD_SCHEMA = pa.schema([
    ("id", pa.string()), ("items", pa.int32()), ("facts", pa.int32()), ("recorded_at", pa.timestamp("us")),
])

_TEXT, _TIME = pa.string(), pa.timestamp("us")
WATCHLIST_SCHEMA = pa.schema([("name", _TEXT), ("kind", _TEXT), ("value", _TEXT), ("action", _TEXT),
                              ("recorded_at", _TIME)])
FEED_SCHEMA = pa.schema([("url", _TEXT), ("kind", _TEXT), ("action", _TEXT), ("recorded_at", _TIME)])
FEED_STATE_SCHEMA = pa.schema([("url", _TEXT), ("etag", _TEXT), ("last_modified", _TEXT), ("cursor", _TEXT),
                               ("recorded_at", _TIME)])
ALERT_SCHEMA = pa.schema([("id", _TEXT), ("watchlist", _TEXT), ("fact_id", _TEXT), ("link", _TEXT),
                          ("recorded_at", _TIME)])
DELIVERY_SCHEMA = pa.schema([("alert_id", _TEXT), ("channel", _TEXT), ("status", _TEXT), ("detail", _TEXT),
                             ("recorded_at", _TIME)])

assert tuple(FACT_SCHEMA.names) == FACT_COLUMNS
assert tuple(ENTITY_SCHEMA.names) == ENTITY_COLUMNS
assert tuple(SOURCE_SCHEMA.names) == SOURCE_COLUMNS
assert tuple(DOCUMENT_SCHEMA.names) == DOCUMENT_COLUMNS
assert tuple(REVIEW_SCHEMA.names) == REVIEW_COLUMNS
assert tuple(TOKEN_SCHEMA.names) == TOKEN_COLUMNS


def rows_to_table(rows: list[tuple], schema: pa.Schema) -> pa.Table:
    """Column-wise conversion of row tuples into an Arrow table of ``schema``."""
    columns = list(zip(*rows)) if rows else [[] for _ in schema.names]
    return pa.table([pa.array(list(col), type=field.type) for col, field in zip(columns, schema)], schema=schema)
