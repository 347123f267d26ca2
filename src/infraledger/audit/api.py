"""Audit a document: find its claims and opinions and give every claim a verdict with evidence.

``audit_document(text_or_document, snapshot, as_of=None)`` is the whole audit; the CLI and the
renderers only present its :class:`AuditReport`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ..ledger import Snapshot, as_record_time
from ..model import FactType, Money, format_money
from ..sources.document import Document
from . import citations, consistency
from .checks import Context, check
from .claims import Claim, ClaimKind, find_claims
from .evidence import EvidencePool
from .mentions import NameIndex
from .opinions import Opinion, find_opinions
from .reading import AuditDocument, document_from_text
from .selfsource import self_sources
from .verdicts import ORDER, ClaimVerdict, Finding, SourcedFinding, Verdict, decide

#: Every fact type a check reads (prices and IPO terms for changes, list metrics for counts, ...).
CHECKED_TYPES = (FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT, FactType.IPO, FactType.ACQUISITION,
                 FactType.COMMERCIAL_CONTRACT, FactType.TALENT_MOVE, FactType.CAPEX_BUDGET, FactType.PRICE_OBSERVATION,
                 FactType.PRICE_CHANGE, FactType.LIST_METRIC)


@dataclass
class AuditReport:
    """Everything an audit found: the text, its claims with verdicts, its opinions, and what was excluded."""

    document: AuditDocument
    verdicts: list[ClaimVerdict]
    opinions: list[Opinion]
    as_of: datetime | None = None
    excluded_sources: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Number of claims per headline verdict, every verdict listed (zeros included), most serious first."""
        out = {v.value: 0 for v in ORDER}
        for cv in self.verdicts:
            out[cv.verdict.value] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        d = self.document
        return {
            "document": {"origin": d.origin, "title": d.title, "url": d.url or None, "content_hash": d.content_hash,
                         "published": d.published.isoformat() if d.published else None, "characters": len(d.text)},
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "excluded_sources": [{"id": k, "reason": v} for k, v in self.excluded_sources.items()],
            "counts": self.counts(),
            "claims": [cv.to_json() for cv in self.verdicts],
            "opinions": [o.to_json() for o in self.opinions],
        }


def _as_document(doc: str | Document | AuditDocument) -> AuditDocument:
    if isinstance(doc, AuditDocument):
        return doc
    if isinstance(doc, Document):
        return AuditDocument.from_document(doc)
    return document_from_text(doc)


def audit_document(doc: str | Document | AuditDocument, snapshot: Snapshot,
                   as_of: date | datetime | str | None = None) -> AuditReport:
    """Audit ``doc`` (text, a read Document or an AuditDocument) against the ledger ``snapshot``.

    ``as_of`` (a record date or time) limits the evidence to facts the ledger had recorded by then,
    in addition to the snapshot's own as-of; the report states the effective record time.
    Returns an :class:`AuditReport`. Raises InputError for a malformed ``as_of``.
    """
    audited = _as_document(doc)
    cutoff = as_record_time(as_of)
    if cutoff is not None and snapshot.as_of is not None and snapshot.as_of < cutoff:
        cutoff = snapshot.as_of
    sources = snapshot.sources()
    excluded = self_sources(sources, audited)
    pool = EvidencePool(snapshot, excluded, sources, recorded_by=cutoff)
    index = NameIndex(pool.entities())
    opinions = find_opinions(audited.text)
    claims = find_claims(audited.text, anchor=audited.published, index=index,
                         skip=[o.span for o in opinions], title=audited.title)
    groups = [g.id for c in claims if c.members or (c.subject and not c.subject_id) for g in pool.groups(c.subject)]
    pool.prefetch([c.subject_id for c in claims] + groups, CHECKED_TYPES)
    ctx = Context(pool, audited.published)
    internal = consistency.check_text(claims, audited.text)

    def same(owner: str, name: str, entity_id: str | None) -> bool:
        hit = index.get(owner)
        if hit is not None and entity_id:
            return hit.id == entity_id
        return citations._default_same(owner, name, entity_id)

    verdicts = []
    for claim in claims:
        findings: list[Finding] = list(check(claim, ctx)) + internal.get(claim.id, [])
        findings += [Finding(Verdict.SOURCE_MISMATCH, reason) for reason in citations.mismatches(claim, same)]
        cv = decide(claim, findings, pool.source)
        verdicts.append(_with_implied_start(cv, claims, audited.text))
    return AuditReport(audited, verdicts, opinions, cutoff or snapshot.as_of, excluded)


def _with_implied_start(cv: ClaimVerdict, claims: list[Claim], text: str) -> ClaimVerdict:
    """Add what a stated change and price imply about the starting price to the explanation of the
    change's first finding about its figures (not about its citation)."""
    c = cv.claim
    if c.kind is not ClaimKind.CHANGE or consistency.stated_path(c, claims, text) \
            or consistency.reference_path(c, claims, text):
        return cv  # no change, or the text states its start itself
    price = consistency.stated_end(c, claims, text)
    start = consistency.implied_start(c, price) if price else None
    if start is None or start.midpoint is None:
        return cv
    at = next((i for i, f in enumerate(cv.findings) if f.verdict is not Verdict.SOURCE_MISMATCH), 0)
    ref = {"first_day_close": "first-day close", "offer_price": "offer price"}.get(c.reference, "starting price")
    note = (f"; the text's own figures ({c.text} to {price.text}) imply a {ref} near "
            f"{format_money(Money(start.midpoint.quantize(Decimal('0.01'))))}.")
    f = cv.findings[at]
    findings = list(cv.findings)
    findings[at] = SourcedFinding(f.verdict, f.explanation.rstrip(".") + note, f.evidence)
    return ClaimVerdict(c, tuple(findings))
