"""Verdicts: what the ledger, the text's own figures and the cited documents say about each claim.

Every check returns :class:`Finding` objects (a verdict, a one-sentence explanation and the ledger
facts used). A claim keeps every finding its checks give, ordered by :data:`SERIOUSNESS`, the one
order of verdicts from most to least serious; its headline verdict is the first. A claim "has"
three kinds of findings, which can all hold at once: what the ledger says of it (supported,
contradicted, stale, ambiguous), whether the text's own figures hold together (inconsistent) and
whether the cited documents can hold it (source_mismatch). ``unsupported`` is the absence of the
first kind: a claim gets it exactly when no ledger finding bears on it, so it never sits beside
``supported``.
"""

from __future__ import annotations

from dataclasses import dataclass
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


#: Every verdict, most serious first, with why it ranks there. A reader is misled most by a figure
#: an independent source refutes, then by figures the text itself shows cannot all be right, then by
#: a statement that was true but no longer is; a citation that cannot hold the figure leaves the
#: figure unverified but not wrong; a reading that depends on what the words mean is a doubt, not
#: an error; nothing in the ledger is an open question; agreement is no concern at all.
SERIOUSNESS: tuple[tuple[Verdict, str], ...] = (
    (Verdict.CONTRADICTED, "an independent source says otherwise"),
    (Verdict.INCONSISTENT, "the text's own figures cannot all hold, so one of them is wrong"),
    (Verdict.STALE, "true when written, but the ledger knows a later state"),
    (Verdict.SOURCE_MISMATCH, "the cited document cannot hold the fact, so the citation does not back it"),
    (Verdict.AMBIGUOUS, "the words read in ways that give different answers"),
    (Verdict.UNSUPPORTED, "nothing in the ledger bears on it"),
    (Verdict.SUPPORTED, "an independent source agrees"),
)
#: The verdicts alone, most serious first.
ORDER: tuple[Verdict, ...] = tuple(v for v, _ in SERIOUSNESS)
#: Verdicts that say what the ledger holds about a claim; ``unsupported`` means none of them applies.
LEDGER_VERDICTS = frozenset({Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.STALE, Verdict.AMBIGUOUS})


def seriousness(verdict: Verdict) -> int:
    """The rank of ``verdict`` in :data:`ORDER` (0 is the most serious)."""
    return ORDER.index(verdict)


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
class SourcedFinding:
    """A finding as reported: its verdict, explanation and the ledger facts behind it with their sources."""

    verdict: Verdict
    explanation: str
    evidence: tuple[Evidence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict.value, "explanation": self.explanation,
                "evidence": [e.to_json() for e in self.evidence]}


@dataclass(frozen=True)
class ClaimVerdict:
    """A claim with all its findings, most serious first; the first is its headline verdict."""

    claim: Claim
    findings: tuple[SourcedFinding, ...]

    def __post_init__(self) -> None:
        if not self.findings:
            raise ValueError("a claim verdict needs at least one finding")

    @property
    def verdict(self) -> Verdict:
        return self.findings[0].verdict

    @property
    def explanation(self) -> str:
        return self.findings[0].explanation

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return self.findings[0].evidence

    @property
    def further(self) -> tuple[SourcedFinding, ...]:
        """The findings after the headline one, most serious first."""
        return self.findings[1:]

    def to_json(self) -> dict[str, Any]:
        out = self.claim.to_json()
        out.update(verdict=self.verdict.value, explanation=self.explanation,
                   evidence=[e.to_json() for e in self.evidence], findings=[f.to_json() for f in self.findings])
        return out


def decide(claim: Claim, findings: list[Finding], source_of) -> ClaimVerdict:
    """The claim with every finding, most serious first; ``source_of(source_id)`` gives a fact's Source (or None).

    Findings that say the same thing twice are merged. ``unsupported`` findings are dropped when a
    ledger finding (:data:`LEDGER_VERDICTS`) bears on the claim; with none, the claim gets one.
    """
    kept = _merged(findings)
    if any(f.verdict in LEDGER_VERDICTS for f in kept):
        kept = [f for f in kept if f.verdict is not Verdict.UNSUPPORTED]
    elif not any(f.verdict is Verdict.UNSUPPORTED for f in kept):
        kept.append(Finding(Verdict.UNSUPPORTED, _nothing(claim)))
    ranked = sorted(kept, key=lambda f: seriousness(f.verdict))  # stable: checks' own order within a verdict
    return ClaimVerdict(claim, tuple(SourcedFinding(f.verdict, f.explanation, _evidence(f.facts, source_of))
                                     for f in ranked))


def _merged(findings: list[Finding]) -> list[Finding]:
    """One finding per (verdict, explanation), with the facts of all its copies."""
    out: dict[tuple[Verdict, str], Finding] = {}
    for f in findings:
        key = (f.verdict, f.explanation)
        if key in out:
            out[key] = Finding(f.verdict, f.explanation, out[key].facts + f.facts)
        else:
            out[key] = f
    return list(out.values())


def _evidence(facts: tuple[Fact, ...], source_of) -> tuple[Evidence, ...]:
    seen: set[str] = set()
    out = []
    for f in facts:
        if f.id not in seen:
            seen.add(f.id)
            out.append(Evidence.of(f, source_of(f.source_id)))
    return tuple(out)


def _nothing(claim: Claim) -> str:
    who = claim.subject or "this figure"
    return f"Nothing in the ledger (other than the audited text) bears on this {claim.kind.value.replace('_', ' ')} about {who}."
