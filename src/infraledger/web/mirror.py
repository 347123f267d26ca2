"""The server's read copy of the ledger: every row in an in-memory DuckDB, refreshed when the ledger changes.

Reads never touch the ledger itself. The server copies the ledger's append-only tables into memory
once, answers every page and API call from that copy through the same :class:`SqlSnapshot` SQL the
CLI uses, and copies again when the ledger's revision changes (a write by the server or by anyone
else). Three things follow: a DuckDB ledger file is opened only for the moment of a copy or a write,
so the CLI keeps working beside a running server; a PostgreSQL ledger is read at DuckDB's speed; and
each request thread reads through its own cursor, so requests run side by side.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from ..ledger import Ledger
from ..ledger.backends.base import Backend
from ..ledger.backends.duckdb.backend import DuckDBBackend
from ..ledger.copy import TABLES, read_table
from ..ledger.snapshot import SqlSnapshot
from ..ledger.store import as_record_time

#: Seconds between two looks at whether the ledger changed.
CHECK_EVERY = 1.0


class _CursorBackend(Backend):
    """A read-only view of the mirror through one DuckDB cursor (one per request thread)."""

    schemes = ()

    def __init__(self, mirror: DuckDBBackend, cursor: duckdb.DuckDBPyConnection) -> None:
        self.dialect = mirror.dialect
        self.location = mirror.location
        self.read_only = True
        self.schema_version = mirror.schema_version
        self.con = cursor

    def query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()

    def arrow(self, sql: str, params: Sequence, schema: pa.Schema) -> pa.Table:
        table = self.con.sql(sql, params=list(params)).to_arrow_table()
        return table if table.schema == schema else table.cast(schema)

    @contextmanager
    def transaction(self):  # pragma: no cover - the mirror is never written through a cursor
        raise RuntimeError("the server's read copy is read-only")
        yield

    def insert(self, table: str, rows: pa.Table, unique: Sequence[str] = ()) -> int:  # pragma: no cover
        raise RuntimeError("the server's read copy is read-only")

    def close(self) -> None:
        self.con.close()


@dataclass
class Copy:
    """One in-memory copy of the ledger, and what was derived from it (cached per as-of time)."""

    backend: DuckDBBackend
    revision: tuple
    built_at: float
    seconds: float
    derived: OrderedDict = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    pending: dict = field(default_factory=dict)

    def cursor(self) -> _CursorBackend:
        return _CursorBackend(self.backend, self.backend.con.cursor())

    def snapshot(self, as_of: datetime | str | None = None) -> SqlSnapshot:
        """A snapshot read through a cursor of its own, with the name resolver of its time shared."""
        snap = SqlSnapshot(self.cursor(), as_record_time(as_of))
        snap._resolver = self.cached(("resolver", snap.as_of), snap.resolver)
        return snap

    def cached(self, key: tuple, make: Callable[[], object], keep: int = 64):
        """``make()``'s value for ``key``, computed once per copy (the copy is never written).

        Requests that want a value being computed wait for it rather than compute it again.
        """
        with self.lock:
            if key in self.derived:
                self.derived.move_to_end(key)
                return self.derived[key]
            pending = self.pending.setdefault(key, threading.Lock())
        with pending:
            with self.lock:
                if key in self.derived:
                    return self.derived[key]
            value = make()
            with self.lock:
                self.derived[key] = value
                self.pending.pop(key, None)
                while len(self.derived) > keep:
                    self.derived.popitem(last=False)
        return value


def ledger_revision(address: str, open_ledger: Callable[[], Ledger]) -> tuple:
    """Something that changes whenever the ledger at ``address`` is written.

    A DuckDB file is judged by the file and its write-ahead log (size and modification time), so
    looking costs no lock; a database by its tables' row counts and latest record times.
    """
    path = Path(address).expanduser()
    if address != ":memory:" and "://" not in address:
        marks = []
        for p in (path, path.with_name(path.name + ".wal")):
            try:
                st = os.stat(p)
                marks.append((st.st_size, st.st_mtime_ns))
            except FileNotFoundError:
                marks.append(None)
        return tuple(marks)
    with open_ledger() as ledger:
        return revision_of(ledger.backend)


def revision_of(backend: Backend) -> tuple:
    tables = [name for name, _schema, _order in TABLES]
    sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {t}), (SELECT max(recorded_at) FROM {t})" for t in tables)
    return tuple(backend.query(sql)[0])


class Mirror:
    """The current :class:`Copy` of a ledger, replaced by a fresh one when the ledger changes.

    ``open_ledger(read_only)`` opens the ledger (and is closed again at once after each use).
    """

    def __init__(self, address: str, open_ledger: Callable[[bool], Ledger], *,
                 on_copy: Callable[[Copy], None] | None = None) -> None:
        self.address = address
        self._open = open_ledger
        self._lock = threading.Lock()
        self._current: Copy | None = None
        self._checked = 0.0
        self._on_copy = on_copy

    def current(self) -> Copy:
        """The copy to read: rebuilt first if the ledger changed since it was made (checked once a second)."""
        now = time.monotonic()
        copy = self._current
        if copy is not None and now - self._checked < CHECK_EVERY:
            return copy
        with self._lock:
            copy = self._current
            if copy is not None and time.monotonic() - self._checked < CHECK_EVERY:
                return copy
            revision = ledger_revision(self.address, lambda: self._open(True))
            if copy is None or revision != copy.revision:
                copy = self._build(revision)
                self._current = copy
            self._checked = time.monotonic()
            return copy

    def invalidate(self) -> None:
        """Look at the ledger again on the next read (after a write by this server)."""
        self._checked = 0.0

    def _build(self, revision: tuple) -> Copy:
        started = time.perf_counter()
        target = DuckDBBackend(":memory:")
        with self._open(True) as ledger:
            # The revision is read again inside: a write between the look and the copy is then copied too.
            if "://" in self.address:
                revision = revision_of(ledger.backend)
            for name, schema, order in TABLES:
                target.insert(name, read_table(ledger, name, schema, order))
        target.con.execute("CREATE INDEX facts_event ON facts (event_key)")
        target.con.execute("CREATE INDEX facts_source ON facts (source_id)")
        target.read_only = True
        copy = Copy(target, revision, time.time(), time.perf_counter() - started)
        if self._on_copy:
            self._on_copy(copy)
        return copy
