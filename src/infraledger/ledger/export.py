"""Exports of a ledger snapshot: CSV, Parquet, JSON files, and pandas / polars / DuckDB objects."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..errors import ConfigError, InputError
from .store import Snapshot

FORMATS = ("csv", "parquet", "json")


def flat_table(snapshot: Snapshot, types=None) -> pa.Table:
    """Visible facts as an Arrow table with nested columns flattened to JSON text (CSV-friendly)."""
    table = snapshot.table(types=types)
    for name in ("counterparties", "people"):
        idx = table.schema.get_field_index(name)
        values = [json.dumps(v) if v else None for v in table.column(name).to_pylist()]
        table = table.set_column(idx, name, pa.array(values, pa.string()))
    return table


def export(snapshot: Snapshot, path: str | Path, fmt: str) -> int:
    """Write the snapshot's facts to ``path`` as ``fmt``; returns the number of facts written.

    The file is written to a temporary name and renamed, so a failed export leaves no half file.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})")
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError("folder does not exist", source=str(path.parent))
    tmp = path.with_name(path.name + ".partial")
    try:
        if fmt == "parquet":
            table = snapshot.table()
            pq.write_table(table, tmp)
        elif fmt == "csv":
            table = flat_table(snapshot)
            pacsv.write_csv(table, tmp)
        else:
            facts = snapshot.facts()
            with open(tmp, "w", encoding="utf-8") as fh:
                for f in facts:
                    fh.write(json.dumps(f.to_json(), ensure_ascii=False) + "\n")
            tmp.replace(path)
            return len(facts)
        tmp.replace(path)
        return table.num_rows
    finally:
        if tmp.exists():
            tmp.unlink()


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
