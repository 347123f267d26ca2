"""Read-only views of a DuckDB ledger as of a record time."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Iterable

import pyarrow as pa

from ...errors import NotFoundError
from ...model import STATUS_ORDER, Entity, Fact, FactType, Range, Source, Status
from ...resolve import Resolver
from ..rows import FACT_COLUMNS, SOURCE_COLUMNS, entity_from_row, fact_from_row, source_from_row
from ..store import Conflict, EventState, Snapshot

_FAR_FUTURE = datetime(9999, 12, 31)
_ONCE = {Status.ANNOUNCED, Status.COMPLETED, Status.TERMINATED}


class DuckDBSnapshot(Snapshot):
    def __init__(self, con, as_of: datetime | None) -> None:
        self.con = con
        self.as_of = as_of
        self._t = as_of or _FAR_FUTURE
        self._resolver: Resolver | None = None
        self._late: bool | None = None

    # SQL fragments: the facts, entities and sources visible at this record time.
    def _visible(self, include_superseded: bool = False) -> tuple[str, list]:
        if include_superseded:
            return "SELECT * FROM facts WHERE recorded_at <= ?", [self._t]
        return ("SELECT * FROM facts f WHERE f.recorded_at <= ? AND NOT EXISTS ("
                "SELECT 1 FROM facts s WHERE s.supersedes = f.id AND s.recorded_at <= ?)"), [self._t, self._t]

    def _entities(self) -> tuple[str, list]:
        """SQL of the entities known at this record time, one row (the version read) per entity.

        An entity is known from its first version's record time, or from the record time of the
        first fact about it when that is earlier: a market fact recorded in 2025 about a company whose
        entity row came with a 2026 article makes the company known in 2025. Such an entity is read
        in its first version, the only one there is to read.
        """
        known = ("SELECT * FROM entities WHERE recorded_at <= ? "
                 "QUALIFY row_number() OVER (PARTITION BY id ORDER BY recorded_at DESC) = 1")
        if self.as_of is None or not self._late_entities():
            return known, [self._t]
        referenced = ("SELECT subject_id AS id FROM facts WHERE recorded_at <= ? UNION "
                      "SELECT unnest(list_transform(counterparties, lambda p: p.entity_id)) FROM facts WHERE recorded_at <= ?")
        early = ("SELECT * FROM entities e WHERE e.id IN (" + referenced + ") "
                 "QUALIFY min(recorded_at) OVER (PARTITION BY id) > ? "
                 "AND row_number() OVER (PARTITION BY id ORDER BY recorded_at) = 1")
        return f"{known} UNION ALL ({early})", [self._t, self._t, self._t, self._t]

    def _late_entities(self) -> bool:
        """True when some entity's first version was recorded after this snapshot's time."""
        if self._late is None:
            self._late = bool(self.con.execute(
                "SELECT 1 FROM entities GROUP BY id HAVING min(recorded_at) > ? LIMIT 1", [self._t]).fetchall())
        return self._late

    # -- entities & sources ------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        sql, params = self._entities()
        rows = self.con.execute(f"SELECT * FROM ({sql}) ORDER BY name, id", params).fetchall()
        return [entity_from_row(r) for r in rows]

    def resolver(self) -> Resolver:
        if self._resolver is None:
            # Decisions recorded by then, so a merge undone before this record time is not made again.
            cur = self.con.execute("SELECT name, entity_id, method, score, action, source_id, recorded_at "
                                   "FROM resolutions WHERE recorded_at <= ? ORDER BY recorded_at, rowid", [self._t])
            cols = [d[0] for d in cur.description]
            decisions = [dict(zip(cols, row)) for row in cur.fetchall()]
            self._resolver = Resolver(self.entities(), decisions=decisions)
        return self._resolver

    def entity(self, ref: str) -> Entity:
        found = self.resolver().lookup(ref)
        if found is None:
            raise NotFoundError(f"no company or entity named '{ref}' in the ledger")
        return found.entity

    def sources(self) -> list[Source]:
        rows = self.con.execute(f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources WHERE recorded_at <= ? "
                                "QUALIFY row_number() OVER (PARTITION BY id ORDER BY recorded_at) = 1 ORDER BY recorded_at, id",
                                [self._t]).fetchall()
        return [source_from_row(r) for r in rows]

    def source(self, source_id: str) -> Source:
        row = self.con.execute(f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources WHERE id = ? AND recorded_at <= ? "
                               "ORDER BY recorded_at LIMIT 1", [source_id, self._t]).fetchall()
        row = row[0] if row else None
        if row is None:
            raise NotFoundError(f"no source '{source_id}' in the ledger")
        return source_from_row(row)

    # -- facts ------------------------------------------------------------------------------
    def _where(self, types, entity, layer, valid_from, valid_until, source_id) -> tuple[list[str], list]:
        where, params = [], []
        if types:
            values = [t.value if isinstance(t, FactType) else FactType(t).value for t in types]
            where.append("type IN (SELECT unnest(?))")
            params.append(values)
        if entity:
            eid = self.entity(entity).id
            where.append("(subject_id = ? OR list_contains(list_transform(counterparties, lambda p: p.entity_id), ?))")
            params += [eid, eid]
        if layer:
            known, known_params = self._entities()
            where.append(f"subject_id IN (SELECT id FROM ({known}) WHERE list_contains(layers, ?))")
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

    def facts(self, *, types: Iterable[FactType | str] | None = None, entity: str | None = None,
              layer: str | None = None, valid_from: date | None = None, valid_until: date | None = None,
              source_id: str | None = None, include_superseded: bool = False) -> list[Fact]:
        base, params = self._visible(include_superseded)
        where, more = self._where(types, entity, layer, valid_from, valid_until, source_id)
        sql = f"SELECT {', '.join(FACT_COLUMNS)} FROM ({base}) v"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY valid_start NULLS LAST, valid_end NULLS LAST, recorded_at, id"
        return [fact_from_row(r) for r in self.con.execute(sql, params + more).fetchall()]

    def fact(self, fact_id: str) -> Fact:
        row = self.con.execute(f"SELECT {', '.join(FACT_COLUMNS)} FROM facts WHERE id = ? AND recorded_at <= ?",
                               [fact_id, self._t]).fetchall()
        row = row[0] if row else None
        if row is None:
            raise NotFoundError(f"no fact '{fact_id}' in the ledger")
        return fact_from_row(row)

    def table(self, *, types: Iterable[FactType | str] | None = None) -> pa.Table:
        base, params = self._visible()
        where, more = self._where(types, None, None, None, None, None)
        sql = f"SELECT {', '.join(FACT_COLUMNS)} FROM ({base}) v" + (" WHERE " + " AND ".join(where) if where else "")
        return self.con.sql(sql, params=params + more).to_arrow_table()

    def count(self) -> int:
        base, params = self._visible()
        return self.con.execute(f"SELECT count(*) FROM ({base}) v", params).fetchall()[0][0]

    # -- events & conflicts -----------------------------------------------------------------
    def events(self, **filters) -> list[EventState]:
        """Facts grouped by event; an event's status is that of its latest stated state.

        "Latest" orders by the state's own progress (announced < pending < completed/terminated),
        then valid time, then record time, so a closing recorded before an older "pending" report
        is still read as closed.
        """
        filters.setdefault("types", [t.value for t in FactType])
        groups: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts(**filters):
            groups[f.event_key].append(f)
        out = []
        for key, facts in groups.items():
            with_status = [f for f in facts if f.status is not None]
            ordered = sorted(facts, key=lambda f: (STATUS_ORDER.get(f.status, -1) if f.status else -1,
                                                   f.time.end if f.time else date.min, f.recorded_at))
            head = ordered[-1]
            status = max(with_status, key=lambda f: (STATUS_ORDER[f.status], f.time.end if f.time else date.min,
                                                     f.recorded_at)).status if with_status else None
            out.append(EventState(key=key, type=head.type, subject=head.subject, subject_id=head.subject_id,
                                  status=status, facts=tuple(ordered)))
        out.sort(key=lambda e: (e.facts[0].time.start if e.facts[0].time else date.max, e.subject))
        return out

    def conflicts(self) -> list[Conflict]:
        base, params = self._visible()
        keys = [r[0] for r in self.con.execute(
            f"SELECT event_key FROM ({base}) v GROUP BY event_key HAVING count(DISTINCT source_id) > 1 AND "
            "(count(DISTINCT amount) > 1 OR count(DISTINCT valuation) > 1 OR count(DISTINCT (status, valid_start, valid_end)) > 1)",
            params).fetchall()]
        if not keys:
            return []
        sql = f"SELECT {', '.join(FACT_COLUMNS)} FROM ({base}) v WHERE event_key IN (SELECT unnest(?)) ORDER BY recorded_at, id"
        groups: dict[str, list[Fact]] = defaultdict(list)
        for r in self.con.execute(sql, params + [keys]).fetchall():
            f = fact_from_row(r)
            groups[f.event_key].append(f)
        out: list[Conflict] = []
        for key, facts in groups.items():
            for field_name in ("amount", "valuation"):
                clash = _disagreeing([(f, getattr(f, field_name)) for f in facts if getattr(f, field_name) is not None],
                                     lambda a, b: a.currency == b.currency and not Range.of_money(a).overlaps(Range.of_money(b)))
                if clash:
                    out.append(Conflict(key, facts[0].type, facts[0].subject, field_name, tuple(clash),
                                        tuple(str(getattr(f, field_name)) for f in clash)))
            # A deal is announced, completed or terminated once; "pending" is a state that lasts,
            # and facts about different details (an IPO's pricing vs. its first trade) have different dates.
            dated = [(f, f.time) for f in facts if f.time is not None and f.status in _ONCE]
            clash = _disagreeing(dated, lambda a, b: not a.overlaps(b),
                                 same=lambda f, g: f.status == g.status
                                 and f.attributes.get("detail") == g.attributes.get("detail"))
            if clash:
                out.append(Conflict(key, facts[0].type, facts[0].subject, "date", tuple(clash),
                                    tuple(f.time.label() for f in clash)))
        return out


def _disagreeing(items, differ, same=lambda f, g: True) -> list[Fact]:
    """Facts from different sources whose values ``differ``; empty when all agree."""
    bad: dict[str, Fact] = {}
    for i, (f, a) in enumerate(items):
        for g, b in items[i + 1:]:
            if f.source_id != g.source_id and same(f, g) and differ(a, b):
                bad[f.id], bad[g.id] = f, g
    return list(bad.values())
