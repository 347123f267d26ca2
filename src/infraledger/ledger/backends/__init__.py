"""Ledger backends side by side, one folder each with the same file names; chosen by the ledger's address.

A path (or ``:memory:``) is a DuckDB file; ``postgresql://…`` (or ``postgres://…``) a PostgreSQL database.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from ...errors import ConfigError
from .base import Backend, Dialect

#: URL scheme -> module and class of its backend ("" for a file path).
BACKENDS = {
    "": ("duckdb", "DuckDBBackend"),
    "postgresql": ("postgres", "PostgresBackend"),
    "postgres": ("postgres", "PostgresBackend"),
}
#: The extra to install for a backend that needs more than the base install.
_EXTRAS = {"postgres": "postgres"}


def scheme_of(address: str | Path) -> str:
    """The URL scheme of a ledger address, or "" for a file path."""
    text = str(address)
    head, sep, _ = text.partition("://")
    return head.lower() if sep and head.isalpha() else ""


def backend_class(address: str | Path) -> type[Backend]:
    """The backend class for ``address``; ConfigError for an unknown scheme or a missing extra."""
    scheme = scheme_of(address)
    if scheme not in BACKENDS:
        raise ConfigError(f"unknown ledger address scheme '{scheme}://' (use a file path or postgresql://)")
    module, name = BACKENDS[scheme]
    try:
        return getattr(import_module(f"{__name__}.{module}"), name)
    except ModuleNotFoundError as exc:
        if module in _EXTRAS and exc.name and not exc.name.startswith(__name__):
            raise ConfigError(f"the {module} ledger backend needs: pip install 'infraledger[{_EXTRAS[module]}]'") from None
        raise


def open_backend(address: str | Path, *, read_only: bool = False, wait: float = 0.0) -> Backend:
    return backend_class(address)(address if scheme_of(address) else str(address), read_only=read_only, wait=wait)


__all__ = ["BACKENDS", "Backend", "Dialect", "backend_class", "open_backend", "scheme_of"]
