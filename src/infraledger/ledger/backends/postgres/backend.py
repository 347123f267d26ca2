"""PostgreSQL backend (psycopg 3): a ledger many processes read and write at once.

Writers append in transactions; unique keys (a fact's id, a source's id, an entity version) make a
document appended by two writers at once land once. A ledger opened read-only reads in one
REPEATABLE READ transaction, so every query of a command sees the same committed state: a write
that lands meanwhile is seen whole by the next command, never half. The database itself keeps the
ledger append-only (see ``migrations/001_initial.sql``). Bulk inserts go through COPY.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import quote

import pyarrow as pa
import pyarrow.csv as pacsv

from ....errors import LedgerError
from ...arrow_schema import rows_to_table
from ...migrations import current_version, migrate
from ..base import Backend
from .dialect import POSTGRES

try:
    import psycopg
    from psycopg import conninfo
except ModuleNotFoundError as exc:  # pragma: no cover - the extra is missing
    raise ModuleNotFoundError("psycopg is needed for the PostgreSQL backend", name="psycopg") from exc

#: Key of the advisory lock that lets one process at a time migrate a ledger database.
MIGRATION_LOCK = 0x1ED6E5
#: Rows fetched per round trip when reading a large result into Arrow.
FETCH_ROWS = 50_000


def public_location(url: str) -> str:
    """The URL without its password (for messages)."""
    try:
        parts = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://(unreadable address)"
    user = f"{quote(str(parts['user']))}@" if parts.get("user") else ""
    host = parts.get("host") or ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{host}{port}/{parts.get('dbname') or ''}"


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _array_literal(values: list | None) -> str | None:
    """A PostgreSQL array literal of strings, for COPY."""
    if values is None:
        return None
    quoted = ('"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"' if v is not None else "NULL" for v in values)
    return "{" + ",".join(quoted) + "}"


def _copy_ready(rows: pa.Table) -> pa.Table:
    """``rows`` with list columns as text COPY reads: struct lists as JSON, string lists as arrays."""
    for i, field in enumerate(rows.schema):
        if not pa.types.is_list(field.type):
            continue
        values = rows.column(i).to_pylist()
        if pa.types.is_struct(field.type.value_type):
            text = [None if v is None else json.dumps(v, separators=(",", ":")) for v in values]
        else:
            text = [_array_literal(v) for v in values]
        rows = rows.set_column(i, field.name, pa.array(text, pa.string()))
    return rows


class PostgresBackend(Backend):
    """A ledger's tables in one PostgreSQL database."""

    schemes = ("postgresql", "postgres")
    dialect = POSTGRES

    def __init__(self, url: str, *, read_only: bool = False, wait: float = 0.0) -> None:
        self.location = public_location(url)
        self.read_only = read_only
        timeout = max(int(wait), 2)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=timeout)
        except psycopg.Error as exc:
            raise LedgerError(f"{self.location}: cannot connect to the ledger database ({_first_line(exc)})") from None
        except Exception as exc:  # a malformed address
            raise LedgerError(f"{self.location}: not a usable PostgreSQL address ({_first_line(exc)})") from None
        try:
            self.conn.execute(f"SET lock_timeout = '{timeout}s'")
            if read_only:
                self.schema_version = current_version(self)
                # One snapshot for the whole command: every query sees the same committed ledger.
                self.conn.autocommit = False
                self.conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
                self.conn.read_only = True
            else:
                self.conn.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
                try:
                    self.schema_version = migrate(self, __package__)
                finally:
                    self.conn.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])
        except psycopg.Error as exc:
            self.conn.close()
            raise LedgerError(f"{self.location}: cannot prepare ledger ({_first_line(exc)})") from None
        except BaseException:
            self.conn.close()
            raise

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            cur = self.conn.execute(self._sql(sql), list(params))
        except psycopg.Error as exc:
            raise LedgerError(f"{self.location}: query failed ({_first_line(exc)})") from exc
        return cur.fetchall() if cur.description else []

    def arrow(self, sql: str, params: Sequence, schema: pa.Schema) -> pa.Table:
        batches = []
        with self.conn.cursor(name="infraledger_read") if not self.conn.autocommit else self.conn.cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            while rows := cur.fetchmany(FETCH_ROWS):
                batches.append(rows_to_table(rows, schema))
        return pa.concat_tables(batches) if batches else rows_to_table([], schema)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self.conn.transaction():
                yield
        except psycopg.Error as exc:
            raise LedgerError(f"{self.location}: write failed, nothing was changed ({_first_line(exc)})") from None

    def insert(self, table: str, rows: pa.Table, unique: Sequence[str] = ()) -> int:
        """COPY into a temporary table, then one INSERT that skips rows already stored (``unique``)."""
        if not rows.num_rows:
            return 0
        names = ", ".join(rows.schema.names)
        buffer = io.BytesIO()
        pacsv.write_csv(_copy_ready(rows), buffer,
                        pacsv.WriteOptions(include_header=False, quoting_style="all_valid"))
        staging = f"_new_{table}"
        with self.transaction():
            self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {staging} AS SELECT {names} FROM {table} WITH NO DATA")
            self.conn.execute(f"TRUNCATE {staging}")
            with self.conn.cursor() as cur:
                with cur.copy(f"COPY {staging} ({names}) FROM STDIN WITH (FORMAT csv)") as copy:
                    copy.write(buffer.getvalue())
                # Rows go in by their unique key, so concurrent writers take row locks in one order (no deadlock).
                order = f" ORDER BY {', '.join(unique)}" if unique else ""
                skip = " ON CONFLICT DO NOTHING" if unique else ""
                cur.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {staging}{order}{skip}")
                added = cur.rowcount
            self.conn.execute(f"TRUNCATE {staging}")
        return added

    def close(self) -> None:
        if not self.conn.closed:
            if not self.conn.autocommit:
                self.conn.rollback()
            self.conn.close()
