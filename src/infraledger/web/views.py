"""What each page and API call shows, read from a copy of the ledger as of a record time.

Pages (:mod:`.pages`) and the JSON API (:mod:`.api`) both call these functions, so a page and its
API call always show the same facts. Anything costly (the report, the outlook) is computed once per
copy of the ledger and as-of time (:meth:`.mirror.Copy.cached`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..analyses.backing import capex_backing_many
from ..analyses.outlook import exit_outlook
from ..errors import NotFoundError
from ..ledger.rows import FACT_COLUMNS, fact_from_row
from ..ledger.snapshot import SqlSnapshot
from ..model import Entity, Fact, FactType, Source
from ..model.events import RELATION_TYPES
from .mirror import Copy

#: Facts shown on a company's timeline (daily prices are drawn as a chart instead).
TIMELINE_LIMIT = 500


@dataclass(frozen=True)
class Overview:
    facts: int
    entities: int
    sources: int
    events: int
    conflicts: int
    backlog: int
    reviewed: int
    latest: list[Fact]
    sources_by_id: dict[str, Source]
    copied_seconds: float


def overview(copy: Copy, snap: SqlSnapshot) -> Overview:
    def make() -> Overview:
        q = snap.backend.query
        visible, params = snap._visible()
        n_facts, n_events = q(f"SELECT count(*), count(DISTINCT event_key) FROM ({visible}) v", params)[0]
        n_entities = q(f"SELECT count(*) FROM ({snap._entities()[0]}) e", snap._entities()[1])[0][0]
        n_sources = q("SELECT count(DISTINCT id) FROM sources WHERE recorded_at <= ?", [snap._t])[0][0]
        cols = ", ".join(FACT_COLUMNS)
        latest = [fact_from_row(r) for r in q(
            f"SELECT {cols} FROM ({visible}) v ORDER BY recorded_at DESC, id LIMIT 10", params)]
        sources = {s.id: s for s in snap.sources({f.source_id for f in latest})}
        return Overview(n_facts, n_entities, n_sources, n_events, snap.conflict_page(limit=1).total,
                        snap.review_queue(limit=1).total, len(reviewed_ids(snap)), latest, sources, copy.seconds)
    return copy.cached(("overview", snap.as_of), make)


def reviewed_ids(snap: SqlSnapshot) -> set[str]:
    """Ids of facts a person has judged by the snapshot's time (accepted, or written by a correction or an addition)."""
    rows = snap.backend.query(
        "SELECT fact_id FROM reviews WHERE action = 'accept' AND recorded_at <= ? UNION "
        "SELECT new_fact_id FROM reviews WHERE action IN ('correct', 'add') AND recorded_at <= ?", [snap._t, snap._t])
    return {r[0] for r in rows if r[0]}


@dataclass(frozen=True)
class TimelineEntry:
    fact: Fact
    source: Source | None
    superseded_by: str | None
    reviews: list = field(default_factory=list)


@dataclass(frozen=True)
class CompanyView:
    entity: Entity
    timeline: list[TimelineEntry]
    relations: list[tuple[str, str, str | None, Fact]]   # (relation, other name, other id, fact)
    prices: list[tuple[date, float, str]]                 # (day, close, currency)
    raises: list[Fact]
    backing: object | None
    outlook: object | None
    parent: Entity | None
    more: int


def company(copy: Copy, snap: SqlSnapshot, ref: str) -> CompanyView:
    entity = snap.entity(ref)
    facts = facts_about(copy, snap, entity.id)
    later = {f.supersedes: f.id for f in facts if f.supersedes}
    rejected = _rejected(snap)
    prices = [(f.time.start, float(f.amount.amount), f.amount.currency) for f in facts
              if f.type is FactType.PRICE_OBSERVATION and f.subject_id == entity.id and f.amount and f.time]
    shown = [f for f in facts if f.type is not FactType.PRICE_OBSERVATION]
    more = max(len(shown) - TIMELINE_LIMIT, 0)
    shown = shown[-TIMELINE_LIMIT:]
    sources = {s.id: s for s in snap.sources({f.source_id for f in shown})}
    reviews = snap.reviewed([f.id for f in shown]) if shown else {}
    timeline = [TimelineEntry(f, sources.get(f.source_id), later.get(f.id) or ("rejected" if f.id in rejected else None),
                              reviews.get(f.id, [])) for f in shown]
    relations = []
    current = [f for f in shown if f.id not in later and f.id not in rejected]
    for f in current:
        if f.type in RELATION_TYPES or f.type is FactType.COMMERCIAL_CONTRACT:
            if f.subject_id == entity.id:
                for p in f.counterparties:
                    relations.append((f"{f.type.value.replace('_', ' ')} ({p.role.value})", p.name, p.entity_id, f))
            else:
                relations.append((f"{f.type.value.replace('_', ' ')}: {f.subject} names it as {_role_of(f, entity.id)}",
                                  f.subject, f.subject_id, f))
    raises = [f for f in current if f.subject_id == entity.id
              and f.type in (FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT) and f.amount]
    parent = None
    if entity.parent_id:
        try:
            parent = snap.entity(entity.parent_id)
        except NotFoundError:
            parent = None
    backing = backing_scores(copy, snap).get(entity.id)
    outlooks = copy.cached(("outlook", snap.as_of), lambda: {o.entity_id: o for o in exit_outlook(snap).companies})
    return CompanyView(entity, timeline, relations, sorted(prices), raises,
                       backing if backing and backing.contracts else None, outlooks.get(entity.id), parent, more)


