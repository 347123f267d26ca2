"""The JSON API under ``/api/v1/``: everything the pages show, as data; every read takes ``as_of``."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import Response

from ..errors import InputError, NotFoundError
from ..ledger.tokens import AccessRole
from . import actions
from .deals import DealFilters, DealRow, deals
from .schemas import (
    AddFactIn,
    AuditIn,
    CompanyOut,
    ConflictOut,
    ConflictsOut,
    DealOut,
    DealsOut,
    EntitiesOut,
    FacetValue,
    FactOut,
    FactsOut,
    Highlight,
    OverviewOut,
    Paging,
    Party,
    QueueOut,
    ReviewIn,
    ReviewOut,
    SourceDetailOut,
    SourcesOut,
    TimelineItem,
    entity_out,
    fact_out,
    source_out,
)
from .security import require
from .views import company, overview, source_view

router = APIRouter(prefix="/api/v1", tags=["ledger"])

AsOf = Annotated[str | None, Query(max_length=32, description="Record date or timestamp: the ledger as it stood then.")]
Limit = Annotated[int, Query(ge=1, le=500)]
Cursor = Annotated[str | None, Query(max_length=200)]
Text = Annotated[str | None, Query(max_length=200)]
#: Rows a download gives at most.
EXPORT_LIMIT = 100_000


def _label(as_of: str | None) -> str:
    return as_of or "now"


def _server(request: Request):
    return request.app.state.server


def _offset_paging(total: int, offset: int, limit: int) -> Paging:
    from .deals import encode_cursor

    return Paging(total=total, limit=limit,
                  next_cursor=encode_cursor(offset + limit) if offset + limit < total else None,
                  prev_cursor=encode_cursor(max(offset - limit, 0)) if offset else None)


def deal_filters(type: list[str] | None = None, status: str | None = None, layer: str | None = None,
                 company: str | None = None, date_from: date | None = None, date_until: date | None = None,
                 source_kind: str | None = None, reviewed: bool | None = None) -> DealFilters:
    return DealFilters(types=tuple(t for t in (type or ()) if t), status=status or None, layer=layer or None,
                       company=company or None, date_from=date_from, date_until=date_until,
                       source_kind=source_kind or None, reviewed=reviewed)


def deal_out(r: DealRow) -> DealOut:
    return DealOut(key=r.key, type=r.type, subject=r.subject, subject_id=r.subject_id, status=r.status, start=r.start,
                   amount=r.amount, counterparties=[Party(name=n, role=role, entity_id=e) for n, role, e in r.counterparties],
                   facts=r.n_facts, sources=r.n_sources, source_kinds=list(r.source_kinds), layers=list(r.layers),
                   reviewed=r.reviewed, least_confidence=r.min_confidence, last_recorded=r.last_recorded,
                   head_fact_id=r.head_id)


@router.get("/overview", response_model=OverviewOut, summary="What the ledger holds")
def get_overview(request: Request, as_of: AsOf = None) -> OverviewOut:
    copy, snap = _server(request).snapshot(as_of)
    o = overview(copy, snap)
    return OverviewOut(as_of=_label(as_of), facts=o.facts, entities=o.entities, sources=o.sources, events=o.events,
                       conflicts=o.conflicts, review_backlog=o.backlog, reviewed=o.reviewed,
                       latest=[fact_out(f) for f in o.latest])


def _deal_query(request: Request, as_of, type, status, layer, company, date_from, date_until, source_kind, reviewed):
    copy, snap = _server(request).snapshot(as_of)
    return copy, snap, deal_filters(type, status, layer, company, date_from, date_until, source_kind, reviewed)


@router.get("/deals", response_model=DealsOut, summary="Deal events with filters, facets, sorting and cursor pages")
def get_deals(request: Request, as_of: AsOf = None, type: Annotated[list[str] | None, Query(max_length=10)] = None,
              status: Text = None, layer: Text = None, company: Text = None, date_from: date | None = None,
              date_until: date | None = None, source_kind: Text = None, reviewed: bool | None = None,
              sort: Annotated[str, Query(max_length=20)] = "date",
              order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc",
              limit: Limit = 50, cursor: Cursor = None) -> DealsOut:
    copy, snap, filters = _deal_query(request, as_of, type, status, layer, company, date_from, date_until,
                                      source_kind, reviewed)
    page = deals(copy, snap, filters, sort=sort, descending=order == "desc", limit=limit, cursor=cursor)
    return DealsOut(as_of=_label(as_of), items=[deal_out(r) for r in page.rows],
                    paging=Paging(total=page.total, limit=limit, next_cursor=page.next_cursor,
                                  prev_cursor=page.prev_cursor),
                    facets={k: [FacetValue(value=v, count=n) for v, n in vs] for k, vs in page.facets.items()})


DEAL_COLUMNS = ("start", "type", "subject", "counterparties", "amount", "status", "sources", "source_kinds",
                "reviewed", "key")


def deal_record(r: DealRow) -> dict[str, Any]:
    return {"start": r.start.isoformat() if r.start else "", "type": r.type, "subject": r.subject,
            "counterparties": "; ".join(f"{role}: {n}" for n, role, _ in r.counterparties), "amount": r.amount or "",
            "status": r.status or "", "sources": r.n_sources, "source_kinds": " ".join(r.source_kinds),
            "reviewed": r.reviewed, "key": r.key}


@router.get("/deals/export", summary="The deals view (same filters and order) as a CSV or JSON download")
def export_deals(request: Request, format: Annotated[str, Query(pattern="^(csv|json)$")] = "csv", as_of: AsOf = None,
                 type: Annotated[list[str] | None, Query(max_length=10)] = None, status: Text = None,
                 layer: Text = None, company: Text = None, date_from: date | None = None,
                 date_until: date | None = None, source_kind: Text = None, reviewed: bool | None = None,
                 sort: Annotated[str, Query(max_length=20)] = "date",
                 order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc") -> Response:
    copy, snap, filters = _deal_query(request, as_of, type, status, layer, company, date_from, date_until,
                                      source_kind, reviewed)
    page = deals(copy, snap, filters, sort=sort, descending=order == "desc", limit=EXPORT_LIMIT, facets=False,
                 max_limit=EXPORT_LIMIT)
    records = [deal_record(r) for r in page.rows]
    if format == "json":
        body, media = json.dumps(records, indent=1), "application/json"
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=DEAL_COLUMNS)
        writer.writeheader()
        writer.writerows({k: _csv_safe(v) for k, v in rec.items()} for rec in records)
        body, media = out.getvalue(), "text/csv; charset=utf-8"
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="deals.{format}"'})


def _csv_safe(value):
    """A cell a spreadsheet will not run as a formula (text from sources may start with = + - @)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@router.get("/events/{key}", response_model=FactsOut, summary="The facts of one event, head last")
