"""The deals table: one row per deal event as of a record time, with filters, facet counts, sorting, pages.

Each as-of time's events are worked out once per copy of the ledger (:mod:`.mirror`) into a table of
event heads, in the same state order as :mod:`infraledger.ledger.listings`; a page, a facet count or a
download is then one small query over that table. Every filter value reaches SQL as a parameter,
and the sort column comes from a fixed list, never from the request.
"""

from __future__ import annotations

import base64
import itertools
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from ..errors import InputError, NotFoundError
from ..ledger.listings import STATUS_RANK
from ..ledger.snapshot import SqlSnapshot
from ..model import DEAL_TYPES, Layer, SourceKind, Status
from .mirror import Copy

#: Sort keys a request may name, and the SQL they stand for (ties broken by subject, then key).
SORTS = {"date": "start", "subject": "subject_key", "type": "type", "amount": "amount_usd",
         "status": "status_rank", "recorded": "last_recorded", "sources": "n_sources"}
FACETS = ("type", "status", "layer", "source_kind", "reviewed")
MAX_LIMIT = 500
_DEAL_TYPES = sorted(t.value for t in DEAL_TYPES)
_names = itertools.count()


def _rank(alias: str) -> str:
    """The listings' status rank of the facts in ``alias``."""
    return STATUS_RANK.replace("CASE status", f"CASE {alias}.status")


def _head_order(alias: str) -> str:
    """Struct key that orders an event's facts like :data:`~infraledger.ledger.listings.HEAD_FIRST`, head last."""
    return (f"{{'rank': {_rank(alias)}, 'end': coalesce({alias}.valid_end, DATE '0001-01-01'), "
            f"'recorded': {alias}.recorded_at, 'id': {alias}.id}}")


@dataclass(frozen=True)
class DealFilters:
    """What a deals view keeps; every field optional. Values are checked when the filters are made."""

    types: tuple[str, ...] = ()
    status: str | None = None
    layer: str | None = None
    company: str | None = None
    date_from: date | None = None
    date_until: date | None = None
    source_kind: str | None = None
    reviewed: bool | None = None

    def __post_init__(self) -> None:
        for t in self.types:
            if t not in _DEAL_TYPES:
                raise InputError(f"unknown deal type '{t}' (one of: {', '.join(_DEAL_TYPES)})")
        _member(self.status, Status, "status")
        _member(self.layer, Layer, "layer")
        _member(self.source_kind, SourceKind, "source kind")
        if self.date_from and self.date_until and self.date_from > self.date_until:
            raise InputError("the date range ends before it starts")
        if self.company is not None and len(self.company) > 200:
            raise InputError("company name too long")

    def without(self, facet: str) -> "DealFilters":
        """These filters but for ``facet`` (a facet's counts are taken under every other filter)."""
        name = {"type": "types", "source_kind": "source_kind"}.get(facet, facet)
        values = dict(self.__dict__)
        values[name] = () if name == "types" else None
        return DealFilters(**values)


def _member(value: str | None, enum, what: str) -> None:
    if value is not None and value not in {m.value for m in enum}:
        raise InputError(f"unknown {what} '{value}' (one of: {', '.join(m.value for m in enum)})")


@dataclass(frozen=True)
class DealRow:
    """One deal event as the table shows it."""

    key: str
    type: str
    subject: str
    subject_id: str
    status: str | None
    start: date | None
    amount: str | None
    amount_usd: float | None
    n_facts: int
    n_sources: int
    source_kinds: tuple[str, ...]
    layers: tuple[str, ...]
    reviewed: bool
    min_confidence: float
    last_recorded: datetime
    head_id: str
    counterparties: tuple[tuple[str, str, str | None], ...] = ()
    evidence: str = ""
    source_id: str = ""


@dataclass(frozen=True)
class DealsPage:
    rows: list[DealRow]
    total: int
    offset: int
    limit: int
    next_cursor: str | None
    prev_cursor: str | None
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The position a cursor stands for; InputError for one this server did not give out."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        offset = json.loads(raw)["o"]
    except (ValueError, KeyError, TypeError):
        raise InputError("not a cursor this server gave out") from None
    if not isinstance(offset, int) or offset < 0:
        raise InputError("not a cursor this server gave out")
    return offset


