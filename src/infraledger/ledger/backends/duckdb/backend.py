"""DuckDB backend: the ledger's tables in one DuckDB file, or in memory for ``:memory:``.

DuckDB locks the file for the process that opens it: one process that reads and writes, or any number
of processes that only read (https://duckdb.org/docs/current/connect/concurrency). So a writer opens the
ledger only to append a batch it has already read and extracted, and a reader (a command, a web request)
opens it only for the queries it runs; each closes it at once. Opening waits and retries for up to
``wait`` seconds while another process holds the file, then raises :class:`LedgerLockedError` naming
that process. No reader waits for a writer's whole run, only for the batch being written.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from ....errors import InputError, LedgerError, LedgerLockedError
from ...migrations import current_version, migrate
from ..base import Backend
from .dialect import DUCKDB

# DuckDB's lock error names the holder: 'Conflicting lock is held in /usr/bin/python3 (PID 8122) by user x'.
_HOLDER = re.compile(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")
#: Seconds between attempts to open a locked ledger: growing from the first to the longest.
FIRST_PAUSE, LONGEST_PAUSE = 0.02, 0.2


def _connect(path: str, read_only: bool, wait: float):
    """Open the DuckDB file, retrying with growing pauses for up to ``wait`` seconds while it is locked."""
    deadline = time.monotonic() + max(wait, 0.0)
    pause = FIRST_PAUSE
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" not in message.lower():
                raise LedgerError(f"{path}: cannot open ledger ({message.splitlines()[0]})") from None
            left = deadline - time.monotonic()
            if left <= 0:
                raise LedgerLockedError(_locked_message(path, message, wait)) from None
            time.sleep(min(pause, left))
            pause = min(pause * 2, LONGEST_PAUSE)
        except duckdb.Error as exc:
            raise LedgerError(f"{path}: not a ledger file ({str(exc).splitlines()[0]})") from None


def _locked_message(path: str, message: str, wait: float) -> str:
    holder = _HOLDER.search(message)
    who = f" (PID {holder['pid']}, {holder['program']})" if holder else ""
    waited = f"; gave up after waiting {wait:g} s (--wait)" if wait > 0 else ""
    return f"{path}: ledger is in use by another process{who}{waited}"


class DuckDBBackend(Backend):
    """A ledger's tables in one DuckDB file (or in memory)."""

    schemes = ("",)
    dialect = DUCKDB

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False, wait: float = 0.0) -> None:
        self.location = str(path)
        if self.location != ":memory:":
            parent = Path(self.location).expanduser().resolve().parent
            if not parent.is_dir():
                raise InputError(f"folder does not exist: {parent}", source=self.location)
            if read_only and not Path(self.location).exists():
                raise InputError("no ledger here; run 'infraledger init' or 'infraledger load' first",
                                 source=self.location)
        self.con = _connect(self.location, read_only, wait)
        self.read_only = read_only
        self._depth = 0
        try:
            self.schema_version = current_version(self) if read_only else migrate(self, __package__)
        except duckdb.Error as exc:
            self.con.close()
            raise LedgerError(f"{self.location}: cannot prepare ledger ({str(exc).splitlines()[0]})") from None

    def query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()

    def arrow(self, sql: str, params: Sequence, schema: pa.Schema) -> pa.Table:
        table = self.con.sql(sql, params=list(params)).to_arrow_table()
        return table if table.schema == schema else table.cast(schema)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:  # already inside one: part of it
            yield
            return
        self.con.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException as exc:
            self.con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise LedgerError(f"{self.location}: write failed, nothing was changed "
                                  f"({str(exc).splitlines()[0]})") from None
            raise
        finally:
            self._depth = 0

    def insert(self, table: str, rows: pa.Table, unique: Sequence[str] = ()) -> int:
        """One columnar insert: DuckDB's executemany costs a round trip per row."""
        if not rows.num_rows:
            return 0
        names = ", ".join(rows.schema.names)
        skip = ""
        if unique:
            same = " AND ".join(f"t.{c} IS NOT DISTINCT FROM n.{c}" for c in unique)
            skip = f" WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {same})"
        self.con.register("_new_rows", rows)
        try:
            return self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _new_rows n{skip}").fetchall()[0][0]
        finally:
            self.con.unregister("_new_rows")

    def close(self) -> None:
        self.con.close()
