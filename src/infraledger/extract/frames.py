"""The grammar of deal language: one frame per way English states a deal, over placeholder text.

Frames run on a sentence in which every company name has been replaced by ``⟨E<id>⟩`` (people
by ``⟦P<id>⟧``, money by ``⟪M<n>⟫``), so a pattern says "an entity, then a form of *acquire*,
then up to N words with no other entity, then an entity" without spelling out names. Gaps never
cross another company, which is what makes "the nearest party" the one a verb governs.

The frames are data (``surface_frames/*.toml``, validated by :mod:`.surface_framedata`): each
names the event type, the group that holds the subject (the company the event is about, as in the
evaluation conventions), the groups that hold counterparties with their roles, the status its verb
implies, its behaviour flags and example sentences. Frames are tried in order of their priority; a
later frame does not read a pair of parties an earlier one has claimed. This module compiles them
and keeps the patterns of funding rounds and listings, which are easier to say in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.events import FactType, Role, Status
from . import surface_framedata
from .surface_framedata import EL, PL, E, M, P
from .surface_framedata import gap as _g

__all__ = ["EL", "PL", "E", "M", "P"]

ROUND_WORDS = re.compile(r"\b(?:round|series [a-z]\d?|seed|funding|financing|venture|fund-?raising|fundraise|"
                         r"valuation|valuing|valued|led by|co-led|investors?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Frame:
    """One way of stating a deal, compiled from its data (see ``surface_frames/macros.toml``)."""

    name: str
    type: FactType
    pattern: re.Pattern
    subject: str | None
    roles: dict[str, Role] = field(default_factory=dict)
    status: Status | None = None
    people: str | None = None
    gate: tuple[str, ...] | None = None  # words the sentence must contain for the frame to be tried
    priority: int = 0
    parties: frozenset[str] = frozenset()  # the groups that hold a party
    # behaviour flags (documented in surface_frames/macros.toml)
    rejects: tuple[tuple[str, re.Pattern, int | None], ...] = ()
    apposition: str | None = None
    subject_from_topic: bool = False
    subject_from_speaker: bool = False
    subject_from_head_when: re.Pattern | None = None
    speaker_role: Role | None = None
    hirer_before_people: bool = False
    hirer_from_topic: bool = False
    people_optional_when: re.Pattern | None = None
    swap_to_customer_when: re.Pattern | None = None
    elided_second_deal: bool = False
    business_of: str | None = None

    def may_match(self, companies: int, people: bool, present: frozenset[str]) -> bool:
        """A cheap test before the full pattern: enough parties in the sentence (``companies``
        placeholders, ``people`` present) and one of the frame's trigger words in ``present``."""
        if self.type is FactType.TALENT_MOVE:
            if not people:
                return False
        elif companies < _companies_needed(self):
            return False
        return self.gate is None or not present.isdisjoint(self.gate)


def _companies_needed(frame: Frame) -> int:
    return 1 if (frame.subject or frame.business_of) is None or not frame.roles else 2


def _compile(spec: surface_framedata.SurfaceFrame) -> Frame:
    return Frame(spec.name, spec.type, spec.compiled, spec.subject, dict(spec.roles), spec.status, spec.people,
                 tuple(spec.gate) if spec.gate is not None else None, spec.priority, spec.parties,
                 rejects=spec.rejects, apposition=spec.apposition, subject_from_topic=spec.subject_from_topic,
                 subject_from_speaker=spec.subject_from_speaker,
                 subject_from_head_when=spec.flag_pattern("subject_from_head_when"), speaker_role=spec.speaker_role,
                 hirer_before_people=spec.hirer_before_people, hirer_from_topic=spec.hirer_from_topic,
                 people_optional_when=spec.flag_pattern("people_optional_when"),
                 swap_to_customer_when=spec.flag_pattern("swap_to_customer_when"),
                 elided_second_deal=spec.elided_second_deal, business_of=spec.business_of)


#: Every surface frame, in the order they are tried.
FRAMES: tuple[Frame, ...] = tuple(_compile(f) for f in surface_framedata.load({"ROUND_WORDS": ROUND_WORDS.pattern}))

