"""DuckDB implementation of the ledger store.

One file holds the whole ledger; ``:memory:`` gives a throwaway one. DuckDB lets one process write
a file at a time: a second writer gets :class:`LedgerLockedError` instead of a traceback.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

import duckdb
import pyarrow as pa

from ...errors import InputError, LedgerError, LedgerLockedError
from ...model import CandidateFact, Entity, EntityKind, Fact, Role, Source
from ...resolve import Resolver
from ..arrow_schema import ENTITY_SCHEMA, FACT_SCHEMA, SOURCE_SCHEMA, rows_to_table
from ..migrations import migrate
from ..rows import SOURCE_COLUMNS, entity_row, entity_version, fact_row, placeholders, source_row
from ..store import AppendResult, LedgerStore, as_record_time
from .snapshot import DuckDBSnapshot

_INVESTOR_ROLES = {Role.LEAD_INVESTOR, Role.INVESTOR}


def utcnow() -> datetime:
    """Record time: naive UTC, microsecond precision (what DuckDB TIMESTAMP stores)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class DuckDBStore(LedgerStore):
    """A ledger in one DuckDB file (or in memory)."""

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise InputError(f"folder does not exist: {parent}", source=self.path)
            if read_only and not Path(self.path).exists():
                raise InputError("no ledger here; run 'infraledger init' or 'infraledger load' first", source=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise LedgerLockedError(f"{self.path}: ledger is in use by another process") from None
            raise LedgerError(f"{self.path}: cannot open ledger ({str(exc).splitlines()[0]})") from None
        except duckdb.Error as exc:
            raise LedgerError(f"{self.path}: not a ledger file ({str(exc).splitlines()[0]})") from None
        self.read_only = read_only
        if not read_only:
            try:
                self.schema_version = migrate(self.con)
            except duckdb.Error as exc:
                raise LedgerError(f"{self.path}: cannot prepare ledger ({str(exc).splitlines()[0]})") from None
        else:
            self.schema_version = self.con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0]

    # -- reads ------------------------------------------------------------------------------
    def snapshot(self, as_of: date | datetime | str | None = None) -> DuckDBSnapshot:
        return DuckDBSnapshot(self.con, as_record_time(as_of))

    def resolutions(self) -> list[dict]:
        cur = self.con.execute("SELECT name, entity_id, method, score, action, source_id, recorded_at "
                               "FROM resolutions ORDER BY recorded_at, rowid")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    # -- writes -----------------------------------------------------------------------------
    def append(self, source: Source, facts: Sequence[CandidateFact], entities: Sequence[Entity] = (), *,
               resolver: Resolver | None = None, recorded_at: datetime | None = None,
               supersedes: dict[int, str] | None = None) -> AppendResult:
        return self._transaction(lambda r: [self._append_one(source, facts, entities, r, recorded_at, supersedes)],
                                 resolver)[0]

    def append_many(self, batches: Iterable[tuple[Source, Sequence[CandidateFact], Sequence[Entity]]], *,
                    resolver: Resolver | None = None, recorded_at: datetime | None = None) -> list[AppendResult]:
        batches = list(batches)
        return self._transaction(lambda r: [self._append_one(s, f, e, r, recorded_at, None) for s, f, e in batches],
                                 resolver)

    def append_arrow(self, sources: pa.Table, facts: pa.Table) -> int:
        if facts.schema != FACT_SCHEMA:
            facts = facts.select(list(FACT_SCHEMA.names)).cast(FACT_SCHEMA)
        if sources.schema != SOURCE_SCHEMA:
            sources = sources.select(list(SOURCE_SCHEMA.names)).cast(SOURCE_SCHEMA)

        def work(_resolver: Resolver) -> list[int]:
            self.con.register("_new_sources", sources)
            self.con.register("_new_facts", facts)
            try:
                self.con.execute("INSERT INTO sources SELECT * FROM _new_sources n "
                                 "WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = n.id)").fetchall()
                inserted = self.con.execute("INSERT INTO facts SELECT * FROM _new_facts n "
                                            "WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.id = n.id)").fetchall()[0]
                return [inserted[0]]
            finally:
                self.con.unregister("_new_sources")
                self.con.unregister("_new_facts")

        return self._transaction(work, Resolver())[0]

    def record_resolution(self, name: str, entity_id: str, method: str, score: float | None,
                          action: str = "merge", source_id: str | None = None) -> None:
        if action not in ("merge", "undo"):
            raise InputError(f"resolution action must be 'merge' or 'undo', got {action!r}")
        self.con.execute("INSERT INTO resolutions VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [name, entity_id, method, score, action, source_id, utcnow()]).fetchall()

    def close(self) -> None:
        self.con.close()

    # -- internals --------------------------------------------------------------------------
    def _transaction(self, work, resolver: Resolver | None):
        if self.read_only:
            raise LedgerError(f"{self.path}: ledger opened read-only")
        # Recorded decisions go to the resolver so that an undone merge is not made again.
        resolver = resolver or Resolver(self.snapshot().entities(), decisions=self.resolutions())
        self.con.execute("BEGIN TRANSACTION")
        try:
            out = work(resolver)
            self.con.execute("COMMIT")
            return out
        except BaseException as exc:
            self.con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise LedgerError(f"{self.path}: write failed, nothing was changed ({str(exc).splitlines()[0]})") from None
            raise

    def _latest_entity_versions(self, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, arg_max(version, recorded_at) FROM entities WHERE id IN (SELECT unnest(?)) GROUP BY id",
            [ids]).fetchall()
        return dict(rows)

    def _write_entities(self, entities: Iterable[Entity], recorded_at: datetime) -> int:
        by_id = {e.id: e for e in entities}
        latest = self._latest_entity_versions(list(by_id))
        rows = [entity_row(e, recorded_at) for e in by_id.values() if latest.get(e.id) != entity_version(e)]
        if rows:
            # One columnar insert: DuckDB's executemany costs a round trip per row.
            self.con.register("_new_entities", rows_to_table(rows, ENTITY_SCHEMA))
            try:
                self.con.execute("INSERT INTO entities SELECT * FROM _new_entities").fetchall()
            finally:
                self.con.unregister("_new_entities")
        return len(rows)

    def _append_one(self, source: Source, candidates: Sequence[CandidateFact], entities: Sequence[Entity],
                    resolver: Resolver, recorded_at: datetime | None,
                    supersedes: dict[int, str] | None) -> AppendResult:
        rec = recorded_at or source.recorded_at or utcnow()
        touched: dict[str, Entity] = {}
        decisions: dict[str, tuple[str, str, float | None]] = {}
        redirect: dict[str, str] = {}  # incoming entity id -> the known entity it was folded into
        for e in entities:
            kept = resolver.adopt(e)
            if kept.id != e.id:
                redirect[e.id] = kept.id
                decisions[e.name] = (kept.id, "same-entity", None)
            resolver.add(kept)
            touched[kept.id] = kept

        def resolve(name: str, entity_id: str | None, kind: EntityKind) -> str:
            if entity_id:
                return redirect.get(entity_id, entity_id)
            r = resolver.resolve(name, kind=kind)
            if r.created:
                touched[r.entity.id] = r.entity
            if r.method not in ("id", "name", "new"):
                decisions[name] = (r.entity.id, r.method, r.score)
            return r.entity.id

        facts: list[Fact] = []
        for i, c in enumerate(candidates):
            subject_id = resolve(c.subject, c.subject_id, EntityKind.COMPANY)
            ids = [resolve(p.name, p.entity_id,
                           EntityKind.INVESTOR if p.role in _INVESTOR_ROLES and c.type.value == "funding_round"
                           else EntityKind.EXCHANGE if p.role is Role.EXCHANGE else EntityKind.COMPANY)
                   for p in c.counterparties]
            sup = (supersedes or {}).get(i)
            facts.append(Fact.from_candidate(c.with_ids(subject_id, ids), source_id=source.id, recorded_at=rec,
                                             supersedes=sup))

        entities_added = self._write_entities(touched.values(), rec)
        source_added = not self.con.execute("SELECT 1 FROM sources WHERE id = ?", [source.id]).fetchall()
        if source_added:
            self.con.execute(f"INSERT INTO sources ({', '.join(SOURCE_COLUMNS)}) VALUES ({placeholders(len(SOURCE_COLUMNS))})",
                             source_row(source, rec)).fetchall()
        unique = list({f.id: f for f in facts}.values())
        existing = set()
        if unique:
            existing = {r[0] for r in self.con.execute(
                "SELECT id FROM facts WHERE id IN (SELECT unnest(?))", [[f.id for f in unique]]).fetchall()}
        new = [f for f in unique if f.id not in existing]
        if new:
            table = rows_to_table([fact_row(f) for f in new], FACT_SCHEMA)
            self.con.register("_append_facts", table)
            try:
                self.con.execute("INSERT INTO facts SELECT * FROM _append_facts").fetchall()
            finally:
                self.con.unregister("_append_facts")
        # A decision this source already led to is not recorded again (re-reading a file adds nothing).
        for name, (eid, method, score) in decisions.items():
            self.con.execute("INSERT INTO resolutions SELECT ?, ?, ?, ?, 'merge', ?, ? WHERE NOT EXISTS ("
                             "SELECT 1 FROM resolutions WHERE name = ? AND entity_id = ? AND source_id = ? "
                             "AND action = 'merge')",
                             [name, eid, method, score, source.id, rec, name, eid, source.id]).fetchall()
        return AppendResult(source_id=source.id, facts_added=len(new), facts_skipped=len(facts) - len(new),
                            entities_added=entities_added, source_added=source_added)
