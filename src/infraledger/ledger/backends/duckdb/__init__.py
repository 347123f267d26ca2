"""The embedded DuckDB ledger backend: one file (or memory), no server."""

from .backend import DuckDBBackend

__all__ = ["DuckDBBackend"]
