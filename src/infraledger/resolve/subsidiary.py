"""Find "<Parent> subsidiary <Child>" and "<Child>, a subsidiary of <Parent>" phrases.

A subsidiary is kept as its own entity with a subsidiary-of relation to its parent, so a mention
such as "Fujitsu subsidiary 1Finity" must give two names, not one entity called by the whole phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CandidateFact, FactType, Participant, Role

# A company name as written in prose: capitalised or numeric words, with '&', '.', '-' inside, and
# lower-case joiners ("of", "and", "de") only between capitalised words.
_WORD = r"(?:[A-Z0-9][\w&.'’\-]*[\w&])|(?:[A-Z0-9])"
_NAME = rf"(?:{_WORD})(?:\s+(?:(?:of|and|de|&)\s+)?(?:{_WORD}))*"
_UNIT = r"(?:wholly[- ]owned\s+|majority[- ]owned\s+|cloud\s+|chip\s+|networking\s+|software\s+)?" \
        r"(?:subsidiary|unit|division)"

# "<Parent>'s subsidiary <Child>", "<Parent> subsidiary <Child>", "<Parent> unit <Child>"
_PARENT_FIRST = re.compile(rf"(?P<parent>{_NAME})(?:['’]s?)?\s+{_UNIT}\s*,?\s+(?P<child>{_NAME})")
# "<Child>, a subsidiary of <Parent>", "<Child> (a unit of <Parent>)", "<Child>, which is a subsidiary of"
_CHILD_FIRST = re.compile(rf"(?P<child>{_NAME})\s*(?:,|\()\s*(?:which\s+is\s+)?(?:a|an|the)\s+{_UNIT}\s+of\s+"
                          rf"(?P<parent>{_NAME})\)?")
_LEADING_NOISE = re.compile(r"^(?:The|A|An|Its|Their|Both|And|But|Meanwhile|Separately|Also)\s+")


@dataclass(frozen=True)
class SubsidiaryMention:
    """A child company named together with its parent, and where the phrase is in the text."""

    child: str
    parent: str
    span: tuple[int, int]


def _clean(name: str) -> str:
    name = _LEADING_NOISE.sub("", name.strip())
    name = re.sub(r"['’]s?$", "", name)  # "Fujitsu's" -> "Fujitsu"
    return name.rstrip(".,;:")


def find_subsidiaries(text: str) -> list[SubsidiaryMention]:
    """Every subsidiary phrase in ``text`` with its child and parent names, in text order."""
    found: list[SubsidiaryMention] = []
    for pattern in (_PARENT_FIRST, _CHILD_FIRST):
        for m in pattern.finditer(text):
            child, parent = _clean(m.group("child")), _clean(m.group("parent"))
            if child and parent and child != parent:
                found.append(SubsidiaryMention(child, parent, (m.start(), m.end())))
    found.sort(key=lambda s: s.span)
    out: list[SubsidiaryMention] = []
    for s in found:  # a phrase matched by both patterns is kept once, the first (leftmost) reading
        if not out or s.span[0] >= out[-1].span[1]:
            out.append(s)
    return out


def split_subsidiary(name: str) -> tuple[str, str] | None:
    """``(child, parent)`` when the whole of ``name`` is a subsidiary phrase, else None.

    'Fujitsu subsidiary 1Finity' -> ('1Finity', 'Fujitsu').
    """
    name = name.strip().rstrip(".")
    for pattern in (_PARENT_FIRST, _CHILD_FIRST):
        m = pattern.fullmatch(name)
        if m:
            child, parent = _clean(m.group("child")), _clean(m.group("parent"))
            if child and parent and child != parent:
                return child, parent
    return None


def subsidiary_facts(text: str, *, offset: int = 0) -> list[CandidateFact]:
    """A ``subsidiary_of`` relation fact (subject: child; counterparty: parent, role 'related') per phrase.

    ``offset`` is added to the spans, for text that is a slice of a longer document.
    """
    return [CandidateFact(type=FactType.SUBSIDIARY_OF, subject=s.child,
                          counterparties=(Participant(s.parent, Role.RELATED),),
                          evidence=text[s.span[0]:s.span[1]], span=(s.span[0] + offset, s.span[1] + offset))
            for s in find_subsidiaries(text)]
