"""Exports of a ledger snapshot: CSV, Parquet, JSON files, and pandas / polars / DuckDB objects.

The CSV, Parquet and JSON files end with a ``reviewed_by`` column: the reviewers who checked each fact,
comma-joined in the order they did (empty when nobody did), so a reader of the file can tell facts
a person confirmed from facts only a machine read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError, InputError
from ..output import open_output

# pyarrow is imported by the functions that use it: the command line reads FORMATS without it.
if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

    from .store import Snapshot

FORMATS = ("csv", "parquet", "json")


def reviewers(snapshot: Snapshot) -> dict[str, str]:
    """Fact id -> the reviewers who reviewed it by the snapshot's time, comma-joined, first reviewer first.

    The fact a correction or an addition made counts as reviewed by the reviewer who made it.
    """
    out: dict[str, dict[str, None]] = {}
    for r in snapshot.reviews():
        for fact_id in {r.fact_id, r.new_fact_id} - {None}:
            out.setdefault(fact_id, {})[r.reviewer] = None
    return {fact_id: ",".join(names) for fact_id, names in out.items()}


def with_reviewers(snapshot: Snapshot, table: pa.Table) -> pa.Table:
    """``table`` (with an ``id`` column) with a last column ``reviewed_by`` (see :func:`reviewers`)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    by_fact = reviewers(snapshot)
    if by_fact:
        ids, names = zip(*by_fact.items())
        positions = pc.index_in(table.column("id"), value_set=pa.array(ids, pa.string()))
        column = pc.fill_null(pc.take(pa.array(names, pa.string()), positions), "")
    else:
        column = pa.array([""] * table.num_rows, pa.string())
    return table.append_column("reviewed_by", column)


def flat_table(snapshot: Snapshot, types=None) -> pa.Table:
    """Visible facts as an Arrow table with nested columns flattened to JSON text (CSV-friendly)."""
    import pyarrow as pa

    table = snapshot.table(types=types)
    for name in ("counterparties", "people"):
        idx = table.schema.get_field_index(name)
        values = [json.dumps(v) if v else None for v in table.column(name).to_pylist()]
        table = table.set_column(idx, name, pa.array(values, pa.string()))
    return table


def export(snapshot: Snapshot, path: str | Path, fmt: str, *, protected: Iterable[str | Path] = ()) -> int:
    """Write the snapshot's facts to ``path`` (``-``: standard output) as ``fmt``; returns the number written.

    The file is written by :func:`infraledger.output.open_output`: atomically for a regular file (a
    failed export leaves no half file), straight through to a FIFO or device, never over a
    ``protected`` file (the ledger). Raises InputError for an unknown format, OutputError for a bad path.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})")
    if fmt == "json":
        facts, by_fact = snapshot.facts(), reviewers(snapshot)
        with open_output(path, protected=protected) as fh:
            for f in facts:
                fh.write(json.dumps({**f.to_json(), "reviewed_by": by_fact.get(f.id, "")}, ensure_ascii=False) + "\n")
        return len(facts)
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    table = with_reviewers(snapshot, snapshot.table() if fmt == "parquet" else flat_table(snapshot))
    with open_output(path, binary=True, protected=protected) as fh:
        if fmt == "parquet":
            pq.write_table(table, fh)
        else:
            pacsv.write_csv(table, fh)
    return table.num_rows


def to_pandas(snapshot: Snapshot, types=None):
    """Facts as a pandas DataFrame (needs the ``dataframes`` extra)."""
    try:
        return snapshot.table(types=types).to_pandas()
    except ImportError:
        raise ConfigError("pandas is not installed: pip install 'infraledger[dataframes]'") from None


def to_polars(snapshot: Snapshot, types=None):
    """Facts as a polars DataFrame (needs the ``dataframes`` extra)."""
    try:
        import polars as pl
    except ImportError:
        raise ConfigError("polars is not installed: pip install 'infraledger[dataframes]'") from None
    return pl.from_arrow(snapshot.table(types=types))


def to_duckdb(snapshot: Snapshot, con=None, name: str = "facts"):
    """Register the facts as a view ``name`` in a DuckDB connection (a new in-memory one by default)."""
    import duckdb

    con = con or duckdb.connect()
    con.register(name, snapshot.table())
    return con
