"""What is not a statement of fact: rumours, hypotheticals, hearsay, boilerplate, blocks of figures.

The frames and the raise rules find deal language; these tests decide whether a stretch of text
states a deal or only mentions one ("could", "is said to be nearing", "people familiar with the
matter", "forward-looking statements", a flattened table of financial figures).
"""

from __future__ import annotations

import re

from .reading import Analysed

_HYPOTHETICAL = re.compile(r"\b(?:could|might|(?-i:may)|would have|reportedly|rumou?r\w*|in (?:\w+ )?talks|speculat\w*|"
                           r"is said to|are said to|weighing|mulling|"
                           r"unconfirmed|said to be|considering|exploring|if|whether|potential|possible|"
                           r"hope[sd]? to|aims? to|plans? to|planning to|is planning|expected to announce|"
                           r"set to announce|poised to|preparing to|seeks? to|seeking to|looking to|in discussions|"
                           r"nearing)\b", re.IGNORECASE)
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
_WOULD_OK = re.compile(r"\b(?:said|says|announced|confirmed|under which|agreed that)\b[^.;]{0,140}\bwould\b", re.I)
_NOT_COUNTED = re.compile(r"\b(?:forward-looking statements?|actual results (?:may|could) differ|risks and "
                          r"uncertainties|people familiar with|familiar with the (?:matter|plans|talks)|according to (?:people|"
                          r"sources|a person)|sources said|people briefed|we do not count|not counted|does not count|do not count|neither counts?|"
                          r"is not an? (?:deal|acquisition|transaction|event)|not a (?:deal|transaction))\b", re.I)


_NOT_COUNTED_HINTS = ("count", "familiar", "forward-looking", "actual results", "uncertainties", "according to",
                      "sources said", "briefed", "not a", "not an")


_FIGURE_TOKEN = re.compile(r"[\d,.()$%€£-]*\d[\d,.()$%€£-]*")


def figures_table(text: str) -> bool:
    """A block of figures flattened into one "sentence" (financial statements in a filing's
    exhibit): a third or more of its words are numbers. Such blocks state no deal."""
    words = text.split()
    return len(words) >= 12 and sum(1 for w in words if _FIGURE_TOKEN.fullmatch(w)) * 3 >= len(words)


def not_counted(text: str) -> bool:
    """Rumours attributed to unnamed people, forward-looking boilerplate, "we do not count ..."."""
    low = text.lower()
    return any(h in low for h in _NOT_COUNTED_HINTS) and _NOT_COUNTED.search(text) is not None


def hypothetical(an: Analysed, start: int, end: int, text: str | None = None) -> bool:
    """Whether the stretch ``start:end`` of ``text`` (default: the sentence's placeholder text)
    is a rumour, a hypothetical or a conditional rather than a statement of fact."""
    text = an.abstract if text is None else text
    region = text[max(0, start - 20):end]
    if _HYPOTHETICAL.search(region):
        return True
    if _WOULD.search(region) and not _WOULD_OK.search(text[max(0, start - 60):end]):
        return True
    return False
