"""Versioned schema migrations, shipped by each backend as numbered SQL files in its ``migrations`` folder."""

from __future__ import annotations

import re
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import SchemaVersionError

if TYPE_CHECKING:  # pragma: no cover
    from .backends.base import Backend


def available(package: str) -> list[tuple[int, str]]:
    """``(version, sql)`` of every migration shipped in ``package``'s ``migrations`` folder, in order."""
    out = []
    for entry in resources.files(package).joinpath("migrations").iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            out.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(out)


def statements(sql: str) -> list[str]:
    """SQL statements of a migration file, with ``--`` comments removed.

    Statements end with ``;`` at the end of a line; a function body between ``$$`` marks may hold more.
    """
    code = "\n".join(line.split("--", 1)[0].rstrip() for line in sql.splitlines())
    out, current, quoted = [], [], False
    for line in code.splitlines():
        current.append(line)
        quoted ^= line.count("$$") % 2 == 1
        if not quoted and line.endswith(";"):
            out.append("\n".join(current).strip().rstrip(";").strip())
            current = []
    rest = "\n".join(current).strip()
    return [s for s in [*out, rest] if s]


def current_version(backend: "Backend") -> int:
    return backend.query("SELECT max(version) FROM schema_version")[0][0] or 0


def migrate(backend: "Backend", package: str) -> int:
    """Apply the migrations ``backend`` lacks (one transaction each); return its schema version.

    Raises SchemaVersionError when the database was written by a newer release.
    """
    backend.query("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    current = current_version(backend)
    shipped = available(package)
    latest = shipped[-1][0] if shipped else 0
    if current > latest:
        raise SchemaVersionError(f"ledger schema version {current} is newer than this release knows ({latest}); upgrade infraledger")
    for version, sql in shipped:
        if version <= current:
            continue
        with backend.transaction():
            if current_version(backend) >= version:  # another process applied it meanwhile
                current = version
                continue
            for statement in statements(sql):
                backend.query(statement)
            backend.query("INSERT INTO schema_version VALUES (?, now())", [version])
        current = version
    return current
