"""Audit an article: find its checkable claims, give each a verdict with evidence from the ledger.

``audit_document(text_or_document, snapshot, as_of=None)`` returns an :class:`AuditReport`;
:mod:`.render` and :mod:`.html` present it as JSON, Markdown or a standalone HTML page.
The names below are read from their submodules when first used.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from .api import AuditReport, audit_document
    from .verdicts import ClaimVerdict, Verdict

__getattr__, __dir__ = lazy_exports(__name__, {"AuditReport": ".api", "audit_document": ".api",
                                               "ClaimVerdict": ".verdicts", "Verdict": ".verdicts"}, globals())

__all__ = ["AuditReport", "ClaimVerdict", "Verdict", "audit_document"]
