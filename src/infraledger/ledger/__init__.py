"""The ledger: an append-only, bitemporal store of sourced facts.

``open_ledger(address)`` opens (and creates or migrates) a ledger: a DuckDB file path, ``:memory:``
for a throwaway one, or a ``postgresql://`` URL for a shared one. The ledger's meaning lives in
:mod:`.service` and :mod:`.snapshot`; :mod:`.backends` only store rows. People's reviews of facts are
:mod:`.review` (and :mod:`.agreement`), the web service's access tokens :mod:`.tokens`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from .review import Review, ReviewAction
    from .service import Ledger
    from .store import AppendResult, Conflict, EventState, LedgerStore, Page, Snapshot, as_record_time

# Read from their submodules when first used: importing one light submodule (say .turns) does not
# import the store, its schema and the backends.
__getattr__, __dir__ = lazy_exports(__name__, {
    "Review": ".review", "ReviewAction": ".review", "Ledger": ".service",
    **dict.fromkeys(["AppendResult", "Conflict", "EventState", "LedgerStore", "Page", "Snapshot", "as_record_time"],
                    ".store"),
}, globals())


def open_ledger(path: str | Path = ":memory:", *, read_only: bool = False, wait: float | None = None) -> Ledger:
    """Open the ledger at ``path`` (a file path, ``:memory:`` or a ``postgresql://`` URL).

    While another process holds a DuckDB ledger, opening waits and retries for up to ``wait`` seconds
    (default: the ``wait`` setting's default) and then raises :class:`~infraledger.errors.LedgerLockedError`
    naming that process. Open for writing only to append what has already been read, and close soon:
    a reader or writer elsewhere waits for as long as a DuckDB ledger stays open.
    """
    from ..config import default_of
    from .backends import open_backend
    from .service import Ledger

    return Ledger(open_backend(path, read_only=read_only, wait=default_of("wait") if wait is None else wait))


__all__ = ["AppendResult", "Conflict", "EventState", "Ledger", "LedgerStore", "Page", "Review", "ReviewAction",
           "Snapshot", "as_record_time", "open_ledger"]
