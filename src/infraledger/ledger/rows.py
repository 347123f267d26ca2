"""Conversion between facts, entities, sources and the rows of the store's tables."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from ..model import (
    Entity,
    EntityKind,
    Fact,
    FactType,
    FuzzyTime,
    Layer,
    Money,
    Participant,
    Precision,
    Qualifier,
    Role,
    Source,
    SourceKind,
    Status,
)

FACT_COLUMNS = (
    "id", "type", "subject", "subject_id", "counterparties", "people",
    "amount", "amount_high", "currency", "amount_qualifier", "amount_text",
    "valuation", "valuation_high", "valuation_currency", "valuation_qualifier", "valuation_text",
    "valid_start", "valid_end", "valid_precision", "valid_text", "status", "cited_source", "evidence",
    "span_start", "span_end", "attributes", "confidence", "source_id", "event_key", "recorded_at", "supersedes",
)
SOURCE_COLUMNS = ("id", "kind", "title", "publisher", "url", "published", "retrieved", "content_hash",
                  "form_type", "accession", "filer_cik", "recorded_at")
RESOLUTION_COLUMNS = ("name", "entity_id", "method", "score", "action", "source_id", "recorded_at")
ENTITY_COLUMNS = ("id", "name", "kind", "aliases", "tickers", "cik", "country", "layers", "parent_id",
                  "version", "recorded_at")
DOCUMENT_COLUMNS = ("source_id", "text", "recorded_at")
REVIEW_COLUMNS = ("fact_id", "action", "reviewer", "new_fact_id", "fields", "note", "recorded_at")
TOKEN_COLUMNS = ("name", "role", "hash", "action", "recorded_at")


def _money_cols(m: Money | None) -> tuple:
    if m is None:
        return (None, None, None, None, None)
    return (m.amount, m.high, m.currency, m.qualifier.value, m.text or None)


def fact_row(f: Fact) -> tuple:
    t = f.time
    return (
        f.id, f.type.value, f.subject, f.subject_id,
        [{"name": p.name, "role": p.role.value, "entity_id": p.entity_id} for p in f.counterparties],
        list(f.people),
        *_money_cols(f.amount), *_money_cols(f.valuation),
        t.start if t else None, t.end if t else None, t.precision.value if t else None, (t.text or None) if t else None,
        f.status.value if f.status else None, f.cited_source or None, f.evidence or None,
        f.span[0] if f.span else None, f.span[1] if f.span else None,
        json.dumps(f.attributes, sort_keys=True, default=str) if f.attributes else None,
        f.confidence, f.source_id, f.event_key, f.recorded_at, f.supersedes,
    )


def _money(amount, high, currency, qualifier, text) -> Money | None:
    if amount is None:
        return None
    return Money(amount=_plain(amount), currency=currency or "USD", qualifier=Qualifier(qualifier or "exact"),
                 high=_plain(high) if high is not None else None, text=text or "")


def _plain(value: Decimal) -> Decimal:
    value = Decimal(value)
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def fact_from_row(r: tuple | list) -> Fact:
    (fid, ftype, subject, subject_id, cps, people, a, ah, cur, aq, at, v, vh, vcur, vq, vt,
     vs, ve, vp, vtext, status, cited, evidence, ss, se, attrs, conf, source_id, ekey, rec, sup) = r
    return Fact(
        id=fid, type=FactType(ftype), subject=subject, subject_id=subject_id,
        counterparties=tuple(Participant(p["name"], Role(p["role"]), p["entity_id"]) for p in (cps or ())),
        people=tuple(people or ()),
        amount=_money(a, ah, cur, aq, at), valuation=_money(v, vh, vcur, vq, vt),
        time=FuzzyTime(vs, ve, Precision(vp), vtext or "") if vs is not None else None,
        status=Status(status) if status else None, cited_source=cited or "", evidence=evidence or "",
        span=(ss, se) if ss is not None else None, attributes=json.loads(attrs) if attrs else {},
        confidence=conf if conf is not None else 1.0, source_id=source_id, event_key=ekey,
        recorded_at=rec, supersedes=sup,
    )


def source_row(s: Source, recorded_at: datetime) -> tuple:
    return (s.id, s.kind.value, s.title or None, s.publisher or None, s.url or None, s.published, s.retrieved,
            s.content_hash or None, s.form_type or None, s.accession or None, s.filer_cik, recorded_at)


def source_from_row(r: tuple) -> Source:
    (sid, kind, title, publisher, url, published, retrieved, chash, form, acc, cik, rec) = r
    return Source(id=sid, kind=SourceKind(kind), title=title or "", publisher=publisher or "", url=url or "",
                  published=published, retrieved=retrieved, content_hash=chash or "", form_type=form or "",
                  accession=acc or "", filer_cik=cik, recorded_at=rec)


def entity_version(e: Entity) -> str:
    return hashlib.sha256(json.dumps(e.to_json(), sort_keys=True).encode()).hexdigest()[:16]


def entity_row(e: Entity, recorded_at: datetime) -> tuple:
    return (e.id, e.name, e.kind.value, list(e.aliases), list(e.tickers), e.cik, e.country,
            [layer.value for layer in e.layers], e.parent_id, entity_version(e), recorded_at)


def entity_from_row(r: tuple) -> Entity:
    (eid, name, kind, aliases, tickers, cik, country, layers, parent, _version, _rec) = r
    return Entity(id=eid, name=name, kind=EntityKind(kind), aliases=tuple(aliases or ()),
                  tickers=tuple(tickers or ()), cik=cik, country=country,
                  layers=tuple(Layer(x) for x in (layers or ())), parent_id=parent)


def placeholders(n: int) -> str:
    return ", ".join("?" * n)


def as_jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value
