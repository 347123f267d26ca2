"""Sentences, parenthetical citations and masking: the text structure claims are read from.

Offsets always refer to the original text. Citations "(Source: ...)" are masked (replaced by spaces
of the same length) before figures are searched, so that "Q4 2025" inside a citation is not read
as the claim's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.text import Sentence, split_sentences
from ..lexicon import citation_pattern, prose_citation_cues

_CITATION = citation_pattern()  # the lexicon's: "(Source: ...)", "[Via: ...]"


@dataclass(frozen=True, slots=True)
class Citation:
    start: int
    end: int
    text: str   # the body, e.g. "Arrcus SEC Form D; Fujitsu press release"


#: A bulleted or numbered list item, a table row ("| A | $1 |", or "A | $1" as HTML tables read), or a
#: note-form line that gives a name a figure ("Aldine Compute: $1.2 billion").
LIST_ITEM = re.compile(r"^\s*(?:[-*•]\s|\d{1,2}[.)]\s|\|)|^[^|\n]{1,80}\s\|\s|^[^:\n]{1,60}:\s*(?:[a-z]+\s+)?[$€£]")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def _lines(text: str, pos: int, step: int):
    """(start, end) of the lines after (``step`` 1) or before (-1) the line holding ``pos``, nearest first."""
    if step > 0:
        start = text.find("\n", pos) + 1
        while 0 < start <= len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            yield start, end
            start = end + 1
    else:
        end = text.rfind("\n", 0, pos)
        while end >= 0:
            start = text.rfind("\n", 0, end) + 1
            yield start, end
            end = start - 1


def _list_items(text: str, pos: int, step: int) -> list[tuple[int, int]]:
    """The list items or table rows next to the line holding ``pos``, in ``step`` direction, up to the
    first other line. Table rules and single blank lines (as between the rows of an HTML table) are
    passed over."""
    out: list[tuple[int, int]] = []
    blank = False
    for start, end in _lines(text, pos, step):
        line = text[start:end]
        if not line.strip():
            if blank:
                break
            blank = True
            continue
        blank = False
        if _TABLE_RULE.match(line):
            continue
        if not LIST_ITEM.match(line):
            break
        out.append((start, end))
    return out if step > 0 else out[::-1]


def list_items_before(text: str, pos: int) -> list[tuple[int, int]]:
    """Spans of the list items or table rows right above the line holding ``pos``, first to last: the
    items a "Total:" line sums."""
    return _list_items(text, pos, -1)


def list_items_after(text: str, pos: int) -> list[tuple[int, int]]:
    """Spans of the list items or table rows right below the line holding ``pos``: the items an
    introducing line ("... together raised $3.1 billion:") announces."""
    return _list_items(text, pos, 1)


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` (headings included), offsets into ``text``: the extractor's splitter."""
    return split_sentences(text)


# A document named in the prose: "disclosed in an 8-K filing", "according to Orla's S-1".
_PROSE_CITATION = re.compile(
    rf"\b(?:{prose_citation_cues()})\s+"
    r"(?:(?:an?|the|its|their|his|her)\s+)?(?P<body>(?:[A-Z][\w&.'’-]*(?:'s|’s)?\s+){0,3}?(?:SEC\s+)?"
    r"(?:Form\s+D|8-K|10-K|10-Q|S-1|F-1|424B\d|prospectus|press release|earnings (?:call|report|release)|"
    r"(?:regulatory|securities|SEC) filing)s?(?:\s+filings?)?)\b")


def citations(text: str) -> list[Citation]:
    """Every "(Source: ...)" or "[Source: ...]" citation in ``text``."""
    return [Citation(m.start(), m.end(), " ".join(m.group("body").split()))
            for m in _CITATION.finditer(text)]


def prose_citations(text: str) -> list[Citation]:
    """Documents the sentences themselves name as where a figure comes from (left in the text)."""
    return [Citation(m.start(), m.end(), " ".join(m.group("body").split())) for m in _PROSE_CITATION.finditer(text)]


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces (offsets unchanged)."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


_QUOTE = re.compile(r"“[^”]{1,600}”|\"[^\"]{1,600}\"")


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans of quotations ("...", “...”) in ``text``."""
    return [m.span() for m in _QUOTE.finditer(text)]


def parenthesised(text: str) -> list[tuple[int, int]]:
    """Spans of bracketed asides "( ... )" (one level), used to keep an aside's date to itself."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out
