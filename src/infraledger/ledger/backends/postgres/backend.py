"""PostgreSQL backend (psycopg 3): a ledger many processes read and write at once.

Writers append in transactions; unique keys (a fact's id, a source's id, an entity version) make a
document appended by two writers at once land once. A ledger opened read-only reads in one
REPEATABLE READ transaction, so every query of a command sees the same committed state: a write
that lands meanwhile is seen whole by the next command, never half. The database itself keeps the
ledger append-only (see ``migrations/001_initial.sql``). Bulk inserts go through COPY.
"""

from __future__ import annotations

import io
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

#: A load of at least this many rows, and more than the table holds, rebuilds the table's secondary
#: indexes once after it instead of keeping them row by row.
BULK_ROWS = 100_000
#: Key of the advisory lock that lets one process at a time migrate a ledger database.
MIGRATION_LOCK = 0x1ED6E5


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


# An Arrow string list as a PostgreSQL array literal: {"a","b \"c\""} (backslashes and quotes escaped).
_ARRAY_LITERAL = (r"""CASE WHEN {c} IS NULL THEN NULL ELSE '{{' || array_to_string(list_transform({c}, lambda x: """
                  r"""'"' || replace(replace(x, '\', '\\'), '"', '\"') || '"'), ',') || '}}' END""")


def _json_shape(t: pa.DataType) -> str:
    """DuckDB's ``from_json`` structure of a list column: ["VARCHAR"] or [{"name": "VARCHAR", ...}]."""
    item = t.value_type
    if pa.types.is_struct(item):
        return "[{" + ", ".join(f'"{f.name}": "VARCHAR"' for f in item) + "}]"
    return '["VARCHAR"]'


def _copy_csv(rows: pa.Table) -> bytes:
    """``rows`` as the CSV COPY reads: struct lists as JSON, string lists as array literals.

    The conversion runs in an in-memory DuckDB, column-wise, rather than row by row in Python.
    """
    lists = [f.name for f in rows.schema if pa.types.is_list(f.type)]
    if lists:
        import duckdb

        exprs = [(f"CAST(to_json({n}) AS VARCHAR)" if pa.types.is_struct(rows.schema.field(n).type.value_type)
                  else _ARRAY_LITERAL.format(c=n)) + f" AS {n}" for n in lists]
        with duckdb.connect(":memory:") as con:
            con.register("_rows", rows)
            rows = con.sql(f"SELECT * REPLACE ({', '.join(exprs)}) FROM _rows").to_arrow_table()
    buffer = io.BytesIO()
    pacsv.write_csv(rows, buffer, pacsv.WriteOptions(include_header=False, quoting_style="all_valid"))
    return buffer.getvalue()


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
        """The rows as CSV from ``COPY (query) TO STDOUT``, parsed by Arrow; list columns travel as JSON.

        About ten times faster than fetching rows into Python for a million facts.
        """
        lists = {f.name for f in schema if pa.types.is_list(f.type)}
        columns = ", ".join(f"to_json({n})::text AS {n}" if n in lists else n for n in schema.names)
        buffer = io.BytesIO()
        with self.conn.cursor() as cur:
            with cur.copy(f"COPY (SELECT {columns} FROM ({self._sql(sql)}) q) TO STDOUT WITH (FORMAT csv)",
                          list(params)) as copy:
                for chunk in copy:
                    buffer.write(chunk)
        if not buffer.tell():
            return rows_to_table([], schema)
        buffer.seek(0)
        types = {f.name: pa.string() if f.name in lists else f.type for f in schema}
        table = pacsv.read_csv(buffer, pacsv.ReadOptions(column_names=schema.names),
                               convert_options=pacsv.ConvertOptions(column_types=types, null_values=[""],
                                                                    strings_can_be_null=True,
                                                                    quoted_strings_can_be_null=False))
        if lists:
            import duckdb

            parsed = [f"from_json({n}, '{_json_shape(schema.field(n).type)}') AS {n}" for n in lists]
            with duckdb.connect(":memory:") as con:
                con.register("_rows", table)
                table = con.sql(f"SELECT * REPLACE ({', '.join(parsed)}) FROM _rows").to_arrow_table()
        return table.select(schema.names).cast(schema)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self.conn.transaction():
                yield
        except psycopg.Error as exc:
            raise LedgerError(f"{self.location}: write failed, nothing was changed ({_first_line(exc)})") from None

    def insert(self, table: str, rows: pa.Table, unique: Sequence[str] = ()) -> int:
        """COPY straight into ``table``; where a row is already stored (``unique``), through a staging table.

        New rows, the common case, are copied in directly. When one of them is already there (a document
        appended again, or by another writer at the same moment), the copy is rolled back to its savepoint
        and the rows go through a temporary table and one INSERT that skips those already stored.
        """
        if not rows.num_rows:
            return 0
        names = ", ".join(rows.schema.names)
        if unique:  # rows in key order: concurrent writers take row locks in one order and never deadlock
            rows = rows.sort_by([(c, "ascending") for c in unique])
        data = _copy_csv(rows)
        with self.transaction():
            rebuild = self._set_indexes_aside(table, rows.num_rows)
            added = self._insert_copy(table, names, data, unique)
            for definition in rebuild:  # (a failed load rolls the dropped indexes back with it)
                self.conn.execute(definition)
            return added

    def _set_indexes_aside(self, table: str, incoming: int) -> list[str]:
        """Drop ``table``'s secondary indexes for a load larger than the table; return how to rebuild them.

        Building an index once over the loaded rows is several times faster than keeping it row by row
        (a first load of a million facts, a ``copy`` into a new ledger). Readers wait for such a load to
        land (the dropped index locks the table): they see the ledger before or after it, never half.
        """
        if incoming < BULK_ROWS:
            return []
        held = self.conn.execute("SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = %s::regclass",
                                 [table]).fetchone()[0]
        if incoming <= held:
            return []
        indexes = self.conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname "
            "JOIN pg_index x ON x.indexrelid = c.oid WHERE i.tablename = %s AND i.schemaname = current_schema() "
            "AND NOT x.indisunique", [table]).fetchall()
        for name, _definition in indexes:
            self.conn.execute(f'DROP INDEX "{name}"')
        return [definition for _name, definition in indexes]

    def _insert_copy(self, table: str, names: str, data: bytes, unique: Sequence[str]) -> int:
        if not unique:
            return self._copy(table, names, data)
        try:
            with self.conn.transaction():  # a savepoint
                return self._copy(table, names, data)
        except psycopg.errors.UniqueViolation:
            pass
        staging = f"_new_{table}"
        self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {staging} AS SELECT {names} FROM {table} WITH NO DATA")
        self.conn.execute(f"TRUNCATE {staging}")
        self._copy(staging, names, data)
        with self.conn.cursor() as cur:
            cur.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {staging} "
                        f"ORDER BY {', '.join(unique)} ON CONFLICT DO NOTHING")
            added = cur.rowcount
        self.conn.execute(f"TRUNCATE {staging}")
        return added

    def _copy(self, table: str, names: str, data: bytes) -> int:
        with self.conn.cursor() as cur:
            with cur.copy(f"COPY {table} ({names}) FROM STDIN WITH (FORMAT csv)") as copy:
                copy.write(data)
            return cur.rowcount

    def close(self) -> None:
        if not self.conn.closed:
            if not self.conn.autocommit:
                self.conn.rollback()
            self.conn.close()
