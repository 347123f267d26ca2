"""``GET /alerts.atom``: the newest alerts as an Atom feed, for any feed reader.

Every text that comes from a source (a company's name, evidence, a link) is XML-escaped.
"""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from fastapi import APIRouter, Request
from fastapi.responses import Response

router = APIRouter(tags=["alerts"])
_LIMIT = 100


def _text(value) -> str:
    """Escaped XML text with characters XML 1.0 forbids dropped."""
    raw = "".join(ch for ch in str(value or "") if ch in "\t\n\r" or ord(ch) >= 0x20)
    return escape(raw)


def _time(value) -> str:
    return (value if isinstance(value, datetime) else datetime(1970, 1, 1)).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom(rows: list[tuple], base: str) -> str:
    """The Atom document of ``rows`` (alert id, list, fact id, link, recorded at, type, subject, evidence)."""
    updated = _time(rows[0][4]) if rows else _time(None)
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           "<title>infraledger alerts</title>", f"<id>{_text(base)}alerts.atom</id>", f"<updated>{updated}</updated>",
           f"<link rel=\"self\" href={quoteattr(base + 'alerts.atom')}/>"]
    for aid, watchlist, fact_id, link, recorded, ftype, subject, evidence in rows:
        out += ["<entry>", f"<id>urn:infraledger:alert:{_text(aid)}</id>",
                "<title>" + _text(f"[{watchlist}] {ftype or 'fact'}: {subject or fact_id}") + "</title>",
                f"<updated>{_time(recorded)}</updated>"]
        if link:
            out.append(f"<link rel=\"alternate\" href={quoteattr(''.join(ch for ch in link if ord(ch) >= 0x20))}/>")
        out += [f"<summary>{_text(evidence)}</summary>",
                f"<category term={quoteattr(''.join(ch for ch in watchlist if ord(ch) >= 0x20))}/>", "</entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


@router.get("/alerts.atom", summary="The newest alerts as an Atom feed", response_class=Response)
def alerts_atom(request: Request) -> Response:
    _copy, snap = request.app.state.server.snapshot(None)
    try:
        rows = snap.backend.query(
            "SELECT a.id, a.watchlist, a.fact_id, a.link, a.recorded_at, f.type, f.subject, f.evidence FROM alerts a "
            f"LEFT JOIN facts f ON f.id = a.fact_id ORDER BY a.recorded_at DESC, a.id LIMIT {_LIMIT}")
    except Exception:  # a ledger older than the watch tables has no alerts
        rows = []
    return Response(atom(rows, str(request.base_url)), media_type="application/atom+xml")