def backing_scores(copy: Copy, snap: SqlSnapshot) -> dict:
    """Capex backing of every company that sells contracts, worked out once per copy and as-of time."""
    def make() -> dict:
        visible, params = snap._visible()
        ids = [r[0] for r in snap.backend.query(
            f"SELECT DISTINCT subject_id FROM ({visible}) v WHERE type = 'commercial_contract'", params)]
        return capex_backing_many(snap, ids) if ids else {}
    return copy.cached(("backing", snap.as_of), make)


def facts_about(copy: Copy, snap: SqlSnapshot, entity_id: str) -> list[Fact]:
    """Every fact recorded by the snapshot's time whose subject or a counterparty is ``entity_id``,
    superseded versions included, in valid-time order.

    What ``snap.facts(entity=..., include_superseded=True)`` gives, through a table of (fact, party)
    pairs made once per copy: a semi-join on it costs a fifth of testing every fact's counterparties.
    """
    def make() -> str:
        # Row numbers of the copy, which is never written: a lookup by rowid fetches only those rows.
        snap.backend.query("CREATE TABLE IF NOT EXISTS fact_parties AS SELECT rowid AS rid, subject_id AS entity_id "
                           f"FROM facts UNION ALL SELECT rowid, unnest({snap.dialect.party_ids}) FROM facts")
        return "fact_parties"
    parties = copy.cached(("fact_parties",), make)
    rows = snap.backend.query(
        f"SELECT {', '.join(FACT_COLUMNS)} FROM facts WHERE rowid IN (SELECT rid FROM {parties} WHERE entity_id = ?) "
        "AND recorded_at <= ? ORDER BY valid_start NULLS LAST, valid_end NULLS LAST, recorded_at, id",
        [entity_id, snap._t])
    return [fact_from_row(r) for r in rows]


def warm(copy: Copy) -> None:
    """Work out, once, what the first visitors of a new copy would otherwise wait for."""
    snap = copy.snapshot(None)
    overview(copy, snap)
    backing_scores(copy, snap)
    copy.cached(("outlook", snap.as_of), lambda: {o.entity_id: o for o in exit_outlook(snap).companies})
    facts_about(copy, snap, "")


def _role_of(f: Fact, entity_id: str) -> str:
    return next((p.role.value for p in f.counterparties if p.entity_id == entity_id), "party")


def _rejected(snap: SqlSnapshot) -> set[str]:
    rows = snap.backend.query("SELECT fact_id FROM reviews WHERE action = 'reject' AND recorded_at <= ?", [snap._t])
    return {r[0] for r in rows}


@dataclass(frozen=True)
class Segment:
    """A stretch of a document's text, and the facts whose evidence covers it (none: plain text)."""

    start: int
    text: str
    fact_ids: tuple[str, ...] = ()


#: Facts shown with a source (a document states a few dozen; a data file may state thousands).
SOURCE_FACTS_LIMIT = 200


@dataclass(frozen=True)
class SourceView:
    source: Source
    text: str | None
    segments: list[Segment]
    facts: list[Fact]
    reviews: dict[str, list]
    total: int = 0


def source_view(snap: SqlSnapshot, source_id: str, limit: int = SOURCE_FACTS_LIMIT) -> SourceView:
    """A source with its text, cut at its first ``limit`` facts' evidence spans, and those facts."""
    source = snap.source(source_id)
    page = snap.fact_page(source_id=source_id, limit=limit)
    facts = page.items
    text = snap.document_text(source_id)
    reviews = snap.reviewed([f.id for f in facts]) if facts else {}
    return SourceView(source, text, segments(text, facts) if text else [], facts, reviews, page.total)


def segments(text: str, facts: list[Fact]) -> list[Segment]:
    """``text`` cut where evidence spans begin and end; each piece knows the facts that cover it."""
    spans = [(f.span[0], f.span[1], f.id) for f in facts
             if f.span and 0 <= f.span[0] < f.span[1] <= len(text)]
    cuts = sorted({0, len(text), *[s for s, _, _ in spans], *[e for _, e, _ in spans]})
    covering: dict[int, list[str]] = defaultdict(list)
    for s, e, fid in spans:
        for i, cut in enumerate(cuts[:-1]):
            if s <= cut < e:
                covering[i].append(fid)
    return [Segment(a, text[a:b], tuple(covering.get(i, ()))) for i, (a, b) in enumerate(zip(cuts, cuts[1:])) if b > a]


__all__ = ["CompanyView", "Overview", "Segment", "SourceView", "company", "overview", "reviewed_ids", "segments",
           "source_view"]
