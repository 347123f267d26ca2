"""Audit an article: find its checkable claims, give each a verdict with evidence from the ledger.

``audit_document(text_or_document, snapshot, as_of=None)`` returns an :class:`AuditReport`;
:mod:`.render` and :mod:`.html` present it as JSON, Markdown or a standalone HTML page.
"""

from .api import AuditReport, audit_document
from .verdicts import ClaimVerdict, Verdict

__all__ = ["AuditReport", "ClaimVerdict", "Verdict", "audit_document"]