def _deals_table(copy: Copy, snap: SqlSnapshot) -> str:
    """Name of the table of deal events as of ``snap``'s time in the copy (made on first use)."""
    def make() -> str:
        name = f"deals_{next(_names)}"
        visible, vparams = snap._visible()
        known, kparams = snap._entities()
        reviewed = ("SELECT fact_id AS id FROM reviews WHERE action = 'accept' AND recorded_at <= ? UNION "
                    "SELECT new_fact_id FROM reviews WHERE action IN ('correct', 'add') AND recorded_at <= ?")
        sql = (f"CREATE TABLE {name} AS WITH v AS (SELECT * FROM ({visible}) f WHERE type IN "
               f"({', '.join('?' for _ in _DEAL_TYPES)})), "
               "x AS (SELECT v.event_key, min(v.valid_start) AS start, count(*) AS n_facts, "
               "count(DISTINCT v.source_id) AS n_sources, min(v.confidence) AS min_confidence, "
               "max(v.recorded_at) AS last_recorded, list(DISTINCT s.kind) AS source_kinds, "
               "arg_max({'type': v.type, 'subject': v.subject, 'subject_id': v.subject_id, 'status': v.status, "
               "'id': v.id, 'counterparties': v.counterparties, 'evidence': v.evidence, 'source_id': v.source_id}, "
               f"{_head_order('v')}) AS head, "
               "arg_max({'amount': v.amount, 'high': v.amount_high, 'currency': v.currency, "
               f"'qualifier': v.amount_qualifier}}, {_head_order('v')}) FILTER (WHERE v.amount IS NOT NULL) AS money, "
               "list_distinct(flatten(list(list_transform(v.counterparties, lambda p: p.entity_id)))) AS parties "
               "FROM v LEFT JOIN (SELECT id, min(kind) AS kind FROM sources GROUP BY id) s ON s.id = v.source_id "
               "GROUP BY v.event_key) "
               "SELECT x.event_key AS key, head.type AS type, head.subject AS subject, head.subject_id AS subject_id, "
               "lower(head.subject) AS subject_key, "
               f"head.status AS status, {_rank('head')} AS status_rank, "
               "start, n_facts, n_sources, min_confidence, last_recorded, source_kinds, head.id AS head_id, "
               "head.counterparties AS counterparties, head.evidence AS evidence, head.source_id AS source_id, "
               "money.amount AS amount, money.high AS amount_high, money.currency AS currency, "
               "money.qualifier AS amount_qualifier, "
               "CASE WHEN money.currency = 'USD' THEN CAST(money.amount AS DOUBLE) END AS amount_usd, "
               "list_append(parties, head.subject_id) AS parties, coalesce(e.layers, []) AS layers, "
               "r.id IS NOT NULL AS reviewed "
               f"FROM x LEFT JOIN ({known}) e ON e.id = head.subject_id "
               f"LEFT JOIN ({reviewed}) r ON r.id = head.id")
        t = snap._t
        snap.backend.query(sql, [*vparams, *_DEAL_TYPES, *kparams, t, t])
        return name
    return copy.cached(("deals", snap.as_of), make)


def _where(filters: DealFilters, snap: SqlSnapshot) -> tuple[str, list]:
    where, params = ["TRUE"], []
    if filters.types:
        where.append(f"type IN ({', '.join('?' for _ in filters.types)})")
        params += list(filters.types)
    if filters.status:
        where.append("status = ?")
        params.append(filters.status)
    if filters.layer:
        where.append("list_contains(layers, ?)")
        params.append(filters.layer)
    if filters.company:
        try:
            eid = snap.entity(filters.company).id
        except NotFoundError:
            eid = "\x00none"  # a company the ledger does not know has no deals: an empty table, not an error
        where.append("list_contains(parties, ?)")
        params.append(eid)
    if filters.date_from:
        where.append("start >= ?")
        params.append(filters.date_from)
    if filters.date_until:
        where.append("start <= ?")
        params.append(filters.date_until)
    if filters.source_kind:
        where.append("list_contains(source_kinds, ?)")
        params.append(filters.source_kind)
    if filters.reviewed is not None:
        where.append("reviewed = ?")
        params.append(filters.reviewed)
    return " AND ".join(where), params


