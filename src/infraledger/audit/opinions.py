"""Interpretation vs fact: the author's readings, forecasts and inferences, listed apart from claims.

A sentence is an opinion when it forecasts ("will likely", "the next 18 months will"), reads
meaning into facts ("hidden logic", "the key insight", "is not random") or hedges ("could",
"may"). When the reading is attached to a fact by a participle ("..., signaling that ..."), only
the part from the cue on is opinion, so the fact before it is still checked. A paragraph that
opens with an interpretation label ("Hidden logic:") is opinion throughout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import sentences

_PARAGRAPH_LABEL = re.compile(r"^\s*(?:hidden logic|the key insight|key insight|our view|analysis|takeaway|the lesson|bottom line)\s*:",
                              re.IGNORECASE)
_WHOLE = re.compile(
    r"\b(?:will likely|is likely|are likely|likely to|will (?:be|continue|see|command|face|remain)|could|might|(?-i:may) (?:also|well|be)|"
    r"is not random|are not random|not a crisis|structurally justified|we (?:think|believe|expect)|in our view|"
    r"the next \d+ (?:months|years) will|is poised to|are poised to|expect(?:s|ed)? to (?:continue|accelerate))\b",
    re.IGNORECASE)
_TAIL = re.compile(
    r"(?:,\s*|\s+)(?P<cue>signal(?:s|ing|ed)?(?: that)?|suggest(?:s|ing|ed)?(?: that)?|indicat(?:e|es|ing)(?: that)?|"
    r"impl(?:y|ies|ying)(?: that)?|underscor(?:e|es|ing)(?: that)?|demonstrat(?:e|es|ing)(?: that)?|"
    r"reflect(?:s|ing)|highlight(?:s|ing)|show(?:s|ing) that|mean(?:s|ing) that|illustrat(?:e|es|ing))\b",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Opinion:
    """A stretch of the text that is the author's interpretation, with the cue that marks it."""

    span: tuple[int, int]
    text: str
    cue: str

    def to_json(self) -> dict:
        return {"span": list(self.span), "text": self.text, "cue": self.cue}


#: Forecast cues that a company's stated spending plan also uses ("will be", "will remain").
_FORECAST_CUE = re.compile(r"will (?:be|remain|continue)", re.IGNORECASE)
#: A spending plan with its figure: such a sentence states guidance the ledger can hold.
_GUIDANCE = re.compile(r"\b(?:capex|capital expenditures?|capital spending|spending|outlays?|budgets?|guidance)\b"
                       r"[^.;]{0,60}?[$€£¥]\s?\d", re.IGNORECASE)


def find_opinions(text: str) -> list[Opinion]:
    """Opinion spans in ``text`` in order; each lies within one sentence."""
    out: list[Opinion] = []
    labelled: set[int] = set()
    for sent in sentences(text):
        label = _PARAGRAPH_LABEL.match(sent.text)
        if label:
            labelled.add(sent.paragraph)
        if sent.paragraph in labelled:
            cue = label.group(0).rstrip(": ").strip() if label else "interpretation paragraph"
            out.append(Opinion((sent.start, sent.end), sent.text, cue))
            continue
        whole = _WHOLE.search(sent.text)
        if whole and _FORECAST_CUE.fullmatch(whole.group(0)) and _GUIDANCE.search(sent.text):
            whole = None  # "capex will be about $640 billion": stated guidance, a figure to check
        if whole:
            out.append(Opinion((sent.start, sent.end), sent.text, whole.group(0)))
            continue
        tail = _TAIL.search(sent.text)
        if tail:
            s = sent.start + tail.start("cue")
            out.append(Opinion((s, sent.end), text[s:sent.end], tail.group("cue")))
    return out


def inside(span: tuple[int, int], opinions: list[Opinion]) -> bool:
    """True when ``span`` lies within one of ``opinions``."""
    return any(o.span[0] <= span[0] and span[1] <= o.span[1] for o in opinions)
