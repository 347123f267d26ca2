"""Recognise the audited document among the ledger's sources, so it never serves as its own evidence.

A ledger built from an article holds that article as a source; auditing the article against it
would "support" every claim with the claim itself. A source is the audited document when its
content hash equals the hash of the document's bytes or of its text, when its URL is the
document's URL, or when its title is the document's title (compared without case, punctuation
or spacing, and only for titles long enough to identify a document).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..model import Source
from .reading import AuditDocument

#: A title shorter than this ("Home", "Press release") names no document in particular.
_MIN_TITLE_CHARS = 20


def _title_key(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", title.casefold()))


def _url_key(url: str) -> str:
    """Scheme, "www.", fragment, query and a trailing slash do not change which page a URL names."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".casefold()


def why_self(source: Source, doc: AuditDocument) -> str:
    """The reason ``source`` is the audited document ("content hash", "URL", "title"), or "" when it is not."""
    hashes = {h for h in (doc.content_hash, doc.text_hash) if h}
    if source.content_hash and source.content_hash in hashes:
        return "content hash"
    if doc.url and source.url and _url_key(source.url) == _url_key(doc.url):
        return "URL"
    title = _title_key(doc.title)
    if len(title) >= _MIN_TITLE_CHARS and _title_key(source.title) == title:
        return "title"
    return ""


def self_sources(sources: Iterable[Source], doc: AuditDocument) -> dict[str, str]:
    """Ids of the sources that are the audited document, each with the reason it was recognised."""
    out: dict[str, str] = {}
    for s in sources:
        reason = why_self(s, doc)
        if reason:
            out[s.id] = reason
    return out
