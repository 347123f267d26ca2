"""What a signed-in person does through the server: review a fact, add a missed one, audit a text.

Each write opens the ledger, appends, and closes it (:meth:`.app.Server.write`); the ledger keeps
every version, so a review never overwrites what the machine read.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from ..audit.api import AuditReport, audit_document
from ..audit.reading import document_from_text
from ..errors import InputError, NotFoundError
from ..ledger.review import Review, ReviewAction
from ..model.edits import edited_fact

#: Longest text accepted for an audit, in characters.
MAX_AUDIT_CHARS = 500_000


def review(server, fact_id: str, action: str, reviewer: str, correction: dict[str, Any] | None = None,
           note: str = "") -> Review:
    """Accept, correct (with ``correction``'s fields) or reject fact ``fact_id``."""
    try:
        act = ReviewAction(action)
    except ValueError:
        raise InputError(f"unknown review action '{action}' (accept, correct or reject)") from None
    if act is ReviewAction.ADD:
        raise InputError("add a fact with the add action, not as a review of another")
    candidate = None
    if act is ReviewAction.CORRECT:
        if not correction:
            raise InputError("a correction needs the fields as they should read")
        _copy, snap = server.snapshot(None)
        original = snap.fact(fact_id)
        published = _published(snap, original.source_id)
        candidate = edited_fact(correction, base=original, anchor=published)
    return server.write(lambda ledger: ledger.review(fact_id, act, reviewer, correction=candidate, note=note[:2000]))


def add_fact(server, fields: dict[str, Any], reviewer: str) -> Review:
    """Add the fact a person read in ``fields["source_id"]``'s text between ``start`` and ``end``."""
    _copy, snap = server.snapshot(None)
    source_id = str(fields.get("source_id", ""))[:100]
    text = snap.document_text(source_id)
    if text is None:
        snap.source(source_id)  # NotFoundError for an unknown source
        raise InputError("this source has no text in the ledger to select from")
    start, end = int(fields["start"]), int(fields["end"])
    if not 0 <= start < end <= len(text):
        raise InputError(f"the selection {start}-{end} is outside the document ({len(text)} characters)")
    given = {k: fields[k] for k in ("type", "subject", "counterparties", "amount", "date", "status") if k in fields}
    given.update(evidence=text[start:end], span=(start, end))
    candidate = edited_fact(given, anchor=_published(snap, source_id))
    return server.write(lambda ledger: ledger.add_fact(source_id, candidate, reviewer, note=str(fields.get("note", ""))[:2000]))


def _published(snap, source_id: str) -> date | None:
    try:
        return snap.source(source_id).published
    except NotFoundError:
        return None


def audit_upload(server, data: bytes, filename: str, as_of: str | None = None) -> AuditReport:
    """Audit an uploaded file (text or HTML, any encoding), recognised among the ledger's sources by its hash."""
    from ..audit.reading import AuditDocument
    from ..sources.document import document_from_bytes

    if len(data) > server.options.max_upload_bytes:
        raise InputError(f"file larger than {server.options.max_upload_bytes:,} bytes")
    doc = AuditDocument.from_document(document_from_bytes(data, name=filename[:200]), origin=filename[:200])
    _copy, snap = server.snapshot(as_of)
    return audit_document(doc, snap)


def audit_text(server, text: str, title: str = "", published: date | None = None,
               as_of: str | None = None) -> AuditReport:
    """Audit a pasted or uploaded text against the ledger as of ``as_of``."""
    if len(text) > MAX_AUDIT_CHARS:
        raise InputError(f"text longer than {MAX_AUDIT_CHARS:,} characters")
    # A pasted text has no headline of its own unless one is given: its first line is audited too.
    doc = document_from_text(text, title=title or "pasted text", max_bytes=server.options.max_upload_bytes)
    if published:
        doc = replace(doc, published=published)
    _copy, snap = server.snapshot(as_of)
    return audit_document(doc, snap)