# Funding rounds and IPOs are recognised by a raise verb plus a round or listing word, which is
# easier to say in code than in one pattern (see rules.py).
# Every form of "raise"; what has happened ("secured", "lands") of the verbs a company gets money with
# (a verb other than "raise" reads a round only beside a round's words: "received $25 million in Series A
# financing"), and only the past of those whose "-s" form is a noun too ("banked", not "banks"); "priced"
# and "sold" for listings.
_RAISE_LEMMAS = "close|secure|land|announce|complete|receive|get|attract|pick up|pull in"
_RAISE_PAST_LEMMAS = "bag|bank|net|fetch|nab|snag|score|draw|grab"
RAISE_VERB = re.compile(rf"\b(?:{surface_framedata.verb('raise')}|close of|closing|{surface_framedata.verb(_RAISE_LEMMAS + ':s,past')}"
                        rf"|{surface_framedata.verb(_RAISE_PAST_LEMMAS + ':past')}|{surface_framedata.verb('price:s,past,ing')}"
                        rf"|sold)\b", re.IGNORECASE)
#: Pieces of text one of which every match of RAISE_VERB holds (a cheap test before the pattern).
_HINTS = {form[:4] for lemma in f"raise|{_RAISE_LEMMAS}|{_RAISE_PAST_LEMMAS}|price|sell".split("|")
          for forms in surface_framedata.verb_forms(lemma.split()[0]).values() for form in forms}
RAISE_HINTS = tuple(sorted(h for h in _HINTS if not any(h != o and h.startswith(o) for o in _HINTS)))
_AFTER_VERB = re.compile(rf"(?P<gap>{_g(60)})(?P<m>{M})")
_LAST_E = re.compile(rf"({E})[^⟨;]*$")


class RaiseMatch:
    """A company, then within 140 characters (no other company between) a raise verb, then money.

    Found verb first and read outwards, which is much faster than one pattern that tries every
    company as a start; offers the ``re.Match`` methods the callers use.
    """

    def __init__(self, string: str, t: tuple[int, int], verb: tuple[int, int], gap: tuple[int, int],
                 m: tuple[int, int]) -> None:
        self.string = string
        self._spans = {"t": t, "verb": verb, "gap": gap, "m": m}

    def start(self, name: str = "t") -> int:
        return self._spans[name][0]

    def end(self, name: str = "m") -> int:
        return self._spans[name][1]

    def group(self, name: str) -> str:
        a, b = self._spans[name]
        return self.string[a:b]


def find_raises(text: str) -> list[RaiseMatch]:
    """Every "company ... raise verb ... money" in ``text`` (see :class:`RaiseMatch`)."""
    out = []
    last_end = 0
    for v in RAISE_VERB.finditer(text):
        if v.start() < last_end:
            continue
        window_start = max(last_end, v.start() - 145)
        head = _LAST_E.search(text, window_start, v.start())
        if head is None or v.start() - head.end(1) > 140:
            continue
        tail = _AFTER_VERB.match(text, v.end())
        if tail is None:
            continue
        out.append(RaiseMatch(text, head.span(1), v.span(), tail.span("gap"), tail.span("m")))
        last_end = tail.end()
    return out


#: Every frame's trigger words, looked for once per sentence.
GATE_WORDS = tuple(sorted({w for f in FRAMES for w in f.gate or ()}))
# The tests of :meth:`Frame.may_match` as bit masks over FRAMES (bit i is FRAMES[i]), so that
# :func:`candidate_frames` tests all frames with a few integer operations: the frames each trigger word
# opens, the frames with no trigger words, the talent moves (which need a person), and the other frames
# each count of companies is enough for.
_WORD_MASKS = {w: sum(1 << i for i, f in enumerate(FRAMES) if f.gate is not None and w in f.gate) for w in GATE_WORDS}
_UNGATED = sum(1 << i for i, f in enumerate(FRAMES) if f.gate is None)
_TALENT = sum(1 << i for i, f in enumerate(FRAMES) if f.type is FactType.TALENT_MOVE)
_MOST_NEEDED = max(_companies_needed(f) for f in FRAMES)
_ENOUGH_COMPANIES = tuple(sum(1 << i for i, f in enumerate(FRAMES) if f.type is not FactType.TALENT_MOVE
                              and _companies_needed(f) <= n) for n in range(_MOST_NEEDED + 1))


def candidate_frames(abstract: str) -> list[Frame]:
    """The frames, in order, that pass :meth:`Frame.may_match` on the placeholder text ``abstract``."""
    companies, people = abstract.count("⟨E"), "⟦P" in abstract
    if not companies and not people:
        return []  # every frame needs a company or a person
    low = abstract.lower()
    if "\n" in low or "  " in low or "\t" in low:
        low = " ".join(low.split())  # a gate of two words across a line break or a blanked aside
    mask = _UNGATED
    for w in GATE_WORDS:
        if w in low:
            mask |= _WORD_MASKS[w]
    mask &= (_TALENT if people else 0) | _ENOUGH_COMPANIES[min(companies, _MOST_NEEDED)]
    out = []
    while mask:
        bit = mask & -mask
        out.append(FRAMES[bit.bit_length() - 1])
        mask ^= bit
    return out


