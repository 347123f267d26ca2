"""DuckDB implementation of the ledger store.

One file holds the whole ledger; ``:memory:`` gives a throwaway one.

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
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

import duckdb
import pyarrow as pa

from ...errors import InputError, LedgerError, LedgerLockedError
from ...model import CandidateFact, Entity, EntityKind, Fact, Role, Source
from ...resolve import Resolver
from ..arrow_schema import ENTITY_SCHEMA, FACT_SCHEMA, RESOLUTION_SCHEMA, SOURCE_SCHEMA, rows_to_table
from ..migrations import migrate
from ..rows import entity_row, entity_version, fact_row, source_row
from ..store import AppendResult, LedgerStore, Page, as_record_time
from .listings import limit_clause
from .snapshot import DuckDBSnapshot

_INVESTOR_ROLES = {Role.LEAD_INVESTOR, Role.INVESTOR}


def utcnow() -> datetime:
    """Record time: naive UTC, microsecond precision (what DuckDB TIMESTAMP stores)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


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


class DuckDBStore(LedgerStore):
    """A ledger in one DuckDB file (or in memory)."""

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False, wait: float = 0.0) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise InputError(f"folder does not exist: {parent}", source=self.path)
            if read_only and not Path(self.path).exists():
                raise InputError("no ledger here; run 'infraledger init' or 'infraledger load' first", source=self.path)
        self.con = _connect(self.path, read_only, wait)
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
        return self.resolution_page().items

    def resolution_page(self, *, limit: int | None = None, offset: int = 0) -> Page[dict]:
        page, params = limit_clause(limit, offset)
        cur = self.con.execute("SELECT name, entity_id, method, score, action, source_id, recorded_at, count(*) OVER () "
                               "FROM resolutions ORDER BY recorded_at, rowid" + page, params)
        cols = [d[0] for d in cur.description][:-1]
        rows = cur.fetchall()
        total = rows[0][-1] if rows else (self.con.execute("SELECT count(*) FROM resolutions").fetchall()[0][0]
                                          if offset else 0)
        return Page([dict(zip(cols, row[:-1])) for row in rows], total, offset)

    # -- writes -----------------------------------------------------------------------------
    def append(self, source: Source, facts: Sequence[CandidateFact], entities: Sequence[Entity] = (), *,
               resolver: Resolver | None = None, recorded_at: datetime | None = None,
               supersedes: dict[int, str] | None = None) -> AppendResult:
        return self._transaction(lambda r: self._append_batches([(source, facts, entities)], r, recorded_at, supersedes),
                                 resolver)[0]

    def append_many(self, batches: Iterable[tuple[Source, Sequence[CandidateFact], Sequence[Entity]]], *,
                    resolver: Resolver | None = None, recorded_at: datetime | None = None) -> list[AppendResult]:
        batches = list(batches)
        return self._transaction(lambda r: self._append_batches(batches, r, recorded_at, None), resolver)

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

    def _insert(self, table: str, rows: list[tuple], schema: pa.Schema) -> None:
        """One columnar insert of ``rows``: DuckDB's executemany costs a round trip per row."""
        if not rows:
            return
        self.con.register("_new_rows", rows_to_table(rows, schema))
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _new_rows").fetchall()
        finally:
            self.con.unregister("_new_rows")

    def _write_entities(self, entities: Iterable[Entity], recorded_at: datetime) -> int:
        by_id = {e.id: e for e in entities}
        latest = self._latest_entity_versions(list(by_id))
        rows = [entity_row(e, recorded_at) for e in by_id.values() if latest.get(e.id) != entity_version(e)]
        self._insert("entities", rows, ENTITY_SCHEMA)
        return len(rows)

    def _append_batches(self, batches: Sequence[tuple[Source, Sequence[CandidateFact], Sequence[Entity]]],
                        resolver: Resolver, recorded_at: datetime | None,
                        supersedes: dict[int, str] | None) -> list[AppendResult]:
        """Resolve every batch in order, then write them all with one query per table.

        The result is what appending the batches one after the other would give: a fact, source or
        entity version that an earlier batch added counts as already there for a later one.
        """
        resolved = [self._resolve(source, facts, entities, resolver, recorded_at, supersedes)
                    for source, facts, entities in batches]
        entity_ids = list({eid for r in resolved for eid in r.touched})
        latest = self._latest_entity_versions(entity_ids)
        source_ids = list({r.source.id for r in resolved})
        known_sources = {row[0] for row in self.con.execute(
            "SELECT DISTINCT id FROM sources WHERE id IN (SELECT unnest(?))", [source_ids]).fetchall()}
        fact_ids = list({f.id for r in resolved for f in r.facts})
        known_facts = {row[0] for row in self.con.execute(
            "SELECT id FROM facts WHERE id IN (SELECT unnest(?))", [fact_ids]).fetchall()} if fact_ids else set()
        known_decisions = {tuple(row) for row in self.con.execute(
            "SELECT name, entity_id, source_id FROM resolutions WHERE action = 'merge' AND source_id IN (SELECT unnest(?))",
            [source_ids]).fetchall()}
        entity_rows, source_rows, fact_rows, decision_rows, results = [], [], [], [], []
        for r in resolved:
            new_entities = [e for e in r.touched.values() if latest.get(e.id) != entity_version(e)]
            for e in new_entities:
                latest[e.id] = entity_version(e)
                entity_rows.append(entity_row(e, r.recorded_at))
            source_added = r.source.id not in known_sources
            if source_added:
                known_sources.add(r.source.id)
                source_rows.append(source_row(r.source, r.recorded_at))
            unique = list({f.id: f for f in r.facts}.values())
            new = [f for f in unique if f.id not in known_facts]
            known_facts.update(f.id for f in new)
            fact_rows += [fact_row(f) for f in new]
            # A decision this source already led to is not recorded again (re-reading a file adds nothing).
            for name, (eid, method, score) in r.decisions.items():
                if (name, eid, r.source.id) not in known_decisions:
                    known_decisions.add((name, eid, r.source.id))
                    decision_rows.append((name, eid, method, score, "merge", r.source.id, r.recorded_at))
            results.append(AppendResult(source_id=r.source.id, facts_added=len(new), facts_skipped=len(r.facts) - len(new),
                                        entities_added=len(new_entities), source_added=source_added))
        self._insert("entities", entity_rows, ENTITY_SCHEMA)
        self._insert("sources", source_rows, SOURCE_SCHEMA)
        self._insert("facts", fact_rows, FACT_SCHEMA)
        self._insert("resolutions", decision_rows, RESOLUTION_SCHEMA)
        return results

    def _resolve(self, source: Source, candidates: Sequence[CandidateFact], entities: Sequence[Entity],
                 resolver: Resolver, recorded_at: datetime | None, supersedes: dict[int, str] | None) -> _Resolved:
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
        return _Resolved(source, facts, touched, decisions, rec)


@dataclass(frozen=True, slots=True)
class _Resolved:
    """One batch with its names resolved, before anything is written."""

    source: Source
    facts: list[Fact]
    touched: dict[str, Entity]
    decisions: dict[str, tuple[str, str, float | None]]
    recorded_at: datetime
