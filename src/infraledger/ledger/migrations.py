"""Versioned schema migrations, shipped as numbered SQL files in ``ledger/migrations``."""

from __future__ import annotations

import re
from importlib import resources

from ..errors import SchemaVersionError


def available() -> list[tuple[int, str]]:
    """``(version, sql)`` of every shipped migration, in order."""
    out = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            out.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(out)


def _statements(sql: str) -> list[str]:
    """SQL statements of a migration file, with ``--`` comments removed (files hold no string with ';' or '--')."""
    code = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return [s.strip() for s in code.split(";") if s.strip()]


def migrate(con) -> int:
    """Apply the migrations a database lacks (one transaction each); return its schema version.

    ``con`` is a DB-API style connection with ``execute``. Raises SchemaVersionError when the
    database was written by a newer release.
    """
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    row = con.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    current = row[0] or 0
    shipped = available()
    latest = shipped[-1][0] if shipped else 0
    if current > latest:
        raise SchemaVersionError(f"ledger schema version {current} is newer than this release knows ({latest}); upgrade infraledger")
    for version, sql in shipped:
        if version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in _statements(sql):
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        current = version
    return current
