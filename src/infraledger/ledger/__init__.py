"""The ledger: an append-only, bitemporal store of sourced facts.

``open_ledger(path)`` opens (and creates or migrates) a ledger; ``:memory:`` gives a throwaway one.
"""

from __future__ import annotations

from pathlib import Path

from .store import AppendResult, Conflict, EventState, LedgerStore, Snapshot, as_record_time


def open_ledger(path: str | Path = ":memory:", *, read_only: bool = False) -> LedgerStore:
    """Open the ledger at ``path``; a ``postgresql://`` URL would select the PostgreSQL backend."""
    if str(path).startswith(("postgres://", "postgresql://")):
        from ..errors import ConfigError
        raise ConfigError("the PostgreSQL ledger backend is not available in this release")
    from .duckdb import DuckDBStore

    return DuckDBStore(path, read_only=read_only)


__all__ = ["AppendResult", "Conflict", "EventState", "LedgerStore", "Snapshot", "as_record_time", "open_ledger"]
