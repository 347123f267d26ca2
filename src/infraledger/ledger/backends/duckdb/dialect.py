"""How DuckDB spells the few SQL fragments the databases do not share."""

from ..base import Dialect

DUCKDB = Dialect(
    name="duckdb",
    party_ids="list_transform(counterparties, lambda p: p.entity_id)",
    resolution_order="rowid",
    json_text="json_extract_string({column}, '$.{key}')",
)
