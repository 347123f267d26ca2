"""Read-only views of a ledger as of a record time, in SQL both databases share.

Visibility (what was recorded by ``as_of``, without the facts a later correction supersedes or a
reviewer rejected by then), entity
versions, event state and conflicts are decided here once; a backend runs the queries and its
:class:`~infraledger.ledger.backends.base.Dialect` spells the few fragments that differ.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

import pyarrow as pa

from ..errors import InputError, NotFoundError
from ..model import Entity, Fact, FactType, Source, Status
from ..resolve import Resolver
from .arrow_schema import FACT_SCHEMA
from .backends.base import Backend, in_list
from .listings import CONFLICT_FIELDS, conflicts_sql, events_sql, limit_clause, state_order
from .review import REVIEW_SCHEMA_VERSION, Review, review_from_row
from .rows import (
    ENTITY_COLUMNS,
    FACT_COLUMNS,
    RESOLUTION_COLUMNS,
    REVIEW_COLUMNS,
    SOURCE_COLUMNS,
    entity_from_row,
    fact_from_row,
    source_from_row,
)
from .store import Conflict, EventState, Page, Snapshot

__all__ = ["SqlSnapshot", "limit_clause"]

_FAR_FUTURE = datetime(9999, 12, 31)
_FACTS = ", ".join(FACT_COLUMNS)
_ENTITIES = ", ".join(ENTITY_COLUMNS)
_SOURCES = ", ".join(SOURCE_COLUMNS)
_REVIEWS = ", ".join(REVIEW_COLUMNS)
#: Orders of the review queue: least confident first, or each document's facts in reading order.
QUEUE_ORDERS = {"confidence": "coalesce(confidence, 1.0), source_id, span_start NULLS LAST, id",
                "document": "source_id, span_start NULLS LAST, id"}


class SqlSnapshot(Snapshot):
    def __init__(self, backend: Backend, as_of: datetime | None) -> None:
        self.backend = backend
        self.dialect = backend.dialect
        self.as_of = as_of
        self._t = as_of or _FAR_FUTURE
        self._resolver: Resolver | None = None
        self._late: bool | None = None
        # A ledger of schema 1 opened read-only has no review tables: it has no reviews to read.
        self._reviewing = backend.schema_version >= REVIEW_SCHEMA_VERSION

    def _rows(self, sql: str, params: list) -> list[tuple]:
        return self.backend.query(sql, params)

    # SQL fragments: the facts, entities and sources visible at this record time.
    def _visible(self, include_superseded: bool = False) -> tuple[str, list]:
        if include_superseded:
            return f"SELECT {_FACTS} FROM facts WHERE recorded_at <= ?", [self._t]
        # An anti join against the few superseded and rejected facts: a correlated NOT EXISTS would hash
        # every fact.
        hidden, params = "SELECT supersedes AS id FROM facts WHERE supersedes IS NOT NULL AND recorded_at <= ?", [self._t]
        if self._reviewing:
            hidden += " UNION SELECT fact_id FROM reviews WHERE action = 'reject' AND recorded_at <= ?"
            params.append(self._t)
        else:
            hidden = hidden.replace("SELECT ", "SELECT DISTINCT ", 1)
        return (f"SELECT {', '.join('f.' + c for c in FACT_COLUMNS)} FROM facts f LEFT JOIN ({hidden}) s "
                "ON s.id = f.id WHERE f.recorded_at <= ? AND s.id IS NULL"), [*params, self._t]

    def _reviewed_ids(self) -> tuple[str, list]:
        """SQL of the ids of facts reviewed by this record time (a correction's or addition's own fact too)."""
        return ("SELECT fact_id AS id FROM reviews WHERE recorded_at <= ? UNION "
                "SELECT new_fact_id FROM reviews WHERE new_fact_id IS NOT NULL AND recorded_at <= ?"), [self._t, self._t]

    def _entities(self) -> tuple[str, list]:
        """SQL of the entities known at this record time, one row (the version read) per entity.

        An entity is known from its first version's record time, or from the record time of the
        first fact about it when that is earlier: a market fact recorded in 2025 about a company whose
        entity row came with a 2026 article makes the company known in 2025. Such an entity is read
        in its first version, the only one there is to read.
        """
        known = (f"SELECT {_ENTITIES} FROM (SELECT {_ENTITIES}, row_number() OVER (PARTITION BY id "
                 "ORDER BY recorded_at DESC) AS n FROM entities WHERE recorded_at <= ?) k WHERE n = 1")
        if self.as_of is None or not self._late_entities():
            return known, [self._t]
        referenced = (f"SELECT subject_id AS id FROM facts WHERE recorded_at <= ? UNION "
                      f"SELECT unnest({self.dialect.party_ids}) FROM facts WHERE recorded_at <= ?")
        early = (f"SELECT {_ENTITIES} FROM (SELECT {_ENTITIES}, min(recorded_at) OVER (PARTITION BY id) AS first, "
                 "row_number() OVER (PARTITION BY id ORDER BY recorded_at) AS n FROM entities "
                 f"WHERE id IN ({referenced})) e WHERE first > ? AND n = 1")
        return f"{known} UNION ALL {early}", [self._t, self._t, self._t, self._t]

    def _late_entities(self) -> bool:
        """True when some entity's first version was recorded after this snapshot's time."""
        if self._late is None:
            self._late = bool(self._rows("SELECT 1 FROM entities GROUP BY id HAVING min(recorded_at) > ? LIMIT 1",
                                         [self._t]))
        return self._late

    def _total(self, rows: list, offset: int, count_sql: str, params: list) -> int:
        """The total of a page's listing: on its rows, or counted when the page is past the end."""
        if rows:
            return rows[0][-1]
        return self._rows(count_sql, params)[0][0] if offset else 0

    # -- entities & sources ------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        return self.entity_page().items

    def entity_page(self, *, layer: str | None = None, kind: str | None = None, limit: int | None = None,
                    offset: int = 0) -> Page[Entity]:
        sql, params = self._entities()
        where = []
        if layer:
            where.append(self.dialect.contains("layers"))
            params = [*params, layer]
        if kind:
            where.append("kind = ?")
            params = [*params, kind]
        selected = f"SELECT {_ENTITIES} FROM ({sql}) e" + (" WHERE " + " AND ".join(where) if where else "")
        page, more = limit_clause(limit, offset)
        rows = self._rows(f"SELECT {_ENTITIES}, count(*) OVER () FROM ({selected}) s ORDER BY name, id" + page,
                          params + more)
        return Page([entity_from_row(r[:-1]) for r in rows],
                    self._total(rows, offset, f"SELECT count(*) FROM ({selected}) s", params), offset)

    def resolver(self) -> Resolver:
        if self._resolver is None:
            # Decisions recorded by then, so a merge undone before this record time is not made again.
            rows = self._rows(f"SELECT {', '.join(RESOLUTION_COLUMNS)} FROM resolutions WHERE recorded_at <= ? "
                              f"ORDER BY recorded_at, {self.dialect.resolution_order}", [self._t])
            self._resolver = Resolver(self.entities(), decisions=[dict(zip(RESOLUTION_COLUMNS, r)) for r in rows])
        return self._resolver

    def entity(self, ref: str) -> Entity:
        found = self.resolver().lookup(ref)
        if found is None:
            raise NotFoundError(f"no company or entity named '{ref}' in the ledger")
        return found.entity

    def sources(self, ids: Iterable[str] | None = None) -> list[Source]:
        only, params = ("", [self._t]) if ids is None else (" AND " + in_list("id"), [self._t, list(ids)])
        rows = self._rows(f"SELECT {_SOURCES} FROM (SELECT {_SOURCES}, row_number() OVER (PARTITION BY id "
                          f"ORDER BY recorded_at) AS n FROM sources WHERE recorded_at <= ?{only}) s WHERE n = 1 "
                          "ORDER BY recorded_at, id", params)
        return [source_from_row(r) for r in rows]

    def document_text(self, source_id: str) -> str | None:
        if not self._reviewing:
            return None
        rows = self._rows("SELECT text FROM documents WHERE source_id = ? AND recorded_at <= ? "
                          "ORDER BY recorded_at LIMIT 1", [source_id, self._t])
        return rows[0][0] if rows else None

    def document_texts(self) -> dict[str, str]:
        """Every stored document text by source id, as recorded by ``as_of`` (for quoting evidence)."""
        if not self._reviewing:
            return {}
        return dict(self._rows("SELECT source_id, min(text) FROM documents WHERE recorded_at <= ? GROUP BY source_id",
                               [self._t]))

    def source(self, source_id: str) -> Source:
        rows = self._rows(f"SELECT {_SOURCES} FROM sources WHERE id = ? AND recorded_at <= ? ORDER BY recorded_at LIMIT 1",
                          [source_id, self._t])
        if not rows:
            raise NotFoundError(f"no source '{source_id}' in the ledger")
        return source_from_row(rows[0])

    # -- facts ------------------------------------------------------------------------------
    def _where(self, types, entity, layer, valid_from, valid_until, source_id) -> tuple[list[str], list]:
        where, params = [], []
        if types:
            where.append(in_list("type"))
            params.append([t.value if isinstance(t, FactType) else FactType(t).value for t in types])
        if entity:
            eid = self.entity(entity).id
            where.append(f"(subject_id = ? OR {self.dialect.names_party()})")
            params += [eid, eid]
        if layer:
            known, known_params = self._entities()
            where.append(f"subject_id IN (SELECT id FROM ({known}) k WHERE {self.dialect.contains('layers')})")
            params += [*known_params, layer]
        if valid_from:
            where.append("(valid_end IS NULL OR valid_end >= ?)")
            params.append(valid_from)
        if valid_until:
            where.append("(valid_start IS NULL OR valid_start <= ?)")
            params.append(valid_until)
        if source_id:
            where.append("source_id = ?")
            params.append(source_id)
        return where, params

    def _selected(self, *, types: Iterable[FactType | str] | None = None, entity: str | None = None,
                  layer: str | None = None, valid_from: date | None = None, valid_until: date | None = None,
                  source_id: str | None = None, subjects: Iterable[str] | None = None,
                  include_superseded: bool = False) -> tuple[str, list]:
        """SQL of the visible facts that pass the filters of :meth:`facts`, every column."""
        base, params = self._visible(include_superseded)
        where, more = self._where(types, entity, layer, valid_from, valid_until, source_id)
        if subjects is not None:
            where.append(in_list("subject_id"))
            more.append(list(subjects))
        return f"SELECT {_FACTS} FROM ({base}) v" + (" WHERE " + " AND ".join(where) if where else ""), params + more

    def facts(self, **filters) -> list[Fact]:
        return self.fact_page(**filters).items

    def fact_page(self, *, limit: int | None = None, offset: int = 0, **filters) -> Page[Fact]:
        sql, params = self._selected(**filters)
        page, more = limit_clause(limit, offset)
        rows = self._rows(f"SELECT {_FACTS}, count(*) OVER () FROM ({sql}) s "
                          "ORDER BY valid_start NULLS LAST, valid_end NULLS LAST, recorded_at, id" + page, params + more)
        return Page([fact_from_row(r[:-1]) for r in rows],
                    self._total(rows, offset, f"SELECT count(*) FROM ({sql}) s", params), offset)

    def _facts_of(self, keys: list[str], sql: str, params: list) -> dict[str, list[Fact]]:
        """The facts of ``sql`` whose event is one of ``keys``, by event, in state order (head last)."""
        groups: dict[str, list[Fact]] = defaultdict(list)
        if keys:
            for r in self._rows(f"SELECT {_FACTS} FROM ({sql}) s WHERE {in_list('event_key')}", params + [keys]):
                f = fact_from_row(r)
                groups[f.event_key].append(f)
        for facts in groups.values():
            facts.sort(key=state_order)
        return groups

    def fact(self, fact_id: str) -> Fact:
        rows = self._rows(f"SELECT {_FACTS} FROM facts WHERE id = ? AND recorded_at <= ?", [fact_id, self._t])
        if not rows:
            raise NotFoundError(f"no fact '{fact_id}' in the ledger")
        return fact_from_row(rows[0])

    def table(self, *, types: Iterable[FactType | str] | None = None) -> pa.Table:
        sql, params = self._selected(types=types)
        return self.backend.arrow(sql, params, FACT_SCHEMA)

    def count(self) -> int:
        base, params = self._visible()
        return self._rows(f"SELECT count(*) FROM ({base}) v", params)[0][0]

    # -- events & conflicts (SQL in .listings) ---------------------------------------------------
    def event_page(self, *, status: Status | str | None = None, limit: int | None = None, offset: int = 0,
                   **filters) -> Page[EventState]:
        sql, params = self._selected(**filters)
        listing, more = events_sql(sql, status, self.dialect)
        page, paging = limit_clause(limit, offset)
        rows = self._rows(listing + page, params + more + paging)
        groups = self._facts_of([r[0] for r in rows], sql, params)
        items = [EventState(key=key, type=FactType(ftype), subject=subject, subject_id=subject_id,
                            status=Status(st) if st else None, facts=tuple(groups[key]))
                 for key, ftype, subject, subject_id, st, _total in rows]
        return Page(items, self._total(rows, offset, f"SELECT count(*) FROM ({listing}) l", params + more), offset)

    def conflict_page(self, *, limit: int | None = None, offset: int = 0) -> Page[Conflict]:
        sql, params = self._selected()
        listing, more = conflicts_sql(sql, self.dialect)
        page, paging = limit_clause(limit, offset)
        rows = self._rows(listing + page, params + more + paging)
        ids = [i for r in rows for i in r[2]]
        by_id: dict[str, Fact] = {}
        if ids:
            by_id = {f.id: f for f in map(fact_from_row, self._rows(
                f"SELECT {_FACTS} FROM facts WHERE {in_list('id')}", [ids]))}
        items = []
        for key, field_no, fact_ids, _total in rows:
            facts = tuple(by_id[i] for i in fact_ids)
            field_name = CONFLICT_FIELDS[field_no]
            values = tuple(f.time.label() if field_name == "date" else str(getattr(f, field_name)) for f in facts)
            items.append(Conflict(key, facts[0].type, facts[0].subject, field_name, facts, values))
        return Page(items, self._total(rows, offset, f"SELECT count(*) FROM ({listing}) l", params + more), offset)

    # -- reviews ------------------------------------------------------------------------------
    def reviews(self, fact_ids: Iterable[str] | None = None) -> list[Review]:
        if not self._reviewing:
            return []
        sql, params = f"SELECT {_REVIEWS} FROM reviews WHERE recorded_at <= ?", [self._t]
        if fact_ids is not None:
            ids = list(dict.fromkeys(fact_ids))
            if not ids:
                return []
            sql += f" AND ({in_list('fact_id')} OR {in_list('new_fact_id')})"
            params += [ids, ids]
        rows = self._rows(sql + " ORDER BY recorded_at, fact_id, reviewer, action", params)
        return [review_from_row(r) for r in rows]

    def reviewed(self, fact_ids: Iterable[str]) -> dict[str, list[Review]]:
        ids = list(dict.fromkeys(fact_ids))
        out: dict[str, list[Review]] = {i: [] for i in ids}
        for r in self.reviews(ids):
            for fid in dict.fromkeys((r.fact_id, r.new_fact_id)):
                if fid in out:
                    out[fid].append(r)
        return out

    def review_queue(self, *, source_id: str | None = None, order: str = "confidence", limit: int | None = None,
                     offset: int = 0) -> Page[Fact]:
        """Visible facts a machine read (confidence below 1) that nobody has reviewed by ``as_of``.

        ``order`` "confidence": least confident first, then by source and position in the document;
        "document": by source, then position. Readers of structured data (SEC filings, prices, data
        files that state no confidence) give their facts confidence 1, so they are not queued.
        """
        if order not in QUEUE_ORDERS:
            raise InputError(f"unknown review queue order '{order}' (choose from {', '.join(QUEUE_ORDERS)})")
        sql, params = self._selected(source_id=source_id)
        sql = f"SELECT {_FACTS} FROM ({sql}) q WHERE coalesce(confidence, 1.0) < 1.0"
        if self._reviewing:
            done, more = self._reviewed_ids()
            sql = (f"SELECT {', '.join('u.' + c for c in FACT_COLUMNS)} FROM ({sql}) u LEFT JOIN ({done}) r "
                   "ON r.id = u.id WHERE r.id IS NULL")
            params = params + more
        page, paging = limit_clause(limit, offset)
        rows = self._rows(f"SELECT {_FACTS}, count(*) OVER () FROM ({sql}) s ORDER BY {QUEUE_ORDERS[order]}" + page,
                          params + paging)
        return Page([fact_from_row(r[:-1]) for r in rows],
                    self._total(rows, offset, f"SELECT count(*) FROM ({sql}) s", params), offset)
