"""Verdicts: what the ledger and the text's own figures say about each claim.

Every check returns :class:`Finding` objects (a verdict, a one-sentence explanation and the ledger
facts used). A claim's verdict is the most serious of its findings, in the order of
:data:`PRECEDENCE`; the others are kept as notes. With no finding at all a claim is
``unsupported``: checkable, but nothing in the ledger bears on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..model import Fact, Source
from .claims import Claim


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    STALE = "stale"
    INCONSISTENT = "inconsistent"
    AMBIGUOUS = "ambiguous"
    SOURCE_MISMATCH = "source_mismatch"
    UNSUPPORTED = "unsupported"


#: Most serious first: a figure the ledger contradicts matters more than a loose citation.
PRECEDENCE = (Verdict.CONTRADICTED, Verdict.STALE, Verdict.INCONSISTENT, Verdict.AMBIGUOUS,
              Verdict.SOURCE_MISMATCH, Verdict.SUPPORTED, Verdict.UNSUPPORTED)


@dataclass(frozen=True)
class Finding:
    """One check's result about one claim."""

    verdict: Verdict
    explanation: str
    facts: tuple[Fact, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """A ledger fact used for a verdict, with the document it comes from."""

    fact_id: str
    type: str
    source_id: str
    source_title: str = ""
    source_url: str = ""
    source_kind: str = ""
    recorded_at: str = ""

    @classmethod
    def of(cls, fact: Fact, source: Source | None) -> Evidence:
        return cls(fact.id, fact.type.value, fact.source_id, source.title if source else "",
                   source.url if source else "", source.kind.value if source else "", fact.recorded_at.isoformat())

    def to_json(self) -> dict[str, Any]:
        return {"fact_id": self.fact_id, "type": self.type, "source": {
            "id": self.source_id, "title": self.source_title, "url": self.source_url, "kind": self.source_kind},
            "recorded_at": self.recorded_at}


@dataclass(frozen=True)
class ClaimVerdict:
    """A claim with its verdict, the explanation, the evidence and any further findings."""

    claim: Claim
    verdict: Verdict
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    notes: tuple[dict, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        out = self.claim.to_json()
        out.update(verdict=self.verdict.value, explanation=self.explanation,
                   evidence=[e.to_json() for e in self.evidence])
        if self.notes:
            out["notes"] = list(self.notes)
        return out


def decide(claim: Claim, findings: list[Finding], source_of) -> ClaimVerdict:
    """The claim's verdict from its findings; ``source_of(source_id)`` gives a fact's Source (or None)."""
    if not findings:
        return ClaimVerdict(claim, Verdict.UNSUPPORTED, _nothing(claim))
    ranked = sorted(findings, key=lambda f: PRECEDENCE.index(f.verdict))
    head = ranked[0]
    seen: set[str] = set()
    evidence = []
    for f in head.facts:
        if f.id not in seen:
            seen.add(f.id)
            evidence.append(Evidence.of(f, source_of(f.source_id)))
    notes = tuple({"verdict": f.verdict.value, "explanation": f.explanation,
                   "evidence": [x.id for x in f.facts]} for f in ranked[1:])
    return ClaimVerdict(claim, head.verdict, head.explanation, tuple(evidence), notes)


def _nothing(claim: Claim) -> str:
    who = claim.subject or "this figure"
    return f"Nothing in the ledger (other than the audited text) bears on this {claim.kind.value.replace('_', ' ')} about {who}."
