"""The ledger service: the ledger's meaning, written once over any backend's plain rows.

Appending resolves names to entities, gives each fact its identity, links it to the event other
sources already report (:mod:`.reconcile`), records the resolution decisions it took and writes
everything in one transaction; re-appending a document adds nothing. A person's review of a fact
(accept, correct, reject, or add one the machine missed) is written here too, by :mod:`.review`, as
new rows beside the machine's. Reads go through
:class:`~infraledger.ledger.snapshot.SqlSnapshot`, which decides event state, conflicts and as-of
visibility in shared SQL. A backend (:mod:`.backends`) only stores rows and answers queries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

import pyarrow as pa

from ..errors import InputError, LedgerError
from ..model import CandidateFact, Entity, EntityKind, Fact, Role, Source
from ..resolve import Resolver
from .arrow_schema import (
    DOCUMENT_SCHEMA,
    ENTITY_SCHEMA,
    FACT_SCHEMA,
    RESOLUTION_SCHEMA,
    SHARD_SCHEMA,
    SOURCE_SCHEMA,
    rows_to_table,
)
from .backends.base import Backend, in_list
from .reconcile import Reconciler
from .review import Review, ReviewAction
from .review import add_fact as record_addition
from .review import review as record_review
from .rows import RESOLUTION_COLUMNS, entity_row, entity_version, fact_row, source_row
from .snapshot import SqlSnapshot, limit_clause
from .store import AppendResult, Batch, LedgerStore, Page, as_record_time

_INVESTOR_ROLES = {Role.LEAD_INVESTOR, Role.INVESTOR}

#: The columns that make a row the same row again (what a second writer of one document skips).
UNIQUE = {"sources": ("id",), "entities": ("id", "version"), "facts": ("id",),
          "resolutions": ("name", "entity_id", "source_id", "action"), "documents": ("source_id",),
          "reviews": ("fact_id", "reviewer", "action", "recorded_at"), "tokens": ("hash", "action"),
          "ingest_shards": ("id",), "watchlists": ("name", "kind", "value", "action", "recorded_at"),
          "feeds": ("url", "action", "recorded_at"), "feed_state": ("url", "recorded_at"), "alerts": ("id",),
          "deliveries": ("alert_id", "channel", "status", "recorded_at")}


def utcnow() -> datetime:
    """Record time: naive UTC, microsecond precision (what both databases' TIMESTAMP stores)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Ledger(LedgerStore):
    """A ledger over one backend."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    @property
    def path(self) -> str:
        return self.backend.location

    @property
    def read_only(self) -> bool:
        return self.backend.read_only

    @property
    def schema_version(self) -> int:
        return self.backend.schema_version

    # -- reads ------------------------------------------------------------------------------
    def snapshot(self, as_of: date | datetime | str | None = None) -> SqlSnapshot:
        return SqlSnapshot(self.backend, as_record_time(as_of))

    def resolutions(self) -> list[dict]:
        return self.resolution_page().items

    def resolution_page(self, *, limit: int | None = None, offset: int = 0) -> Page[dict]:
        page, params = limit_clause(limit, offset)
        rows = self.backend.query(f"SELECT {', '.join(RESOLUTION_COLUMNS)}, count(*) OVER () FROM resolutions "
                                  f"ORDER BY recorded_at, {self.backend.dialect.resolution_order}" + page, params)
        total = rows[0][-1] if rows else (self.backend.query("SELECT count(*) FROM resolutions")[0][0] if offset else 0)
        return Page([dict(zip(RESOLUTION_COLUMNS, row[:-1])) for row in rows], total, offset)

    # -- writes -----------------------------------------------------------------------------
    def append(self, source: Source, facts: Sequence[CandidateFact], entities: Sequence[Entity] = (), *,
               resolver: Resolver | None = None, recorded_at: datetime | None = None,
               supersedes: dict[int, str] | None = None, text: str | None = None) -> AppendResult:
        return self._append_batches([(source, facts, entities, text)], resolver, recorded_at, [supersedes])[0]

    def append_many(self, batches: Iterable[Batch], *, resolver: Resolver | None = None,
                    recorded_at: datetime | None = None,
                    supersedes: Sequence[dict[int, str] | None] | None = None) -> list[AppendResult]:
        batches = list(batches)
        if supersedes is not None and len(supersedes) != len(batches):
            raise InputError("supersedes needs one entry (or None) per batch")
        return self._append_batches(batches, resolver, recorded_at, supersedes)

    def append_arrow(self, sources: pa.Table, facts: pa.Table) -> int:
        if facts.schema != FACT_SCHEMA:
            facts = facts.select(list(FACT_SCHEMA.names)).cast(FACT_SCHEMA)
        if sources.schema != SOURCE_SCHEMA:
            sources = sources.select(list(SOURCE_SCHEMA.names)).cast(SOURCE_SCHEMA)
        self._writable()
        with self.backend.transaction():
            self.backend.insert("sources", sources, UNIQUE["sources"])
            return self.backend.insert("facts", facts, UNIQUE["facts"])

    def record_resolution(self, name: str, entity_id: str, method: str, score: float | None,
                          action: str = "merge", source_id: str | None = None) -> None:
        if action not in ("merge", "undo"):
            raise InputError(f"resolution action must be 'merge' or 'undo', got {action!r}")
        self._writable()
        with self.backend.transaction():
            self.backend.insert("resolutions", rows_to_table(
                [(name, entity_id, method, score, action, source_id, utcnow())], RESOLUTION_SCHEMA))

    def review(self, fact_id: str, action: ReviewAction | str, reviewer: str, *,
               correction: CandidateFact | None = None, note: str = "",
               recorded_at: datetime | None = None) -> Review:
        """Record ``reviewer``'s judgement of a fact: accept, correct (with ``correction``) or reject.

        Nothing is changed or deleted: a correction is a new fact from the same source that supersedes
        the reviewed one, a rejection hides the fact from its record time on; read as of an earlier
        time, the ledger reads as before. See :func:`infraledger.ledger.review.review` for the rules.
        """
        return record_review(self, fact_id, action, reviewer, correction=correction, note=note, recorded_at=recorded_at)

    def add_fact(self, source_id: str, candidate: CandidateFact, reviewer: str, *, note: str = "",
                 recorded_at: datetime | None = None) -> Review:
        """Record a fact of ``source_id`` that the machine missed, as ``reviewer`` read it (confidence 1)."""
        return record_addition(self, source_id, candidate, reviewer, note=note, recorded_at=recorded_at)

    def shards_done(self) -> set[str]:
        """Ids of the ingest shards already in the ledger (:mod:`infraledger.pipeline`)."""
        if self.backend.schema_version < 3:
            return set()
        return {r[0] for r in self.backend.query("SELECT id FROM ingest_shards")}

    def mark_shard(self, shard_id: str, items: int, facts: int) -> None:
        """Record that a shard is in the ledger; call inside the transaction that appends its facts."""
        self._writable()
        with self.backend.transaction():
            self.backend.insert("ingest_shards", rows_to_table([(shard_id, items, facts, utcnow())], SHARD_SCHEMA),
                                UNIQUE["ingest_shards"])

    def close(self) -> None:
        self.backend.close()

    # -- internals --------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.backend.read_only:
            raise LedgerError(f"{self.backend.location}: ledger opened read-only")

    def _known(self, sql: str, values: list) -> set:
        return {row[0] if len(row) == 1 else tuple(row) for row in self.backend.query(sql, [values])} if values else set()

    def _append_batches(self, batches: Sequence[Batch], resolver: Resolver | None, recorded_at: datetime | None,
                        supersedes: Sequence[dict[int, str] | None] | None) -> list[AppendResult]:
        """Resolve every batch in order, then write them all with one insert per table, in one transaction.

        The result is what appending the batches one after the other would give: a fact, source or
        entity version that an earlier batch added counts as already there for a later one.
        """
        self._writable()
        with self.backend.transaction():
            return self._write(self._prepare(batches, resolver, recorded_at, supersedes))

    def _prepare(self, batches: Sequence[Batch], resolver: Resolver | None, recorded_at: datetime | None,
                 supersedes: Sequence[dict[int, str] | None] | None) -> list[_Resolved]:
        """The batches with names resolved and facts linked to known events, before anything is written."""
        # Recorded decisions go to the resolver so that an undone merge is not made again.
        resolver = resolver or Resolver(self.snapshot().entities(), decisions=self.resolutions())
        resolved = []
        for n, batch in enumerate(batches):
            if len(batch) not in (3, 4):
                raise InputError("a batch is (source, facts, entities) or (source, facts, entities, text)")
            source, facts, entities, text = batch if len(batch) == 4 else (*batch, None)
            resolved.append(self._resolve(source, facts, entities, resolver, recorded_at,
                                          supersedes[n] if supersedes else None, text))
        linked = iter(Reconciler(self.snapshot()).link([f for r in resolved for f in r.facts]))
        return [replace(r, facts=[next(linked) for _ in r.facts]) for r in resolved]

    def _write(self, resolved: list[_Resolved]) -> list[AppendResult]:
        entity_ids = list({eid for r in resolved for eid in r.touched})
        latest = dict(self.backend.query(
            "SELECT id, version FROM (SELECT id, version, row_number() OVER (PARTITION BY id ORDER BY recorded_at DESC) "
            f"AS n FROM entities WHERE {in_list('id')}) e WHERE n = 1", [entity_ids])) if entity_ids else {}
        source_ids = list({r.source.id for r in resolved})
        known_sources = self._known(f"SELECT DISTINCT id FROM sources WHERE {in_list('id')}", source_ids)
        fact_ids = list({f.id for r in resolved for f in r.facts})
        known_facts = self._known(f"SELECT id FROM facts WHERE {in_list('id')}", fact_ids)
        known_decisions = self._known("SELECT name, entity_id, source_id FROM resolutions WHERE action = 'merge' AND "
                                      + in_list("source_id"), source_ids)
        texts = list({r.source.id for r in resolved if r.text is not None})
        known_texts = self._known(f"SELECT source_id FROM documents WHERE {in_list('source_id')}", texts)
        entity_rows, source_rows, fact_rows, decision_rows, document_rows, results = [], [], [], [], [], []
        for r in resolved:
            new_entities = [e for e in r.touched.values() if latest.get(e.id) != entity_version(e)]
            for e in new_entities:
                latest[e.id] = entity_version(e)
                entity_rows.append(entity_row(e, r.recorded_at))
            source_added = r.source.id not in known_sources
            if source_added:
                known_sources.add(r.source.id)
                source_rows.append(source_row(r.source, r.recorded_at))
            if r.text is not None and r.source.id not in known_texts:  # a document's text is stored once
                known_texts.add(r.source.id)
                document_rows.append((r.source.id, r.text, r.recorded_at))
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
        insert = self.backend.insert
        insert("entities", rows_to_table(entity_rows, ENTITY_SCHEMA), UNIQUE["entities"])
        insert("sources", rows_to_table(source_rows, SOURCE_SCHEMA), UNIQUE["sources"])
        insert("facts", rows_to_table(fact_rows, FACT_SCHEMA), UNIQUE["facts"])
        insert("resolutions", rows_to_table(decision_rows, RESOLUTION_SCHEMA), UNIQUE["resolutions"])
        insert("documents", rows_to_table(document_rows, DOCUMENT_SCHEMA), UNIQUE["documents"])
        return results

    def _resolve(self, source: Source, candidates: Sequence[CandidateFact], entities: Sequence[Entity],
                 resolver: Resolver, recorded_at: datetime | None, supersedes: dict[int, str] | None,
                 text: str | None = None) -> _Resolved:
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
        if text is not None and not isinstance(text, str):
            raise InputError(f"a document's text must be a string, got {type(text).__name__}")
        return _Resolved(source, facts, touched, decisions, rec, text)


@dataclass(frozen=True, slots=True)
class _Resolved:
    """One batch with its names resolved, before anything is written."""

    source: Source
    facts: list[Fact]
    touched: dict[str, Entity]
    decisions: dict[str, tuple[str, str, float | None]]
    recorded_at: datetime
    text: str | None = None