def get_event(request: Request, key: str, as_of: AsOf = None) -> FactsOut:
    _copy, snap = _server(request).snapshot(as_of)
    key = key[:100]
    facts = snap._facts_of([key], *snap._selected()).get(key, [])
    if not facts:
        raise NotFoundError(f"no event '{key}' in the ledger")
    reviews = snap.reviewed([f.id for f in facts])
    return FactsOut(as_of=_label(as_of), items=[fact_out(f, _reviewers(reviews, f.id)) for f in facts],
                    paging=Paging(total=len(facts), limit=len(facts)))


def _reviewers(reviews: dict, fact_id: str) -> list[str]:
    return [r.reviewer for r in reviews.get(fact_id, []) if r.action.value != "reject"]


@router.get("/facts", response_model=FactsOut, summary="Visible facts, by valid time")
def get_facts(request: Request, as_of: AsOf = None, type: Annotated[list[str] | None, Query(max_length=10)] = None,
              company: Text = None, source_id: Text = None, include_superseded: bool = False,
              limit: Limit = 50, cursor: Cursor = None) -> FactsOut:
    from .deals import decode_cursor

    _copy, snap = _server(request).snapshot(as_of)
    offset = decode_cursor(cursor)
    try:
        page = snap.fact_page(types=type or None, entity=company or None, source_id=source_id or None,
                              include_superseded=include_superseded, limit=limit, offset=offset)
    except ValueError as exc:
        raise InputError(f"type: {exc}") from None
    reviews = snap.reviewed([f.id for f in page.items]) if page.items else {}
    return FactsOut(as_of=_label(as_of), items=[fact_out(f, _reviewers(reviews, f.id)) for f in page.items],
                    paging=_offset_paging(page.total, offset, limit))


@router.get("/facts/{fact_id}", response_model=FactOut, summary="One fact")
def get_fact(request: Request, fact_id: str, as_of: AsOf = None) -> FactOut:
    _copy, snap = _server(request).snapshot(as_of)
    f = snap.fact(fact_id[:100])
    return fact_out(f, _reviewers(snap.reviewed([f.id]), f.id))