# Money raised that is not equity for the company: debt (or money from banks), revenue, grants, employees selling their
# own shares ("in a tender offer", "a secondary sale").
DEBT_WORDS = re.compile(r"\b(?:notes?|convertible|debt|loan|bonds?|debentures?|eurobonds?|commercial paper|"
                        r"mortgage-backed|sinking fund|subordinated|credit|facility|banks|lenders|revenue|sales|earnings|"
                        r"profit|buyback|repurchase|grants?|tender offer|secondary|taxes|tariffs)\b", re.IGNORECASE)
IPO_WORDS = re.compile(r"\b(?:IPO|initial public offering|public offering|went public|listing|listed|"
                       r"flotation|debut)\b", re.IGNORECASE)
IPO_NOT = re.compile(r"\b(?:filed|files|filing|plans?|planning|prepar\w*|consider\w*|possible|potential|"
                     r"could|(?-i:may)|might|seek\w*|intend\w*|confidential\w*|ahead of|before|secondary|"
                     r"discussions?|talks|not|never)\b|n't\b", re.IGNORECASE)
UNDISCLOSED_ROUNDS = re.compile(r"\b(?:raised|closed|closing|raising|completed|secured)\b[^.;]{0,30}"
                                r"\b(?:undisclosed|unannounced|unspecified)\b[^.;]{0,20}\brounds?\b", re.IGNORECASE)
ROUND_NOUN = re.compile(rf"(?P<t>{E})(?:'s)?{_g(90)}(?P<m>{M})\s+(?:(?!(?:in|into|for|to|of|from|at|the)\b)[\w-]+\s+)"
                        rf"{{0,2}}?(?:Series [A-Z]\d?|seed(?: round)?|pre-seed|funding round|financing round|round)\b", re.IGNORECASE)
# "Orla's fund co-led a $100 million round in the company"
ROUND_IN = re.compile(rf"(?P<l>{EL})\s+(?:co-)?led\s+(?:a|an|the)\s+(?P<m>{M})\s+(?:[\w-]+\s+){{0,3}}?round\s+in\s+"
                      rf"(?P<t>{E})", re.IGNORECASE)
CUMULATIVE = re.compile(r"\b(?:raised a total|in total|to date|since (?:it was )?"
                        r"founded|since its founding|since inception|bringing (?:its|the) total|total funding)\b",
                        re.IGNORECASE)

# A total to date told in the present perfect: "has raised more than $200 million", "founded in 2019 and
# has since raised ..." (a named round is one round however it is told).
_PERFECT_TOTAL = re.compile(r"\b(?:has|have)\s+(?:since\s+|so far\s+|now\s+)?raised\s+(?:more than|over|nearly|almost|"
                            r"some|roughly|around|about|upwards of|in excess of)\b|\bfounded\b[^.;]{0,40}\band\s+"
                            r"(?:has|have)\s+(?:since\s+)?raised\b", re.I)
_NAMED_ROUND = re.compile(r"\b(?:series\s+[a-z]\d?|seed|round|tranche|extension)\b", re.I)


def perfect_total(sentence: str) -> bool:
    """A sentence that tells money raised to date in the present perfect ("has raised more than $200
    million"), naming no round."""
    return _PERFECT_TOTAL.search(sentence) is not None and _NAMED_ROUND.search(sentence) is None


def total_to_date(sentence: str) -> bool:
    """A sentence that tells money raised to date, not one round: "in total", "since founding", "has raised
    more than $200 million" (a total the round brings the sum to is not it: see :func:`cumulative`)."""
    return cumulative(sentence) or perfect_total(sentence)


def cumulative(text: str) -> bool:
    """Whether ``text`` tells a sum raised to date, beyond a total a round brings the sum to ("raised $25
    million, bringing its total funding to date to $60 million" tells one round of $25 million)."""
    return CUMULATIVE.search(_LATER_TOTAL.sub(" ", text) if "total" in text else text) is not None


#: "..., bringing its total funding to $60 million": the sum to date after the round, which is the money before it.
_LATER_TOTAL = re.compile(r"\b(?:bringing|brings|taking|takes|lifting|lifts|pushing|pushes)\s+(?:its|the|their|[\w.-]+['’]s?)\s+"
                          r"(?:total|overall|tally)\b[^.;$€£¥₹⟪]{0,50}?\bto(?=\s*(?:[$€£¥₹⟪]|US\$|USD|\d))", re.I)
