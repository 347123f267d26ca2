"""Feeds to poll, their state, and reading them with conditional requests.

A feed is an EDGAR latest-filings Atom feed (``edgar-latest``), a company's Atom feed or
submissions JSON (``edgar-company``), or any RSS/Atom news feed (``rss``). Feeds are read through
the EDGAR client's session (its User-Agent, rate limit and retries on 429/5xx) with ``If-None-Match``
and ``If-Modified-Since`` from the feed's last state, so an unchanged feed costs one 304. Items are
told apart by accession number, link and content hash; the feed's cursor remembers the keys of
the items already taken (the newest :data:`KEEP`), so a repeated item is never taken twice.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.sax
from dataclasses import dataclass, field

import feedparser
import requests

from ..errors import InputError, NotFoundError, ParseError, RemoteError
from ..ledger.arrow_schema import FEED_SCHEMA, FEED_STATE_SCHEMA, rows_to_table
from ..ledger.service import UNIQUE, utcnow

FEED_KINDS = ("edgar-latest", "edgar-company", "rss")
#: Item keys kept in a feed's cursor.
KEEP = 2000
_ACCESSION = re.compile(r"(\d{10}-\d{2}-\d{6})")
_ACCESSION_PATH = re.compile(r"/(\d{10})(\d{2})(\d{6})(?:/|-index)")
_CIK = re.compile(r"\((\d{1,10})\)|/data/(\d{1,10})/|CIK=?(\d{1,10})", re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    """One feed entry: a filing (with accession and CIK) or a news page (with link)."""

    key: str
    keys: tuple[str, ...]
    title: str
    link: str
    form: str = ""
    cik: int | None = None
    accession: str = ""
    summary: str = ""


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)

    def cursor(self) -> str:
        return json.dumps(self.seen[-KEEP:])


@dataclass
class Poll:
    """What one poll of a feed gave: the new items, whether the feed was unchanged (304), its new state."""

    url: str
    items: list[Item]
    not_modified: bool
    state: FeedState
    listed: int = 0


# -- feeds table ------------------------------------------------------------------------------
def add_feed(ledger, url: str, kind: str = "") -> str:
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise InputError(f"a feed is an http(s) URL, got {url!r}")
    kind = kind or guess_kind(url)
    if kind not in FEED_KINDS:
        raise InputError(f"feed kind must be one of {', '.join(FEED_KINDS)}, got {kind!r}")
    with ledger.backend.transaction():
        ledger.backend.insert("feeds", rows_to_table([(url, kind, "add", utcnow())], FEED_SCHEMA), UNIQUE["feeds"])
    return kind


def remove_feed(ledger, url: str) -> None:
    if url not in load_feeds(ledger):
        raise NotFoundError(f"no feed {url!r}")
    with ledger.backend.transaction():
        ledger.backend.insert("feeds", rows_to_table([(url, "", "remove", utcnow())], FEED_SCHEMA), UNIQUE["feeds"])


def load_feeds(ledger) -> dict[str, str]:
    """``url -> kind`` of the feeds added and not removed since."""
    out: dict[str, str] = {}
    if ledger.schema_version < 4:  # an older ledger opened read-only has no feeds
        return out
    for url, kind, action in ledger.backend.query("SELECT url, kind, action FROM feeds ORDER BY recorded_at"):
        if action == "add":
            out[url] = kind
        else:
            out.pop(url, None)
    return out


def guess_kind(url: str) -> str:
    if "action=getcurrent" in url:
        return "edgar-latest"
    if "/submissions/CIK" in url or ("browse-edgar" in url and "CIK=" in url.upper()):
        return "edgar-company"
    return "rss"


def load_state(ledger, url: str) -> FeedState:
    rows = ledger.backend.query("SELECT etag, last_modified, cursor FROM feed_state WHERE url = ? "
                                "ORDER BY recorded_at DESC LIMIT 1", [url])
    if not rows:
        return FeedState(url)
    etag, modified, cursor = rows[0]
    return FeedState(url, etag, modified, json.loads(cursor) if cursor else [])


def save_states(ledger, states: list[FeedState]) -> None:
    if not states:
        return
    now = utcnow()
    rows = [(s.url, s.etag, s.last_modified, s.cursor(), now) for s in states]
    with ledger.backend.transaction():
        ledger.backend.insert("feed_state", rows_to_table(rows, FEED_STATE_SCHEMA), UNIQUE["feed_state"])


# -- reading -----------------------------------------------------------------------------------
def fetch(client, url: str, state: FeedState) -> tuple[bytes | None, str | None, str | None]:
    """The feed's body (None when unchanged: 304) and its new ETag and Last-Modified. Raises RemoteError."""
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    try:
        response = client.session.get(url, headers=headers, timeout=client.timeout)
    except requests.exceptions.RequestException as exc:
        raise RemoteError(f"{url}: {_reason(exc)}", retryable=True) from None
    status = response.status_code
    if status == 304:
        return None, state.etag, state.last_modified
    if status >= 400:
        raise RemoteError(f"{url}: HTTP {status}", status=status, retryable=status in (429, 500, 502, 503, 504))
    if len(response.content) > client.max_bytes:
        raise RemoteError(f"{url}: feed larger than {client.max_bytes} bytes")
    return response.content, response.headers.get("ETag"), response.headers.get("Last-Modified")


