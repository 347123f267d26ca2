"""Sources: the documents facts come from, and the citations articles give for them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class SourceKind(StrEnum):
    SEC_FILING = "sec_filing"
    PRESS_RELEASE = "press_release"
    ARTICLE = "article"
    MARKET_DATA = "market_data"
    LIST = "list"
    EARNINGS_CALL = "earnings_call"
    DATA_FILE = "data_file"


def content_hash(data: bytes | str) -> str:
    """SHA-256 of a document's bytes (text is hashed as UTF-8), hex encoded."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Source:
    """A document that states facts.

    ``id`` is derived from the content hash (or, for documents known only by address, the URL),
    so loading the same document twice names the same source.
    """

    id: str
    kind: SourceKind
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

    @classmethod
    def new(cls, kind: SourceKind | str, *, content: bytes | str | None = None, url: str = "",
            title: str = "", **rest) -> "Source":
        """A source whose id is its content hash, else a hash of URL and title."""
        digest = content_hash(content) if content is not None else ""
        key = digest or content_hash(f"{url}\n{title}\n{rest.get('accession', '')}")
        return cls(id=f"src:{key[:16]}", kind=SourceKind(kind), url=url, title=title, content_hash=digest, **rest)

    def to_json(self) -> dict:
        out: dict = {"id": self.id, "kind": self.kind.value}
        for key in ("title", "publisher", "url", "content_hash", "form_type", "accession"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in ("published", "retrieved", "recorded_at"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key).isoformat()
        if self.filer_cik is not None:
            out["filer_cik"] = self.filer_cik
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Source":
        def day(key: str) -> date | None:
            return date.fromisoformat(data[key]) if data.get(key) else None

        recorded = data.get("recorded_at")
        return cls(
            id=data["id"], kind=SourceKind(data["kind"]), title=data.get("title", ""),
            publisher=data.get("publisher", ""), url=data.get("url", ""), published=day("published"),
            retrieved=day("retrieved"), content_hash=data.get("content_hash", ""),
            form_type=data.get("form_type", ""), accession=data.get("accession", ""),
            filer_cik=int(data["filer_cik"]) if data.get("filer_cik") else None,
            recorded_at=datetime.fromisoformat(recorded) if recorded else None,
        )
