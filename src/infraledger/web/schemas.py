"""The JSON API's shapes: stable field names, documented once here, shown in the OpenAPI document."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..model import Entity, Fact, Source


class Party(BaseModel):
    name: str
    role: str
    entity_id: str | None = None


class MoneyOut(BaseModel):
    amount: str
    currency: str
    qualifier: str = "exact"
    high: str | None = None
    text: str = Field(description="The amount as written, e.g. '$1.5B'.")


class TimeOut(BaseModel):
    start: date | None
    end: date | None
    precision: str | None = None
    label: str


class FactOut(BaseModel):
    id: str
    type: str
    subject: str
    subject_id: str | None
    counterparties: list[Party]
    people: list[str] = []
    amount: MoneyOut | None = None
    valuation: MoneyOut | None = None
    time: TimeOut | None = None
    status: str | None = None
    evidence: str = ""
    span: list[int] | None = None
    confidence: float
    source_id: str
    event_key: str
    recorded_at: datetime
    supersedes: str | None = None
    attributes: dict[str, Any] = {}
    reviewed_by: list[str] = Field(default=[], description="Reviewers who accepted or wrote this fact.")


def money_out(m) -> MoneyOut | None:
    if m is None:
        return None
    return MoneyOut(amount=str(m.amount), currency=m.currency, qualifier=m.qualifier.value,
                    high=str(m.high) if m.high is not None else None, text=str(m))


def fact_out(f: Fact, reviewers: list[str] | None = None) -> FactOut:
    return FactOut(
        id=f.id, type=f.type.value, subject=f.subject, subject_id=f.subject_id,
        counterparties=[Party(name=p.name, role=p.role.value, entity_id=p.entity_id) for p in f.counterparties],
        people=list(f.people), amount=money_out(f.amount), valuation=money_out(f.valuation),
        time=TimeOut(start=f.time.start, end=f.time.end, precision=f.time.precision.value if f.time.precision else None,
                     label=f.time.label()) if f.time else None,
        status=f.status.value if f.status else None, evidence=f.evidence, span=list(f.span) if f.span else None,
        confidence=f.confidence, source_id=f.source_id, event_key=f.event_key, recorded_at=f.recorded_at,
        supersedes=f.supersedes, attributes=f.attributes, reviewed_by=sorted(set(reviewers or ())))


class EntityOut(BaseModel):
    id: str
    name: str
    kind: str
    aliases: list[str] = []
    tickers: list[str] = []
    cik: int | None = None
    country: str | None = None
    layers: list[str] = []
    parent_id: str | None = None


def entity_out(e: Entity) -> EntityOut:
    return EntityOut(id=e.id, name=e.name, kind=e.kind.value, aliases=list(e.aliases), tickers=list(e.tickers),
                     cik=e.cik, country=e.country, layers=[x.value for x in e.layers], parent_id=e.parent_id)


class SourceOut(BaseModel):
    id: str
    kind: str
    title: str = ""
    publisher: str = ""
    url: str = ""
    published: date | None = None
    retrieved: date | None = None
    content_hash: str = ""
    form_type: str = ""
    accession: str = ""
    filer_cik: int | None = None
    recorded_at: datetime | None = None


def source_out(s: Source) -> SourceOut:
    return SourceOut(id=s.id, kind=s.kind.value, title=s.title, publisher=s.publisher, url=s.url,
                     published=s.published, retrieved=s.retrieved, content_hash=s.content_hash, form_type=s.form_type,
                     accession=s.accession, filer_cik=s.filer_cik, recorded_at=s.recorded_at)


class DealOut(BaseModel):
    key: str = Field(description="The event's key: facts of every source about this deal share it.")
    type: str
    subject: str
    subject_id: str
    status: str | None
    start: date | None
    amount: str | None
    counterparties: list[Party]
    facts: int
    sources: int
    source_kinds: list[str]
    layers: list[str]
    reviewed: bool
    least_confidence: float
    last_recorded: datetime
    head_fact_id: str


class FacetValue(BaseModel):
    value: str
    count: int


class Paging(BaseModel):
    total: int
    limit: int
    next_cursor: str | None = None
    prev_cursor: str | None = None


class DealsOut(BaseModel):
    as_of: str
    items: list[DealOut]
    paging: Paging
    facets: dict[str, list[FacetValue]] = {}


class FactsOut(BaseModel):
    as_of: str
    items: list[FactOut]
    paging: Paging


class EntitiesOut(BaseModel):
    as_of: str
    items: list[EntityOut]
    paging: Paging


class SourcesOut(BaseModel):
    as_of: str
    items: list[SourceOut]
    paging: Paging


class TimelineItem(BaseModel):
    fact: FactOut
    source: SourceOut | None
    superseded_by: str | None = Field(None, description="Id of the fact that corrects this one, or 'rejected'.")


class CompanyOut(BaseModel):
    as_of: str
    entity: EntityOut
    timeline: list[TimelineItem]
    relations: list[dict[str, Any]]
    prices: list[dict[str, Any]]
    backing: dict[str, Any] | None = None
    outlook: dict[str, Any] | None = None


class Highlight(BaseModel):
    start: int
    end: int
    fact_ids: list[str]


class SourceDetailOut(BaseModel):
    as_of: str
    source: SourceOut
    text: str | None
    highlights: list[Highlight]
    facts: list[FactOut]
    facts_total: int = Field(description="Facts read from the source; the first 200 are given (all: /facts?source_id=).")


class ConflictOut(BaseModel):
    key: str
    type: str
    subject: str
    field: str
    values: list[str]
    facts: list[FactOut]


class ConflictsOut(BaseModel):
    as_of: str
    items: list[ConflictOut]
    paging: Paging


class OverviewOut(BaseModel):
    as_of: str
    facts: int
    entities: int
    sources: int
    events: int
    conflicts: int
    review_backlog: int
    reviewed: int
    latest: list[FactOut]


class ReviewIn(BaseModel):
    action: Literal["accept", "correct", "reject"]
    note: str = Field("", max_length=2000)
    correction: dict[str, Any] | None = Field(
        None, description="For 'correct': the fact's fields as they should read (the shape of a FactOut's type, "
                          "subject, counterparties, amount text, date text, status).")


class AddFactIn(BaseModel):
    source_id: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    type: str
    subject: str = Field(min_length=1, max_length=300)
    counterparties: list[Party] = []
    amount: str = Field("", max_length=100, description="e.g. '$1.5 billion', 'about €200M'")
    date: str = Field("", max_length=100, description="e.g. '2026-03-04', 'Q2 2026', 'March 2026'")
    status: str | None = None
    note: str = Field("", max_length=2000)


class ReviewOut(BaseModel):
    fact_id: str
    action: str
    reviewer: str
    recorded_at: datetime
    new_fact_id: str | None = None


class QueueOut(BaseModel):
    as_of: str
    items: list[FactOut]
    paging: Paging


class AuditIn(BaseModel):
    text: str = Field(min_length=1)
    title: str = Field("", max_length=300)
    published: date | None = None


class ErrorOut(BaseModel):
    error: dict[str, Any]
