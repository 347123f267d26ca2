"""The audited document: its text, title, address, date and content hashes.

Files, bytes and strings are read with the shared document reader
(:mod:`infraledger.sources.document`: any encoding, HTML with scripts and boilerplate dropped,
bounded size); the audit works on the plain text whose character offsets are the spans it reports.
The hashes and title are what :mod:`.selfsource` uses to recognise the document among the
ledger's sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError, InputTooLargeError
from ..model import content_hash
from ..sources.document import (
    DEFAULT_MAX_BYTES,
    Document,
    document_from_bytes,
    read_document,
)


@dataclass(frozen=True)
class AuditDocument:
    """Text to audit plus what identifies it among the ledger's sources."""

    text: str
    title: str = ""
    url: str = ""
    content_hash: str = ""        # SHA-256 of the bytes as read (file or page)
    text_hash: str = ""           # SHA-256 of the decoded plain text
    published: date | None = None
    origin: str = "<text>"

    @classmethod
    def from_document(cls, doc: Document, origin: str = "") -> AuditDocument:
        return cls(text=doc.text, title=doc.title, url=doc.url, content_hash=doc.content_hash,
                   text_hash=content_hash(doc.text), published=doc.anchor, origin=origin or doc.name or "<text>")


def read_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> AuditDocument:
    """Read a text or HTML file for auditing.

    Raises InputError (no such file, binary or undecodable data) and InputTooLargeError.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", source=str(p))
    return AuditDocument.from_document(read_document(p, max_bytes=max_bytes), origin=str(p))


def document_from_text(text: str, *, title: str = "", url: str = "",
                       max_bytes: int = DEFAULT_MAX_BYTES) -> AuditDocument:
    """An :class:`AuditDocument` for a string (HTML markup is read as HTML).

    Raises InputTooLargeError above ``max_bytes`` (counted as UTF-8).
    """
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        raise InputTooLargeError.of(len(data), max_bytes)
    doc = AuditDocument.from_document(document_from_bytes(data, url=url))
    if title:
        doc = AuditDocument(doc.text, title, doc.url, doc.content_hash, doc.text_hash, doc.published, doc.origin)
    return doc


def from_bytes(data: bytes, *, origin: str = "<bytes>", url: str = "",
                         max_bytes: int = DEFAULT_MAX_BYTES) -> AuditDocument:
    """An :class:`AuditDocument` for raw bytes. Raises InputTooLargeError, InputError."""
    if len(data) > max_bytes:
        raise InputTooLargeError.of(len(data), max_bytes, source=origin)
    return AuditDocument.from_document(document_from_bytes(data, url=url, source=origin), origin=origin)
