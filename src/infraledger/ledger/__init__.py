"""The ledger: an append-only, bitemporal store of sourced facts.

``open_ledger(path)`` opens (and creates or migrates) a ledger; ``:memory:`` gives a throwaway one.
"""

from __future__ import annotations

from pathlib import Path

from .store import AppendResult, Conflict, EventState, LedgerStore, Page, Snapshot, as_record_time


def open_ledger(path: str | Path = ":memory:", *, read_only: bool = False, wait: float | None = None) -> LedgerStore:
    """Open the ledger at ``path``; a ``postgresql://`` URL would select the PostgreSQL backend.

    While another process holds the ledger, opening waits and retries for up to ``wait`` seconds
    (default: the ``wait`` setting's default) and then raises :class:`~infraledger.errors.LedgerLockedError`
    naming that process. Open for writing only to append what has already been read, and close soon:
    a reader or writer elsewhere waits for as long as the ledger stays open.
    """
    if str(path).startswith(("postgres://", "postgresql://")):
        from ..errors import ConfigError
        raise ConfigError("the PostgreSQL ledger backend is not available in this release")
    from ..config import default_of
    from .duckdb import DuckDBStore

    return DuckDBStore(path, read_only=read_only, wait=default_of("wait") if wait is None else wait)


__all__ = ["AppendResult", "Conflict", "EventState", "LedgerStore", "Page", "Snapshot", "as_record_time", "open_ledger"]
