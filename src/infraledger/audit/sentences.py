"""Sentences, parenthetical citations and masking: the text structure claims are read from.

Offsets always refer to the original text. Citations "(Source: ...)" are masked (replaced by spaces
of the same length) before figures are searched, so that "Q4 2025" inside a citation is not read
as the claim's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Abbreviations whose full stop does not end a sentence.
_ABBREV = re.compile(r"(?:\b(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|St|vs|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                     r"approx|est|e\.g|i\.e|U\.S|U\.K|Fig)|\b[A-Z])\.$")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(*]*[A-Z0-9$€£])|\n+")
_CITATION = re.compile(r"\(\s*(?:Sources?|Via|Per|According to)\s*:\s*(?P<body>[^()]{1,300})\)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Citation:
    start: int
    end: int
    text: str   # the body, e.g. "Arrcus SEC Form D; Fujitsu press release"


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences (a line break always ends one); offsets into ``text``."""
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    for m in _BOUNDARY.finditer(text):
        chunk = text[pos:m.start()]
        if "\n" not in m.group(0) and _ABBREV.search(chunk.rstrip()):
            continue
        _add(out, text, pos, m.start(), paragraph)
        if "\n" in m.group(0):
            paragraph += 1
        pos = m.end()
    _add(out, text, pos, len(text), paragraph)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph))


def citations(text: str) -> list[Citation]:
    """Every "(Source: ...)" citation in ``text``."""
    return [Citation(m.start(), m.end(), " ".join(m.group("body").split())) for m in _CITATION.finditer(text)]


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces (offsets unchanged)."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


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
