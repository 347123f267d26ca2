"""Footnotes: every number in the report cites the facts behind it, and each fact its source.

:class:`Footnotes` numbers facts in order of first citation and builds, for each, a note naming
the source document (title, link, dates), the citation the source itself gives, and the evidence
quote. The quote is the fact's own evidence, else the span of the source text when that text is
supplied (``source_texts``: the ledger stores offsets, not documents), else the fact's note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..analyses.figures import Figure
from ..analyses.frame import Frame
from ..model import Fact, Source

#: Most footnote references printed after one number; the rest are counted.
MAX_REFS = 4
_QUOTE_LIMIT = 400


@dataclass(frozen=True)
class Note:
    number: int
    fact_id: str
    summary: str
    source_title: str
    source_url: str         # http(s) only; empty otherwise, so no script URL becomes a link
    source_kind: str
    published: str
    recorded: str
    cited_source: str
    quote: str
    quote_origin: str       # "evidence", "source text", "note" or ""
    reviewed_by: str = ""   # the people who checked the fact (accepted it, or wrote it as a correction)


def safe_url(url: str) -> str:
    """The URL when it is http(s), else empty (a ``javascript:`` URL must not become a link)."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def _summary(f: Fact, name) -> str:
    bits = [f.type.value.replace("_", " "), name(f.subject_id, f.subject)]
    parties = [f"{name(p.entity_id, p.name)} ({p.role.value})" for p in f.counterparties]
    if parties:
        bits.append("with " + ", ".join(parties))
    if f.amount is not None:
        bits.append(str(f.amount))
    if f.valuation is not None:
        bits.append(f"valuation {f.valuation}")
    figures = {k: v for k, v in f.attributes.items()
               if k in ("offer_price", "first_day_open", "first_day_close", "first_day_return_pct", "percent",
                        "direction", "reference", "period", "basis", "metric", "value", "list", "tranche")}
    if figures:
        bits.append(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in figures.items()))
    if f.time is not None:
        bits.append(f.time.label())
    if f.status is not None:
        bits.append(f.status.value)
    return "; ".join(bits)


class Footnotes:
    """Numbered notes for the facts a report cites."""

    def __init__(self, fr: Frame, source_texts: Mapping[str, str] | None = None) -> None:
        self.fr = fr
        self.texts = dict(source_texts or {})
        self._numbers: dict[str, int] = {}
        self._sources: dict[str, Source | None] = {}

    def cite(self, ids: Iterable[str] | Figure) -> tuple[list[int], int]:
        """Footnote numbers for ``ids`` (at most MAX_REFS) and how many more facts are behind the figure."""
        if isinstance(ids, Figure):
            ids = ids.fact_ids
        ids = list(dict.fromkeys(ids))
        nums = []
        for fid in ids[:MAX_REFS]:
            if fid not in self._numbers:
                self._numbers[fid] = len(self._numbers) + 1
            nums.append(self._numbers[fid])
        return nums, max(0, len(ids) - MAX_REFS)

    def _source(self, source_id: str) -> Source | None:
        if not self._sources:
            # one query for all sources: asking for each cited source would cost a query per note
            self._sources = {s.id: s for s in self.fr.snapshot.sources()}
        return self._sources.get(source_id)

    def notes(self) -> list[Note]:
        """The notes in number order (call after every figure has been cited)."""
        facts = self.fr.facts_by_id(self._numbers)
        reviewers = {fid: ", ".join(dict.fromkeys(r.reviewer for r in rs if r.action.value != "reject"))
                     for fid, rs in self.fr.snapshot.reviewed(list(facts)).items()} if facts else {}
        out = []
        for fid, number in sorted(self._numbers.items(), key=lambda kv: kv[1]):
            f = facts.get(fid)
            if f is None:
                out.append(Note(number, fid, "fact outside the as-of date", "", "", "", "", "", "", "", ""))
                continue
            s = self._source(f.source_id)
            quote, origin = f.evidence, "evidence" if f.evidence else ""
            text = self.texts.get(f.source_id)
            if not quote and text and f.span and 0 <= f.span[0] < f.span[1] <= len(text):
                quote, origin = text[f.span[0]:f.span[1]], "source text"
            if not quote and f.attributes.get("note"):
                quote, origin = str(f.attributes["note"]), "note"
            if len(quote) > _QUOTE_LIMIT:
                quote = quote[:_QUOTE_LIMIT].rstrip() + "…"
            out.append(Note(
                number, fid, _summary(f, self.fr.name),
                (s.title or s.url or s.id) if s else f.source_id, safe_url(s.url) if s else "",
                s.kind.value.replace("_", " ") if s else "",
                s.published.isoformat() if s and s.published else "",
                f.recorded_at.date().isoformat() if f.recorded_at else "",
                f.cited_source, quote, origin, reviewers.get(fid, "")))
        return out