def _reason(exc: BaseException) -> str:
    from ..sources.edgar.client import _reason as reason

    return reason(exc)


def parse_items(data: bytes, url: str, kind: str) -> list[Item]:
    """The entries of a feed body, in feed order. Raises ParseError for a body that is no feed."""
    if data.lstrip()[:1] == b"{":
        return _submission_items(data, url)
    parsed = feedparser.parse(data)
    # Not well-formed XML is refused (feedparser would guess at it); a declared encoding that is
    # wrong, a lesser fault, is let through.
    if parsed.bozo and (not parsed.entries or isinstance(parsed.bozo_exception, xml.sax.SAXException)):
        raise ParseError(f"not a readable RSS/Atom feed ({type(parsed.bozo_exception).__name__})", source=url)
    if not parsed.entries and not parsed.feed:
        raise ParseError("not an RSS/Atom feed", source=url)
    out = []
    for entry in parsed.entries:
        title = (entry.get("title") or "").strip()
        link = (entry.get("link") or "").strip()
        summary = entry.get("summary") or ""
        text = " ".join([entry.get("id") or "", link, summary])
        m = _ACCESSION.search(text)
        accession = m.group(1) if m else ""
        if not accession and (p := _ACCESSION_PATH.search(link)):
            accession = "-".join(p.groups())
        form = ""
        for tag in (entry.get("tags") or ()) if kind != "rss" else ():
            if (tag.get("label") or "") == "form type" or tag.get("term"):
                form = (tag.get("term") or "").strip()
                break
        if kind != "rss" and not form and " - " in title:
            form = title.split(" - ", 1)[0].strip()
        cik = None
        if kind != "rss":
            for c in _CIK.finditer(title + " " + link):
                cik = int(next(g for g in c.groups() if g))
                break
        keys = [f"acc:{accession}"] if accession else []
        if link:
            keys.append(f"url:{link}")
        keys.append("sha:" + hashlib.sha256(f"{title}\n{link}\n{summary}".encode()).hexdigest()[:24])
        out.append(Item(keys[0], tuple(keys), title, link, form, cik, accession, summary))
    return out


def _submission_items(data: bytes, url: str) -> list[Item]:
    from ..sources.edgar.submissions import parse_submissions

    subs = parse_submissions(data, source=url)
    out = []
    for ref in subs.select((), None):
        link = f"https://www.sec.gov/Archives/edgar/data/{ref.cik}/{ref.accession.replace('-', '')}/"
        out.append(Item(f"acc:{ref.accession}", (f"acc:{ref.accession}",), f"{ref.form} - {subs.name}",
                        link, ref.form, ref.cik, ref.accession))
    return out


def company_feed(client, cik: int) -> str:
    """The submissions JSON of a company: the feed polled for every CIK a watchlist names."""
    return f"{client.data_url}/submissions/CIK{int(cik):010d}.json"


def poll(client, url: str, kind: str, state: FeedState, *, baseline: bool = False) -> Poll:
    """Read ``url`` once; the items not seen before (by any key). ``state`` is not changed.

    With ``baseline``, every item listed is marked seen and none is returned (a company's whole
    filing history is not news the first time its feed is read).
    """
    data, etag, modified = fetch(client, url, state)
    new_state = FeedState(url, etag, modified, list(state.seen))
    if data is None:
        return Poll(url, [], True, new_state)
    items = parse_items(data, url, kind)
    seen = set(state.seen)
    fresh = []
    for item in items:
        if seen.isdisjoint(item.keys):
            fresh.append(item)
        seen.update(item.keys)
        new_state.seen.extend(k for k in item.keys if k not in new_state.seen)
    return Poll(url, [] if baseline else fresh, False, new_state, listed=len(items))