_FACET_SQL = {"type": "type", "status": "coalesce(status, '')", "reviewed": "CAST(reviewed AS VARCHAR)"}


def deals(copy: Copy, snap: SqlSnapshot, filters: DealFilters, *, sort: str = "date", descending: bool = False,
          limit: int = 50, cursor: str | None = None, facets: bool = True, max_limit: int = MAX_LIMIT) -> DealsPage:
    """A page of the deals table as of ``snap``'s time."""
    if sort not in SORTS:
        raise InputError(f"cannot sort by '{sort}' (one of: {', '.join(SORTS)})")
    if not 1 <= limit <= max_limit:
        raise InputError(f"limit must be between 1 and {max_limit}")
    offset = decode_cursor(cursor)
    table = _deals_table(copy, snap)
    where, params = _where(filters, snap)
    direction = "DESC" if descending else "ASC"
    rows = snap.backend.query(
        "SELECT key, type, subject, subject_id, status, start, amount, amount_high, currency, amount_qualifier, "
        "amount_usd, n_facts, n_sources, source_kinds, layers, reviewed, min_confidence, last_recorded, head_id, "
        f"counterparties, evidence, source_id FROM {table} WHERE {where} "
        f"ORDER BY {SORTS[sort]} {direction} NULLS LAST, subject_key, key LIMIT ? OFFSET ?", [*params, limit, offset])
    # The total and the facets do not change with the sort or the page: counted once per view.
    view = (table, where, tuple(map(str, params)))
    total = copy.cached(("total", *view), lambda: snap.backend.query(
        f"SELECT count(*) FROM {table} WHERE {where}", params)[0][0], keep=4096)
    items = [DealRow(
        key=r[0], type=r[1], subject=r[2], subject_id=r[3], status=r[4], start=r[5],
        amount=_money_text(r[6], r[7], r[8], r[9]), amount_usd=r[10], n_facts=r[11], n_sources=r[12],
        source_kinds=tuple(sorted(k for k in r[13] if k)), layers=tuple(r[14]), reviewed=r[15],
        min_confidence=r[16], last_recorded=r[17], head_id=r[18],
        counterparties=tuple((p["name"], p["role"], p["entity_id"]) for p in r[19] or ()),
        evidence=r[20] or "", source_id=r[21]) for r in rows]
    counts = copy.cached(("facets", *view), lambda: {f: facet_counts(snap, table, filters, f) for f in FACETS},
                         keep=4096) if facets else {}
    return DealsPage(items, total, offset, limit,
                     encode_cursor(offset + limit) if offset + limit < total else None,
                     encode_cursor(max(offset - limit, 0)) if offset else None, counts)


def facet_counts(snap: SqlSnapshot, table: str, filters: DealFilters, facet: str) -> list[tuple[str, int]]:
    """Events per value of ``facet`` under every other filter, most first."""
    where, params = _where(filters.without(facet), snap)
    if facet in ("layer", "source_kind"):
        column = "layers" if facet == "layer" else "source_kinds"
        sql = (f"SELECT value, count(*) FROM (SELECT unnest({column}) AS value FROM {table} WHERE {where}) u "
               "WHERE value IS NOT NULL GROUP BY value ORDER BY count(*) DESC, value")
    else:
        sql = (f"SELECT {_FACET_SQL[facet]} AS value, count(*) FROM {table} WHERE {where} "
               "GROUP BY value ORDER BY count(*) DESC, value")
    return [(str(v), n) for v, n in snap.backend.query(sql, params)]


def _money_text(amount, high, currency, qualifier) -> str | None:
    if amount is None:
        return None
    from ..model import Money

    try:
        return str(Money(amount, currency or "USD", qualifier=qualifier or "exact", high=high))
    except (TypeError, ValueError):
        return f"{amount} {currency or ''}".strip()


__all__ = ["DealFilters", "DealRow", "DealsPage", "FACETS", "SORTS", "deals"]