@router.get("/entities", response_model=EntitiesOut, summary="Entities by name")
def get_entities(request: Request, as_of: AsOf = None, layer: Text = None, kind: Text = None, limit: Limit = 50,
                 cursor: Cursor = None) -> EntitiesOut:
    from .deals import decode_cursor

    _copy, snap = _server(request).snapshot(as_of)
    offset = decode_cursor(cursor)
    page = snap.entity_page(layer=layer or None, kind=kind or None, limit=limit, offset=offset)
    return EntitiesOut(as_of=_label(as_of), items=[entity_out(e) for e in page.items],
                       paging=_offset_paging(page.total, offset, limit))


@router.get("/entities/{ref}", response_model=CompanyOut, summary="A company: timeline, relations, prices, analyses")
def get_entity(request: Request, ref: str, as_of: AsOf = None) -> CompanyOut:
    copy, snap = _server(request).snapshot(as_of)
    view = company(copy, snap, ref[:200])
    return CompanyOut(
        as_of=_label(as_of), entity=entity_out(view.entity),
        timeline=[TimelineItem(fact=fact_out(t.fact, [r.reviewer for r in t.reviews if r.action.value != "reject"]),
                               source=source_out(t.source) if t.source else None, superseded_by=t.superseded_by)
                  for t in view.timeline],
        relations=[{"relation": rel, "name": name, "entity_id": eid, "fact_id": f.id}
                   for rel, name, eid, f in view.relations],
        prices=[{"date": d.isoformat(), "close": c, "currency": cur} for d, c, cur in view.prices],
        backing=jsonable(view.backing) if view.backing else None,
        outlook=jsonable(view.outlook) if view.outlook else None)


@router.get("/sources", response_model=SourcesOut, summary="Sources by record time")
def get_sources(request: Request, as_of: AsOf = None, limit: Limit = 50, cursor: Cursor = None) -> SourcesOut:
    from .deals import decode_cursor

    copy, snap = _server(request).snapshot(as_of)
    offset = decode_cursor(cursor)
    every = copy.cached(("sources", snap.as_of), snap.sources)
    return SourcesOut(as_of=_label(as_of), items=[source_out(s) for s in every[offset:offset + limit]],
                      paging=_offset_paging(len(every), offset, limit))


@router.get("/sources/{source_id}", response_model=SourceDetailOut,
            summary="A source: its text, the evidence spans in it, the facts read from it")
def get_source(request: Request, source_id: str, as_of: AsOf = None) -> SourceDetailOut:
    _copy, snap = _server(request).snapshot(as_of)
    view = source_view(snap, source_id[:100])
    return SourceDetailOut(
        as_of=_label(as_of), source=source_out(view.source), text=view.text,
        highlights=[Highlight(start=f.span[0], end=f.span[1], fact_ids=[f.id]) for f in view.facts if f.span],
        facts=[fact_out(f, _reviewers(view.reviews, f.id)) for f in view.facts], facts_total=view.total)


@router.get("/conflicts", response_model=ConflictsOut, summary="Facts of one event that disagree")
def get_conflicts(request: Request, as_of: AsOf = None, limit: Limit = 50, cursor: Cursor = None) -> ConflictsOut:
    from .deals import decode_cursor

    copy, snap = _server(request).snapshot(as_of)
    offset = decode_cursor(cursor)
    every = copy.cached(("conflicts", snap.as_of), snap.conflicts)
    return ConflictsOut(as_of=_label(as_of), items=[
        ConflictOut(key=c.key, type=c.type.value, subject=c.subject, field=c.field, values=list(c.values),
                    facts=[fact_out(f) for f in c.facts]) for c in every[offset:offset + limit]],
        paging=_offset_paging(len(every), offset, limit))


@router.get("/analyses/{name}", summary="One of the report's analyses, as data")
def get_analysis(request: Request, name: str, as_of: AsOf = None) -> dict[str, Any]:
    from .analyses import ANALYSES, analysis

    if name not in ANALYSES:
        raise NotFoundError(f"no analysis '{name[:40]}' (one of: {', '.join(ANALYSES)})")
    copy, snap = _server(request).snapshot(as_of)
    return {"as_of": _label(as_of), "analysis": name, "result": jsonable(analysis(copy, snap, name))}


@router.post("/audit", summary="Audit a text's claims against the ledger (needs a token)")
def post_audit(request: Request, body: AuditIn, as_of: AsOf = None) -> dict[str, Any]:
    server = _server(request)
    require(server.access(request), AccessRole.READER, writes=True)
    report = actions.audit_text(server, body.text, body.title, body.published, as_of)
    return report.to_json()


