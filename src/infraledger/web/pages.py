"""The dashboard's pages, rendered on the server from the same views as the API (:mod:`.views`).

Every page takes ``as_of``; every link keeps it. Forms post back with a CSRF value (:mod:`.security`)
and answer with a redirect, so reloading a page never repeats an action. Jinja escapes every value
from a source; no page runs inline script.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from ..audit.html import COLOURS, paragraphs
from ..audit.render import value_text
from ..errors import InputError
from ..ledger.tokens import AccessRole, verify_token
from ..model import DEAL_TYPES, FactType, Layer, Role, SourceKind, Status
from ..model.fuzzytime import parse_day
from . import actions
from .analyses import report_html
from .api import deal_filters
from .deals import FACETS, SORTS, deals
from .security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    REPORT_CSP,
    SESSION_COOKIE,
    SESSION_SECONDS,
    AccessDenied,
    csrf_ok,
    new_csrf,
    require,
)
from .views import company, overview, source_view

router = APIRouter(include_in_schema=False)
AsOf = Annotated[str | None, Query(max_length=32)]
Text = Annotated[str | None, Query(max_length=200)]


def templates() -> Jinja2Templates:
    # Autoescape every template whatever its file name: every value from a source is text, never markup.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    t = Jinja2Templates(env=env)
    t.env.globals.update(deal_types=sorted(t.value for t in DEAL_TYPES), fact_types=[t.value for t in FactType],
                         statuses=[s.value for s in Status], layers=[x.value for x in Layer],
                         source_kinds=[k.value for k in SourceKind], roles=[r.value for r in Role], colours=COLOURS,
                         value_text=value_text, sorts=list(SORTS), facet_names=FACETS)
    return t


def link(path: str, params: dict[str, Any] | None = None, **more: Any) -> str:
    """``path`` with query parameters (None and empty values left out; lists repeated)."""
    merged = {**(params or {}), **more}
    pairs = []
    for k, v in merged.items():
        for item in (v if isinstance(v, (list, tuple)) else [v]):
            if item not in (None, ""):
                pairs.append((k, item))
    return path + ("?" + urlencode(pairs) if pairs else "")


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    server = request.app.state.server
    csrf = request.cookies.get(CSRF_COOKIE) or new_csrf()
    as_of = request.query_params.get("as_of") or ""
    access = None
    try:
        access = server.access(request)
    except AccessDenied:
        access = None
    base = dict(as_of=as_of, csrf=csrf, csrf_field=CSRF_FIELD, access=access, writes=server.options.writes,
                link=link, path=request.url.path,
                query={k: request.query_params.getlist(k) for k in request.query_params if k != "as_of"})
    response = request.app.state.templates.TemplateResponse(request, name, {**base, **context}, status_code=status)
    if CSRF_COOKIE not in request.cookies:
        response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


def check_form(request: Request, sent: str | None) -> None:
    if not csrf_ok(request.cookies.get(CSRF_COOKIE), sent):
        raise AccessDenied("this form has expired or came from another site; reload the page and try again")


def back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, as_of: AsOf = None):
    copy, snap = request.app.state.server.snapshot(as_of)
    return render(request, "overview.html.j2", {"o": overview(copy, snap), "title": "Overview"})


@router.get("/deals", response_class=HTMLResponse)
def deals_page(request: Request, as_of: AsOf = None, type: Annotated[list[str] | None, Query(max_length=10)] = None,
               status: Text = None, layer: Text = None, company: Text = None, date_from: Text = None,
               date_until: Text = None, source_kind: Text = None, reviewed: Text = None,
               sort: Annotated[str, Query(max_length=20)] = "date",
               order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc",
               limit: Annotated[int, Query(ge=1, le=500)] = 50, cursor: Annotated[str | None, Query(max_length=200)] = None):
    copy, snap = request.app.state.server.snapshot(as_of)
    filters = deal_filters(type, status, layer, company, parse_day(date_from, "date_from"), parse_day(date_until, "date_until"),
                           source_kind, {"yes": True, "no": False}.get(reviewed or ""))
    page = deals(copy, snap, filters, sort=sort, descending=order == "desc", limit=limit, cursor=cursor)
    params = {"as_of": as_of, "type": type, "status": status, "layer": layer, "company": company,
              "date_from": date_from, "date_until": date_until, "source_kind": source_kind, "reviewed": reviewed,
              "sort": sort, "order": order}
    return render(request, "deals.html.j2", {"page": page, "params": params, "title": "Deals",
                                             "selected_types": type or []})


@router.get("/companies/{ref}", response_class=HTMLResponse)
def company_page(request: Request, ref: str, as_of: AsOf = None):
    copy, snap = request.app.state.server.snapshot(as_of)
    view = company(copy, snap, ref[:200])
    return render(request, "company.html.j2", {"c": view, "title": view.entity.name,
                                               "price_chart": price_svg(view.prices),
                                               "raise_chart": raises_svg(view.raises)})


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source_page(request: Request, source_id: str, as_of: AsOf = None):
    _copy, snap = request.app.state.server.snapshot(as_of)
    view = source_view(snap, source_id[:100])
    return render(request, "source.html.j2", {"s": view, "title": view.source.title or view.source.id})


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, as_of: AsOf = None):
    copy, snap = request.app.state.server.snapshot(as_of)
    items = copy.cached(("conflicts", snap.as_of), snap.conflicts)
    sources = {s.id: s for s in snap.sources({f.source_id for c in items[:200] for f in c.facts})}
    return render(request, "conflicts.html.j2", {"items": items[:200], "total": len(items), "sources": sources,
                                                 "title": "Conflicts"})


@router.get("/analyses", response_class=HTMLResponse)
def analyses_page(request: Request, as_of: AsOf = None):
    return render(request, "analyses.html.j2", {"title": "Analyses"})


@router.get("/analyses/report", response_class=HTMLResponse)
def report_page(request: Request, as_of: AsOf = None):
    copy, snap = request.app.state.server.snapshot(as_of)
    response = HTMLResponse(report_html(copy, snap))
    response.headers["Content-Security-Policy"] = REPORT_CSP
    return response


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, as_of: AsOf = None):
    return render(request, "audit.html.j2", {"title": "Audit", "report": None})


@router.post("/audit", response_class=HTMLResponse)
async def audit_post(request: Request, text: Annotated[str, Form()] = "",
                     title: Annotated[str, Form(max_length=300)] = "", csrf: Annotated[str, Form()] = "",
                     file: Annotated[UploadFile | None, File()] = None, as_of: AsOf = None):
    check_form(request, csrf)
    server = request.app.state.server
    require(server.access(request), AccessRole.READER, writes=True)
    data = await file.read(server.options.max_upload_bytes + 1) if file is not None and file.filename else b""
    if data:
        report = await run_in_threadpool(actions.audit_upload, server, data, file.filename, as_of)
        text = report.document.text
    elif text.strip():
        report = await run_in_threadpool(actions.audit_text, server, text, title, None, as_of)
    else:
        raise InputError("paste a text or choose a file to audit")
    return render(request, "audit.html.j2", {"title": "Audit", "report": report, "paragraphs": paragraphs(report),
                                             "text": text})


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, as_of: AsOf = None, source_id: Text = None, fact: Text = None,
                order: Annotated[str, Query(pattern="^(confidence|document)$")] = "confidence",
                skip: Annotated[int, Query(ge=0, le=100_000)] = 0):
    from ..ledger.agreement import field_agreement

    _copy, snap = request.app.state.server.snapshot(as_of)
    queue = snap.review_queue(source_id=source_id or None, order=order, limit=25, offset=skip)
    current = snap.fact(fact) if fact else (queue.items[0] if queue.items else None)
    view = source_view(snap, current.source_id, limit=1) if current else None  # for its text
    context = {"title": "Review", "queue": queue, "current": current, "view": view, "order": order,
               "source_id": source_id, "skip": skip, "agreement": field_agreement(snap)}
    return render(request, "review.html.j2", context)


@router.post("/review/{fact_id}")
def review_post(request: Request, fact_id: str, action: Annotated[str, Form(max_length=20)],
                csrf: Annotated[str, Form()] = "", type: Annotated[str, Form(max_length=40)] = "",
                subject: Annotated[str, Form(max_length=300)] = "",
                counterparties: Annotated[str, Form(max_length=3000)] = "",
                amount: Annotated[str, Form(max_length=100)] = "", date_text: Annotated[str, Form(max_length=100)] = "",
                status: Annotated[str, Form(max_length=20)] = "", note: Annotated[str, Form(max_length=2000)] = "",
                order: Annotated[str, Form(max_length=20)] = "confidence", skip: Annotated[int, Form(ge=0)] = 0,
                source_id: Annotated[str, Form(max_length=100)] = ""):
    check_form(request, csrf)
    server = request.app.state.server
    here = link("/review", order=order, source_id=source_id or None)
    if action == "skip":
        return back(link("/review", order=order, source_id=source_id or None, skip=skip + 1))
    who = require(server.access(request), AccessRole.REVIEWER, writes=server.options.writes)
    correction = None
    if action == "correct":
        correction = {"type": type, "subject": subject, "counterparties": counterparties, "amount": amount,
                      "date": date_text, "status": status}
    actions.review(server, fact_id[:100], action, who.name, correction, note)
    return back(link(here.split("?")[0], order=order, source_id=source_id or None, skip=skip or None))


@router.post("/review/source/{source_id}/accept")
def accept_document(request: Request, source_id: str, csrf: Annotated[str, Form()] = ""):
    check_form(request, csrf)
    server = request.app.state.server
    who = require(server.access(request), AccessRole.REVIEWER, writes=server.options.writes)
    _copy, snap = server.snapshot(None)
    pending = snap.review_queue(source_id=source_id[:100], limit=10_000).items
    for f in pending:
        actions.review(server, f.id, "accept", who.name)
    return back(link("/review"))


@router.post("/facts/add")
def add_post(request: Request, source_id: Annotated[str, Form(max_length=100)], start: Annotated[int, Form(ge=0)],
             end: Annotated[int, Form(gt=0)], type: Annotated[str, Form(max_length=40)],
             subject: Annotated[str, Form(max_length=300)], csrf: Annotated[str, Form()] = "",
             counterparties: Annotated[str, Form(max_length=3000)] = "",
             amount: Annotated[str, Form(max_length=100)] = "", date_text: Annotated[str, Form(max_length=100)] = "",
             status: Annotated[str, Form(max_length=20)] = ""):
    check_form(request, csrf)
    server = request.app.state.server
    who = require(server.access(request), AccessRole.REVIEWER, writes=server.options.writes)
    actions.add_fact(server, {"source_id": source_id, "start": start, "end": end, "type": type, "subject": subject,
                              "counterparties": counterparties, "amount": amount, "date": date_text,
                              "status": status}, who.name)
    return back(link(f"/sources/{source_id}"))


@router.get("/favicon.ico")
def favicon() -> Response:
    """The icon, for browsers that ask for it where no page names one (the report)."""
    return FileResponse(Path(__file__).parent / "static" / "favicon.svg", media_type="image/svg+xml")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, as_of: AsOf = None):
    return render(request, "login.html.j2", {"title": "Sign in"})


@router.post("/login")
def login_post(request: Request, token: Annotated[str, Form(max_length=200)], csrf: Annotated[str, Form()] = ""):
    from ..ledger import Ledger

    check_form(request, csrf)
    server = request.app.state.server
    info = verify_token(Ledger(server.copy().cursor()), token.strip())
    if info is None:
        raise AccessDenied("unknown or revoked token", status=401)
    response = back("/review" if info.role != "reader" else "/")
    response.set_cookie(SESSION_COOKIE, server.sessions.start(info), httponly=True, samesite="strict",
                        max_age=SESSION_SECONDS, secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout_post(request: Request, csrf: Annotated[str, Form()] = ""):
    check_form(request, csrf)
    request.app.state.server.sessions.end(request.cookies.get(SESSION_COOKIE))
    response = back("/")
    response.delete_cookie(SESSION_COOKIE)
    return response


def price_svg(prices: list[tuple[date, float, str]], width: int = 640, height: int = 180) -> str:
    """A company's closing prices as a small inline SVG line (no script, nothing from a source inside)."""
    if len(prices) < 2:
        return ""
    xs = [d.toordinal() for d, _, _ in prices]
    ys = [p for _, p, _ in prices]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    span_x, span_y = (x1 - x0) or 1, (y1 - y0) or 1
    pts = " ".join(f"{40 + (x - x0) / span_x * (width - 50):.1f},{10 + (y1 - y) / span_y * (height - 40):.1f}"
                   for x, y in zip(xs, ys))
    cur = prices[0][2]
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="closing price">'
            f'<polyline fill="none" stroke="#1f5a96" stroke-width="1.6" points="{pts}"/>'
            f'<text x="2" y="16" font-size="11">{y1:,.2f} {cur}</text>'
            f'<text x="2" y="{height - 28}" font-size="11">{y0:,.2f}</text>'
            f'<text x="40" y="{height - 6}" font-size="11">{prices[0][0].isoformat()}</text>'
            f'<text x="{width - 10}" y="{height - 6}" font-size="11" text-anchor="end">{prices[-1][0].isoformat()}</text>'
            "</svg>")


def raises_svg(raises, width: int = 640, height: int = 160) -> str:
    """Money raised per round, in time order, as bars (amounts in USD only)."""
    bars = [(f.time.start, float(f.amount.amount)) for f in raises
            if f.time and f.amount and f.amount.currency == "USD"]
    if not bars:
        return ""
    bars.sort()
    top = max(v for _, v in bars) or 1
    w = (width - 20) / len(bars)
    rects = "".join(f'<rect x="{10 + i * w + 2:.1f}" y="{10 + (1 - v / top) * (height - 40):.1f}" width="{max(w - 4, 2):.1f}" '
                    f'height="{v / top * (height - 40):.1f}" fill="#1f5a96"><title>{d.isoformat()}: ${v / 1e6:,.0f}M</title></rect>'
                    f'<text x="{10 + i * w + w / 2:.1f}" y="{height - 8}" font-size="10" text-anchor="middle">{d.isoformat()[:7]}</text>'
                    for i, (d, v) in enumerate(bars))
    return f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="money raised">{rects}</svg>'
