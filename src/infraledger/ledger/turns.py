"""Long writes in turns: a writer with many batches lets readers and other writers in between them.

DuckDB gives the ledger file to one writing process, or to readers, at a time. A command that appends
thousands of filings one transaction each would keep everyone else out for its whole run; written in
turns, it holds the file for about ``hold`` seconds, closes it, leaves a short gap in which a waiting
process (which retries every :data:`~infraledger.ledger.backends.duckdb.backend.LONGEST_PAUSE` seconds at most)
can open it, and opens it again when its turn comes back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from .store import LedgerStore

T = TypeVar("T")

#: Seconds a writer keeps the ledger before giving others a turn, and the gap it leaves them.
HOLD, GAP = 2.0, 0.3


def in_turns(open_store: Callable[[], LedgerStore], items: Iterable[T], *, hold: float = HOLD,
             gap: float = GAP) -> Iterator[tuple[LedgerStore, T]]:
    """Yield ``(store, item)`` for every item, reopening the store with ``open_store`` between turns."""
    store: LedgerStore | None = None
    since = 0.0
    try:
        for item in items:
            if store is not None and time.monotonic() - since >= hold:
                store.close()
                store = None
                time.sleep(gap)
            if store is None:
                store = open_store()
                since = time.monotonic()
            yield store, item
    finally:
        if store is not None:
            store.close()