@router.get("/review/queue", response_model=QueueOut, summary="Machine-read facts nobody has reviewed")
def get_queue(request: Request, as_of: AsOf = None, source_id: Text = None,
              order: Annotated[str, Query(pattern="^(confidence|document)$")] = "confidence",
              limit: Limit = 50, cursor: Cursor = None) -> QueueOut:
    from .deals import decode_cursor

    _copy, snap = _server(request).snapshot(as_of)
    offset = decode_cursor(cursor)
    page = snap.review_queue(source_id=source_id or None, order=order, limit=limit, offset=offset)
    return QueueOut(as_of=_label(as_of), items=[fact_out(f) for f in page.items],
                    paging=_offset_paging(page.total, offset, limit))


@router.get("/review/agreement", summary="Agreement between reviewers, per field")
def get_agreement(request: Request, as_of: AsOf = None) -> dict[str, Any]:
    from ..ledger.agreement import field_agreement

    _copy, snap = _server(request).snapshot(as_of)
    return {"as_of": _label(as_of), "fields": {k: {"agree": a, "pairs": n, "share": (a / n) if n else None}
                                               for k, (a, n) in field_agreement(snap).items()}}


@router.post("/facts/{fact_id}/review", response_model=ReviewOut, status_code=201,
             summary="Accept, correct or reject a fact (needs a reviewer token)")
def post_review(request: Request, fact_id: str, body: ReviewIn) -> ReviewOut:
    server = _server(request)
    who = require(server.access(request), AccessRole.REVIEWER, writes=server.options.writes)
    review = actions.review(server, fact_id[:100], body.action, who.name, body.correction, body.note)
    return _review_out(review)


@router.post("/facts", response_model=ReviewOut, status_code=201,
             summary="Add a fact the machine missed, from a span of its source (needs a reviewer token)")
def post_fact(request: Request, body: Annotated[AddFactIn, Body()]) -> ReviewOut:
    server = _server(request)
    who = require(server.access(request), AccessRole.REVIEWER, writes=server.options.writes)
    review = actions.add_fact(server, body.model_dump(), who.name)
    return _review_out(review)


def _review_out(review) -> ReviewOut:
    return ReviewOut(fact_id=review.fact_id, action=review.action.value, reviewer=review.reviewer,
                     recorded_at=review.recorded_at, new_fact_id=review.new_fact_id)


@router.get("/widgets.json", summary="The deals table as OpenBB Workspace widgets (a custom backend)")
def widgets() -> dict[str, Any]:
    """Widgets that show the ledger's flat deal rows (the export endpoint's JSON) in OpenBB Workspace."""
    def param(name: str, label: str, kind: str = "text", value: str = "", options: list | None = None) -> dict:
        out = {"paramName": name, "label": label, "type": kind, "value": value, "description": label}
        if options:
            out["options"] = [{"label": o, "value": o} for o in options]
        return out

    from ..model import DEAL_TYPES

    types = sorted(t.value for t in DEAL_TYPES)
    common = [param("as_of", "As of (record date)", "date"), param("company", "Company (name or ticker)")]
    return {
        "infraledger_deals": {
            "name": "Deals (infraledger)", "description": "Deal events of the AI-infrastructure capital cycle as the "
            "ledger knew them on a day: type, parties, amount, status, sources, reviewed.",
            "category": "infraledger", "defaultViz": "table", "endpoint": "api/v1/deals/export",
            "gridData": {"w": 40, "h": 12},
            "params": [*common, param("type", "Deal type", "text", "", types),
                       param("format", "Format", "text", "json", ["json"])],
        },
        "infraledger_acquisitions": {
            "name": "Acquisitions (infraledger)", "description": "Acquisitions in the ledger, largest first.",
            "category": "infraledger", "defaultViz": "table", "endpoint": "api/v1/deals/export",
            "gridData": {"w": 40, "h": 10},
            "params": [*common, param("type", "Deal type", "text", "acquisition", ["acquisition"]),
                       param("sort", "Sort", "text", "amount", ["amount"]), param("order", "Order", "text", "desc"),
                       param("format", "Format", "text", "json", ["json"])],
        },
    }


def jsonable(value: Any) -> Any:
    """An analysis result (dataclasses of figures, decimals, dates) as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for extra in ("headline", "text"):
            attr = getattr(type(value), extra, None)
            if isinstance(attr, property):
                out[extra] = jsonable(getattr(value, extra))
            elif extra == "text" and callable(attr) and extra not in out:
                try:
                    out[extra] = attr(value)
                except TypeError:
                    pass
        return out
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


__all__ = ["FactOut", "jsonable", "router"]
