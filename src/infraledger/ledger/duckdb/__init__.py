"""The embedded DuckDB ledger backend (one file, no server)."""

from .store import DuckDBStore

__all__ = ["DuckDBStore"]
