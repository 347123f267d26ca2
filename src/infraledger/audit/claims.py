"""Find the checkable claims in a text: amounts, percentages and changes, share prices, counts,
deal status and dates, rankings.

Each :class:`Claim` carries its span, the figure with its qualifier (a :class:`Money` or a number
read as a :class:`Range`), what it measures, its subject and counterparty, its time reference and
the citation the text gives. Figures are found with :func:`.figures.find_amounts` (the shared
``find_money`` read as prose means it) and the shared ``find_times``; the cue words that say what a
figure measures live in :mod:`.cues`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from ..model import (
    FactType,
    FuzzyTime,
    Money,
    Qualifier,
    Range,
    Status,
    find_times,
)
from . import cues
from .mentions import Mention, NameIndex, find_mentions, lowercase_vocabulary
from .sentences import (
    LIST_ITEM,
    Sentence,
    citations,
    mask,
    parenthesised,
    prose_citations,
    quoted,
    sentences,
)


class ClaimKind(StrEnum):
    AMOUNT = "amount"
    PERCENTAGE = "percentage"
    CHANGE = "change"
    SHARE_PRICE = "share_price"
    COUNT = "count"
    STATUS = "status"
    DATE = "date"
    RANKING = "ranking"


@dataclass(frozen=True)
class Claim:
    """One checkable statement. ``span`` is the figure's (or status phrase's) place in the text."""

    id: str
    span: tuple[int, int]
    text: str
    kind: ClaimKind
    measure: str
    subject: str
    fact_types: tuple[FactType, ...] = ()
    subject_id: str | None = None
    counterparty: str = ""
    counterparty_id: str | None = None
    members: tuple[str, ...] = ()
    value: Money | None = None
    quantity: Decimal | None = None
    qualifier: Qualifier = Qualifier.EXACT
    high: Decimal | None = None          # upper end of a stated range of percentages ("10-12%")
    time: FuzzyTime | None = None
    status: Status | None = None
    direction: str = ""
    reference: str = ""
    base: Money | None = None
    cited_source: str = ""
    sentence_span: tuple[int, int] = (0, 0)
    extra: dict[str, Any] = field(default_factory=dict)

    def range(self) -> Range | None:
        """The values the stated figure allows (money amount, percent or count)."""
        if self.value is not None:
            return Range.of_money(self.value)
        if self.quantity is not None:
            return Range.of(self.quantity, self.qualifier, self.high)
        return None

    def to_json(self) -> dict:
        out: dict[str, Any] = {
            "id": self.id, "span": list(self.span), "text": self.text, "kind": self.kind.value,
            "measure": self.measure, "subject": self.subject, "subject_id": self.subject_id,
        }
        if self.counterparty:
            out["counterparty"] = self.counterparty
            out["counterparty_id"] = self.counterparty_id
        if self.members:
            out["members"] = list(self.members)
        if self.value is not None:
            out["value"] = self.value.to_json()
        elif self.quantity is not None:
            out["value"] = str(self.quantity)
            if self.high is not None:
                out["high"] = str(self.high)
        else:
            out["value"] = self.status.value if self.status else None
        out["qualifier"] = (self.value.qualifier if self.value is not None else self.qualifier).value
        out["time"] = self.time.to_json() if self.time else None
        for key in ("direction", "reference"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.status:
            out["status"] = self.status.value
        if self.base:
            out["base"] = self.base.to_json()
        out["cited_source"] = self.cited_source or None
        out["sentence_span"] = list(self.sentence_span)
        return out


@dataclass
class _Ctx:
    text: str
    anchor: date | None
    index: NameIndex
    lower: frozenset[str]
    carry: dict[int, tuple[str, str | None]] = field(default_factory=dict)   # paragraph -> last subject
    last_time: dict[int, FuzzyTime] = field(default_factory=dict)            # paragraph -> last time seen
    last_deal: dict[int, tuple[tuple[str, str | None], tuple[str, str | None]]] = field(default_factory=dict)
    # paragraph -> (target, acquirer) of the last deal read
    out: list[Claim] = field(default_factory=list)


def find_claims(text: str, *, anchor: date | None = None, index: NameIndex | None = None,
                skip: list[tuple[int, int]] = (), title: str = "") -> list[Claim]:
    """Every checkable claim in ``text``, in text order.

    ``anchor`` resolves relative dates ("year-to-date"); ``index`` knows entity names; sentences
    overlapping a ``skip`` span (the author's opinions) and headings are not read.
    """
    ctx = _Ctx(text, anchor, index or NameIndex(), lowercase_vocabulary(text))
    cites = citations(text)
    masked = mask(text, [(c.start, c.end) for c in cites])
    cites = sorted(cites + prose_citations(text), key=lambda c: c.start)
    for sent in sentences(text):
        if _is_heading(sent, title) or any(s <= sent.start and sent.end <= e for s, e in skip):
            _remember(ctx, sent, masked)
            continue
        _read_sentence(ctx, sent, masked[sent.start:sent.end], [c for c in cites if sent.start <= c.start < sent.end])
    ctx.out = [c for c in ctx.out if not any(s <= c.span[0] and c.span[1] <= e for s, e in skip)]
    ctx.out.sort(key=lambda c: (c.span[0], c.span[1]))
    return [_renumber(i, c) for i, c in enumerate(ctx.out, 1)]


def _renumber(i: int, c: Claim) -> Claim:
    return replace(c, id=f"c{i}")


def _is_heading(sent: Sentence, title: str) -> bool:
    line = sent.text.strip()
    if title and line == title.strip():
        return True
    if line.endswith((".", "!", "?", ")", ":")) or len(line) > 160 or LIST_ITEM.match(line):  # list items are content
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _remember(ctx: _Ctx, sent: Sentence, masked: str) -> None:
    for _s, _e, ft in find_times(masked[sent.start:sent.end], ctx.anchor, partial=True):
        ctx.last_time[sent.paragraph] = ft


def _read_sentence(ctx: _Ctx, sent: Sentence, body: str, cites) -> None:
    mentions = find_mentions(body, sent.start, ctx.index, ctx.lower)
    label = cues.LABEL.match(body) or cues.DATELINE.match(body)
    if label:  # "Warning signals: The Brellix case ...", "SAN FRANCISCO, April 2, 2026 --" name no party
        mentions = [m for m in mentions if m.start >= sent.start + label.end()]
    times = _times(ctx, sent, body)
    groups = cues.groups(body, sent.start, mentions)
    # A name inside a group's phrase describes the group ("Three AI-infrastructure companies"): no party.
    mentions = [m for m in mentions if not any(g.start <= m.start and m.end <= g.end for g in groups)]
    finder = _Finder(ctx, sent, body, mentions, times, groups, cites)
    finder.run()
    first = _topic(sent, body, mentions)
    if groups and (first is None or groups[0].start < first.start):
        ctx.carry[sent.paragraph] = (groups[0].text, None)
    elif first is not None and not cues.PRONOUN_START.match(body):
        ctx.carry[sent.paragraph] = (first.name, first.entity_id)
    if times:
        ctx.last_time[sent.paragraph] = times[-1][2]


#: What follows a person's name: a title in apposition ("Dana Oyelaran, Norvale's chief executive,").
_PERSON_AFTER = re.compile(r"\s*,[^,.;]{0,60}?\b(?:ceo|cfo|cto|coo|founder|co-founder|chief|president|chair\w*|"
                           r"director|head of|analyst|partner|executive)\b", re.IGNORECASE)
_SPEAKER = re.compile(r"\b(?:said|says|told|according to|added|noted)\s*$", re.IGNORECASE)


def _topic(sent: Sentence, body: str, mentions: list[Mention]) -> Mention | None:
    """The company a sentence is about, for "it" and "the company" in the sentences after it: its first
    name near the start, or in a quotation, the first name outside the quote that is not the speaker
    ("'Demand has tripled,' said Dana Oyelaran, chief executive of Norvale" is about Norvale); a name
    with a job title in apposition is a person's."""
    quotes = [(sent.start + s, sent.start + e) for s, e in quoted(body)]
    named = [m for m in mentions if not _PERSON_AFTER.match(body[m.end - sent.start:])]
    if not quotes:
        return next((m for m in named if m.start - sent.start < 40), None)
    return next((m for m in named if not any(s <= m.start < e for s, e in quotes)
                 and not _SPEAKER.search(body[:m.start - sent.start])), None)


#: Words that put a present-tense figure at the text's own date ("its stock now trades at $22").
_NOW = re.compile(r"\b(?:now|currently|at present)\b", re.IGNORECASE)


def _times(ctx: _Ctx, sent: Sentence, body: str) -> list[tuple[int, int, FuzzyTime]]:
    """The time references of a sentence, "now" read as the text's date when it has one."""
    found = [(sent.start + s, sent.start + e, ft) for s, e, ft in find_times(body, ctx.anchor, partial=True)]
    today = find_times("today", ctx.anchor) if ctx.anchor else []
    for m in _NOW.finditer(body) if today else ():
        found.append((sent.start + m.start(), sent.start + m.end(), replace(today[0][2], text=m.group(0))))
    return sorted(found, key=lambda t: t[0])


class _Finder:
    """Reads the figures of one sentence into claims."""

    def __init__(self, ctx: _Ctx, sent: Sentence, body: str, mentions: list[Mention], times, groups, cites) -> None:
        self.ctx, self.sent, self.body, self.mentions, self.times = ctx, sent, body, mentions, times
        self.groups, self.cites = groups, cites
        self.parens = [(sent.start + s, sent.start + e) for s, e in parenthesised(body)]
        self.pronoun = bool(cues.PRONOUN_START.match(body))
        self.used: list[tuple[int, int]] = []

    # -- helpers ------------------------------------------------------------------------------
    def local(self, start: int, end: int) -> str:
        return self.body[start - self.sent.start:end - self.sent.start]

    def citation_for(self, pos: int) -> str:
        after = [c for c in self.cites if c.start >= pos]
        chosen = after[0] if after else (self.cites[-1] if self.cites else None)
        return chosen.text if chosen else ""

    def paren_of(self, pos: int) -> tuple[int, int] | None:
        return next((p for p in self.parens if p[0] <= pos < p[1]), None)

    def time_for(self, start: int, end: int, period: bool = False, prefer_as_of: bool = False) -> FuzzyTime | None:
        own = self.paren_of(start)
        best, dist = None, 10 ** 9
        for s, e, ft in self.times:
            if self.paren_of(s) != own:
                continue  # a date inside an aside belongs to the aside
            gap = s - end if s >= end else start - e
            if start <= s and e <= end:
                d = -50  # a date inside the claim's own phrase
            elif s >= end and gap <= 70:
                d = gap
            elif e <= start and gap <= 70:
                d = gap + 35  # a date before the figure is a weaker reading than one after it
            else:
                continue
            if prefer_as_of and re.search(r"as of\s*$", self.ctx.text[max(0, s - 8):s], re.IGNORECASE):
                d -= 100
            if d < dist:
                best, dist = ft, d
        if best is None and period:
            best = self.ctx.last_time.get(self.sent.paragraph)
        return best

    def subject(self, pos: int, *, nearest: bool = False, exclude: set[str] = frozenset(),
                group_first: bool = False) -> tuple[str, str | None, tuple[str, ...]]:
        before = [m for m in self.mentions if m.end <= pos and m.name not in exclude
                  and not cues.is_agent(self.ctx.text, m.start)]
        grp = next((g for g in self.groups if g.end <= pos), None)
        owner = self.possessor(pos, exclude)
        if owner is not None:
            return owner.name, owner.entity_id, ()
        clause = self.clause_subject(pos, before)
        if clause is not None and not nearest:
            return clause.name, clause.entity_id, ()
        if group_first and grp and (not before or grp.start <= before[0].start):
            return grp.text, None, grp.members
        if before and not (self.pronoun and before[0].start - self.sent.start > 20 and not nearest):
            m = before[-1] if nearest or self.paren_of(pos) else before[0]
            return m.name, m.entity_id, ()
        if grp:
            return grp.text, None, grp.members
        carried = self.ctx.carry.get(self.sent.paragraph)
        if not carried and self.pronoun:
            carried = self.ctx.carry.get(self.latest_paragraph())
        if carried:
            return carried[0], carried[1], ()
        # A clause put first ("Priced at $24 in its IPO, Kestrel stock opened ..."): the name after it.
        after = next((m for m in self.mentions if m.start >= pos and m.name not in exclude
                      and not cues.is_agent(self.ctx.text, m.start)), None)
        return (after.name, after.entity_id, ()) if after else ("", None, ())

    def possessor(self, pos: int, exclude: set[str]) -> Mention | None:
        """The owner named in the figure's own phrase: "a premium to Brennor's last private valuation of
        $1.6 billion" (even after "to", which otherwise marks a party)."""
        text = self.ctx.text
        owners = [m for m in self.mentions if m.end <= pos and m.name not in exclude
                  and text[m.end:m.end + 2] in ("'s", "’s") and pos - m.end <= 60
                  and not re.search(r"[,;:(]|\b(?:and|while|but|than|after|before|when)\b", text[m.end:pos])]
        return owners[-1] if owners else None

    def clause_subject(self, pos: int, before: list[Mention]) -> Mention | None:
        """The name opening the clause of a figure after an earlier figure of the sentence: in "A raised
        $6 billion, B raised $4 billion", B for the second figure; in "A paid $2 billion for B, C paid
        $1.5 billion", C. A name whose clause runs on past a comma to the figure is not its subject."""
        prior = [e for s, e in self.used if e <= pos and self.sent.start <= s]
        if not prior:
            return None
        text = self.ctx.text
        opened = [m for m in before if m.start >= max(prior) and not self.paren_of(m.start)
                  and re.search(r"(?:[,;:]|\band|\bwhile|\bwhereas)\s*$", text[max(prior):m.start])
                  and not re.search(r"[,;]", text[m.end:pos])]
        return opened[-1] if opened else None

    def latest_paragraph(self) -> int:
        """The latest paragraph before this one that named a company ("The company ..." opening a paragraph)."""
        return max((p for p in self.ctx.carry if p < self.sent.paragraph), default=-1)

    def mention_after(self, pos: int, limit: int = 60) -> Mention | None:
        return next((m for m in self.mentions if pos <= m.start <= pos + limit), None)

    def add(self, **kw) -> None:
        kw.setdefault("cited_source", self.citation_for(kw["span"][0]))
        kw.setdefault("sentence_span", (self.sent.start, self.sent.end))
        self.ctx.out.append(Claim(id="", **kw))
        self.used.append(kw["span"])

    def run(self) -> None:
        from .claimreaders import (
            read_counts,
            read_money,
            read_percents,
            read_rankings,
            read_status,
            read_talent,
        )
        bases = read_percents(self)
        read_money(self, bases)
        read_counts(self)
        read_status(self)
        read_talent(self)
        read_rankings(self)
