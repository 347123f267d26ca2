"""Arguments of a deal found in a sentence: amount, valuation, date, status, investors, exchange.

Also the sentences that follow a deal without stating one of their own and add to it ("The round
values the company at ...", "X and Y also took part", "The purchase still needs antitrust
clearance", "That purchase closed on December 26").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from ..lexicon import (alternation, count_alternation, days_per, deal_noun_alternation, number_value, numbers,
                       status_pattern)
from ..model.events import FactType, Role, Status
from ..model.fuzzytime import FuzzyTime, Precision, find_times
from ..model.money import Money, Qualifier
from .drafts import Draft, clause_end, ids
from .frames import E, EL, IPO_WORDS
from .mentions import is_exchange
from .reading import Analysed, Reading, blank_clauses


# Status words are the shared lexicon's (infraledger/lexicon/status.toml), which the audit reads too.
TERMINATED = status_pattern("terminated")
_COMPLETED = status_pattern("completed")
PENDING = status_pattern("pending")
_ANNOUNCED = status_pattern("announced")


_DEAL_ANAPHOR = re.compile(rf"^(?:The|This|That)\s+(?:\S+\s+){{0,3}}?(?:{deal_noun_alternation()})\b", re.I)
# The deal just stated, named anywhere in the next sentence: "Regulators blocked the deal in July",
# "Quillon walked away from the takeover".
_NAMES_DEAL = re.compile(rf"\b(?:the|this|that|its)\s+(?:[\w-]+\s+){{0,2}}?"
                         rf"(?:{deal_noun_alternation('acquisition')})\b", re.I)


# A list of backers in which each name may follow a few describing words: "sovereign fund A and
# pension manager B" (words that could start a clause of their own are not descriptors).
_DESCRIPTOR = r"(?:(?!(?:to|from|by|in|into|with|for|at|of|on|later|then|also|which|who|that)\b)[a-z][\w-]*\s+)"
_ARM_OF = r"(?:the\s+(?:[\w-]+\s+)?(?:venture|investment|vc)\s+(?:arm|unit|fund)\s+of\s+)?"  # "the venture arm of X"
# (a name followed by its own verb starts a new clause: "..., and Swedish startup Y picked up $1bn")
_OWN_VERB = (r"(?!\s+(?:picked|raised|raises|closed|closes|secured|landed|signed|agreed|said|says|announced|bought|"
             r"acquired|took|got|won|is|was|has|had|will|would)\b)")
IEL = rf"{E}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:{_DESCRIPTOR}{{0,2}}?|{_ARM_OF}){E}{_OWN_VERB})*"


# "led by Dallas-based X", "led by Dutch chip-equipment maker X": descriptors may come first.
_LEAD = re.compile(rf"(?:\b(?:co-led|led)\s+by\s+|\blead(?:\s+investors?)?\s*:\s*)(?:[\w-]+\s+){{0,3}}?(?P<l>{EL})",
                   re.I)


_LED = re.compile(rf"(?P<l>{EL})\s+(?:co-)?led(?:\s+the\s+(?:round|financing|investment|raise))?\b(?!\s+by)", re.I)
# "A co-led the $40 million round in X with B": B leads it too
_CO_LED_WITH = re.compile(rf"\bco-?led\b(?!\s+by)[^.;]{{0,100}}?\bwith\s+(?:[\w-]+\s+){{0,2}}?(?P<l>{EL})", re.I)


_PARTICIPANTS = re.compile(rf"\b(?:participation from|participants include|investors include|investors including|"
                           rf"(?:investors|backers|participants) in the (?:round|financing|raise|deal) "
                           rf"(?:include|included|are|were)|"
                           rf"(?:existing|new|other|returning|early) (?:backers?|investors?|shareholders?)|"
                           rf"backers including|backers include|investors such as|investors,? including|including|"
                           # "Investors: A, B", and "led by A with B"
                           rf"(?:investors|backers|participants):|(?<=⟩\s)with|"
                           rf"joined by|alongside)\s+(?:(?:new|existing|other)\s+)?(?P<i>{IEL})", re.I)


_WITH_PARTICIPATING = re.compile(rf"\bwith\s+(?:the\s+)?(?:(?:[\w-]+|⟨E\d+⟩)\s+){{0,3}}?(?P<i>{EL})\s+(?:also\s+)?"
                                 rf"(?:participating|investing|joining|"
                                 rf"taking part|contributing)\b", re.I)
_TOOK_PART = re.compile(rf"(?P<i>{EL})\s+(?:also\s+)?(?:took part|participated|invested(?!\s+⟪M)|joined|contributed|"
                        rf"also backed|put (?:money|capital|cash)? ?in|chipped in|came in|"
                        rf"followed on)\b(?:\s+(?:existing\s+)?(?:investors?\s+)?(?P<j>{EL}))?", re.I)


_FROM_INVESTORS = re.compile(rf"⟪M\d+⟫[^⟨;.]{{0,60}}?\bfrom\s+(?:(?:new|existing)\s+)?"
                             rf"(?:investors\s+(?:including\s+)?)?"
                             rf"(?:[\w-]+\s+){{0,3}}?(?P<i>{IEL})", re.I)


# "A and B led the offering", "underwritten by A", "A and B acted as (joint) bookrunners", "A and B
# are lead underwriters", "with A and B as joint book-running managers".
_UW_NOUN = r"(?:underwriters?|bookrunners?|book-?running managers?|book-?runners?|lead managers?)"
_UNDERWRITERS = re.compile(rf"(?P<u>{EL})\s+(?:led|managed|sponsored|underwrote|ran)\s+the\s+"
                           rf"(?:offering|IPO|listing|deal|share sale|float|flotation)"
                           rf"|\b(?:underwritten|managed)\s+by\s+(?P<v>{EL})"
                           rf"|(?P<w>{EL})\s+(?:acted|served|are|were|is|was|are acting|were acting|is acting)\s+"
                           rf"(?:as\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_UW_NOUN}"
                           rf"|\bwith\s+(?P<x>{EL})\s+as\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_UW_NOUN}", re.I)


_EXCHANGE_RE = re.compile(r"\b(?:Nasdaq|NASDAQ|NYSE|New York Stock Exchange|(?:[A-Z][a-z]+ )+Stock Exchange|"
                          r"London Stock Exchange|Euronext)\b")


# A sentence can state a date only with a digit, a month, a weekday or a relative word.
_DATEISH = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tues|wednes|thurs|fri|satur|sun|"
                      r"today|yesterday|tomorrow|week|month|year|quarter|ytd|first|second|third|fourth|last|mid|early|"
                      r"late)", re.I)
_FUTURE = re.compile(r"\b(?:will|would|is to|is set to|is due to|(?:is|are) expected to|to become|effective)\b", re.I)
_BAD_DATE_BEFORE = re.compile(r"(?:as of|since|through|until|effective|by the end(?: of)?|by the close(?: of)?|by|expected to close in|close in|"
                              r"close by|before the end of|fiscal|ended|ending|from)\s*$", re.I)


_PER_UNIT_AFTER = re.compile(r"\s*(?:in cash\s+)?(?:a|per|for each|each|apiece)\b")
_AT_BEFORE = re.compile(r"\bat\s*$")
_PER_AFTER = re.compile(r"\s*(?:a|per|each)\b")
# Money that is not a deal's size: revenue, fees, debt, grants ("$1bn of revenue", "$40m in unpaid grants",
# "$2m of lease obligations").
_NOT_DEAL_MONEY = (r"revenue|sales|fee|fees|income|loss|earnings|profit|synergies|backstopping|buyback|repurchase|"
                   r"debt|grants?|obligations|loans?|liabilities|invoices|subsidies")
_OTHER_BEFORE = re.compile(rf"(?:{_NOT_DEAL_MONEY})\b[^$€£¥\d]{{0,25}}$", re.I)
_OTHER_AFTER = re.compile(rf"\s*(?:(?:in|of)\s+(?:[\w-]+\s+){{0,3}}?(?:{_NOT_DEAL_MONEY})\b|"
                          r"(?:in |of )?(?:annual |annualized |annualised |quarterly )?(?:revenue|sales|net loss|"
                          r"cost synergies|share buyback|buyback|termination fee|break fee))", re.I)
_VALUATION_BEFORE = re.compile(r"valu(?:ing|ed|es|ation)\b[^$€£¥]{0,35}$|(?:post|pre)-money\s*$", re.I)
_DEAL_VALUED = re.compile(r"\b(?:deal|contract|agreement|transaction|pact|order|arrangement|lease)s?\b[^$€£¥;]{0,60}?\s"
                          r"(?:that is\s+|is\s+|was\s+)?valued\s+at\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|"
                          r"some\s+|up\s+to\s+|more\s+than\s+)?$", re.I)
_VALUATION_AFTER = re.compile(r"\s*(?:post-money |pre-money )?valuation", re.I)


def money_kind(an: Analysed, n: int) -> str:
    """"amount", "valuation", or "other" (per-share prices, fees, revenue, ranges, small sums)."""
    a, b, money = an.money[n]
    text = an.sentence.text
    before, after = text[max(0, a - 45):a], text[b:b + 45]
    if money.qualifier is Qualifier.BETWEEN or money.amount < Decimal(1_000_000):
        return "other"
    if _PER_UNIT_AFTER.match(after) or _AT_BEFORE.search(before) and _PER_AFTER.match(after):
        return "other"
    if _OTHER_BEFORE.search(before) or _OTHER_AFTER.match(after):
        return "other"
    if _VALUATION_BEFORE.search(before) or _VALUATION_AFTER.match(after):
        return "valuation"
    return "amount"


def per_unit(an: Analysed, n: int | None) -> bool:
    """Whether money ``n`` of the sentence is a price per share or unit ("$15 a share", "30 dlrs per share
    in cash", "41.25 dlrs per tonne"), not a deal's size."""
    if n is None or n >= len(an.money):
        return False
    return _PER_UNIT_AFTER.match(an.sentence.text, an.money[n][1]) is not None


def _deal_valued(an: Analysed, n: int) -> bool:
    """Whether money ``n`` is a deal's size stated as a value: "a 15-year deal valued at $9 billion"."""
    a = an.money[n][0]
    return _DEAL_VALUED.search(an.sentence.text[max(0, a - 120):a]) is not None


def valuation(an: Analysed, lo: int = 0, hi: int | None = None) -> Money | None:
    """The first valuation stated in the sentence between text offsets ``lo`` and ``hi``, or None."""
    for n in range(len(an.money)):
        if lo <= an.money[n][0] < (hi if hi is not None else 10**9) and money_kind(an, n) == "valuation":
            return an.money[n][2]
    return None


def assign_arguments(found: list[Draft], an: Analysed, reading: Reading, anchor, drafts: list[Draft],
               document_time: FuzzyTime | None) -> None:
    """Amounts (nearest unclaimed money to each trigger), valuations, dates, status, citation."""
    used = set()
    for d in found:
        if d.amount is not None:
            for n, (_, _, mo) in enumerate(an.money):
                if mo is d.amount:
                    used.add(n)
    pairs = []
    for d in found:
        if d.amount is not None or d.type is FactType.TALENT_MOVE or d.frame == "undisclosed-rounds" or d.listed:
            continue
        t0 = an.to_text(d.trigger[0])
        t1 = an.to_text(max(d.trigger[1] - 1, d.trigger[0]))
        for n, (a, b, _) in enumerate(an.money):
            if any(x <= a < y for x, y in d.sentence.blanked):
                continue  # money of a clause this reading left out
            kind = money_kind(an, n)
            if kind == "other" or (kind == "valuation" and d.type is not FactType.ACQUISITION
                                   and not (d.type is FactType.COMMERCIAL_CONTRACT and _deal_valued(an, n))):
                continue
            dist = (a - t1) if a >= t1 else (t0 - b) * 2 + 40 if b <= t0 else 0
            pairs.append((dist + (500 if kind == "valuation" else 0), d.trigger[1] - d.trigger[0], n, id(d), d))
    for _, _, n, _, d in sorted(pairs, key=lambda p: p[:4]):
        if n in used or d.amount is not None:
            continue
        d.amount = an.money[n][2]
        used.add(n)
    starts = sorted(d.trigger[0] for d in found)
    for d in found:
        if d.valuation is None and d.type in (FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT, FactType.IPO):
            # the valuation stated in this deal's own stretch of the sentence
            later = [s for s in starts if s > d.trigger[0]]
            lo, hi = an.to_text(d.trigger[0]), an.to_text(later[0]) if later else len(an.sentence.text)
            d.valuation = valuation(an, lo, hi)
        d.time, d.weak_time = _date(an, d, anchor, drafts, document_time, reading.sentences)
        d.status = _status(d, an)
        d.cited = an.citation


# "three days later", "10 days later", "a week later", "two weeks later": counted from the deal before.
_LATER = re.compile(rf"\b(?P<n>{count_alternation(1)}|an?)\s+(?P<unit>{alternation(numbers().days)})\s+later\b", re.I)
_CAME_AFTER = re.compile(rf"\b(?:it|this|that|the (?:deal|order|round|move|contract|agreement))\s+(?:comes?|came|follows?|"
                         rf"followed)\s+(?:just\s+|only\s+)?(?P<n>{count_alternation(1)}|an?)\s+"
                         rf"(?P<unit>{alternation(numbers().days)})\s+after\b", re.I)
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:/[^/]{1,40}/\s*)?(?:--|—|–)")
_NOT_A_DATE_AFTER = re.compile(r"\s*(?:%|percent|million|billion)")
# Where the trigger's clause or conjunct ends: a date past this belongs to the next deal told.
_NEXT_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas)\b")
_RECENT = re.compile(r"\b(?:recently|just|newly)\b", re.I)
_RECENTLY = re.compile(r"\b(?:recently|newly)\b", re.I)  # ("just" also means "only": "just six months after")
_SAME_DAY = re.compile(r"\bthe same day\b", re.I)


def _date(an: Analysed, d: Draft, anchor, drafts: list[Draft], document_time: FuzzyTime | None,
          reading_sentences: list[Analysed]) -> tuple[FuzzyTime | None, bool]:
    """When the deal of ``d`` happened, and whether that date was only carried over (weak)."""
    text = an.sentence.text
    later = _LATER.search(text) or _CAME_AFTER.search(text)
    if later and drafts and drafts[-1].time and drafts[-1].time.precision.value == "day":
        n = 1 if later.group("n").lower() in ("a", "an") else number_value(later.group("n"))
        if n:
            # "N days later": after the deal before; "it comes six weeks after X closed ...": X before it
            days = n * days_per(later.group("unit")) * (1 if later.re is _LATER else -1)
            return FuzzyTime.day(drafts[-1].time.start + timedelta(days=days), later.group(0)), False
    # a date inside a relative clause or apposition the deal's trigger is not in dates that clause's
    # own deal ("X, which Y acquired in 2021, raised $50 million last month")
    # (the clause a trigger ends in is its own: "X, which Y bought in 2021, ..." is dated by it)
    asides = [(an.to_text(x), an.to_text(y - 1) + 1) for x, y in _asides_beside(an.abstract, d) + _final_aside(an.abstract, d)]
    times = [(a, b, ft) for a, b, ft in _times(an, anchor)
             if not _BAD_DATE_BEFORE.search(text[max(0, a - 25):a])
             and not _NOT_A_DATE_AFTER.match(text[b:b + 9])
             and not any(x <= a < y for x, y in d.sentence.blanked)
             and not any(x <= a < y for x, y in asides)]
    # the dateline's date is the text's: a date the sentence gives the deal itself wins over it
    times = [t for t in times if not (t[0] < 60 and _DATELINE_AFTER.match(text, t[1]))] or times
    if times and d.type in (FactType.ACQUISITION, FactType.STRATEGIC_INVESTMENT) and _ANNOUNCED_WORDS.search(text) \
            and _status(d, an) is Status.COMPLETED:
        # "closed the acquisition of X announced in November": that date is the announcement's, not the
        # closing's (a contract's signing is the contract's date)
        times = [t for t in times if not _ANNOUNCED_BEFORE.search(text, max(0, t[0] - 30), t[0])]
    if times:
        t0 = an.to_text(d.trigger[0])
        t1 = an.to_text(max(d.trigger[1] - 1, d.trigger[0]))
        inside = [t for t in times if t0 <= t[0] <= t1 + 40 and not _NEXT_CLAUSE.search(text, t1, t[0])]
        future = _FUTURE.search(an.abstract, d.trigger[0], d.trigger[1] + 60) if d.type is FactType.TALENT_MOVE else None
        own = [t for t in times if t0 <= t[0] < an.to_text(future.start())] if future else []
        if future and own and not _FUTURE.search(an.abstract, d.trigger[0], future.start()):
            return own[0][2], False  # "Y resigned on Friday to become chief executive of Z": the day she left
        if future:
            # "X said on Monday that Y will become chief executive on April 1": the move is dated
            # by its announcement, not by when it takes effect.
            before = [t for t in times if t[0] < t0] or [t for t in times if _TOLD_ON.search(text, 0, t[0])]
            if before:  # (or told after it: "Y will be X's finance chief, the company said on Monday")
                return before[0][2], False
            inside = []
            times = []
        if inside:
            return inside[0][2], False
        if document_time is not None and _RECENTLY.search(text, _conjunct_start(text, t0), t1 + 1):
            return document_time, True  # "X built Y last year, and it was recently selected by Z"
        if times:
            return _clause_time(text, t0, t1, times), False
    if _SAME_DAY.search(text) and drafts and drafts[-1].time:
        return drafts[-1].time, False
    if document_time is not None and _RECENT.search(text):
        return document_time, True  # "we also recently acquired X": about the text's own date
    if document_time is not None and _NEW_ITEM.match(text):
        return document_time, True  # "Separately, X bought Y": a new item, told as of the text's date
    # No date of its own: the date of the latest deal stated earlier in the paragraph (the first
    # one of its sentence), else the latest date the document has stated so far, else its date.
    same = []
    for p in reversed(drafts):  # the drafts of this paragraph are the last ones
        if p.sentence.sentence.paragraph != an.sentence.paragraph:
            break
        if p.time is not None and p.sentence.index < an.index:
            same.insert(0, p)
    if same:
        latest = same[-1].sentence.index
        return min((p for p in same if p.sentence.index == latest), key=lambda p: p.trigger[0]).time, True
    crossed = an.sentence.heading  # whether a heading (a new item or section) lies between
    for prev in reversed(reading_sentences[max(0, an.index - 12):an.index]):
        if prev.sentence.heading:
            crossed = True
            continue
        if prev.sentence.text.count(" | ") >= 2:
            crossed = True
            continue  # a table's row: its date is that row's deal's
        # (a text with no date of its own carries a date only within its paragraph)
        stated = [ft for a, b, ft in _times(prev, anchor)
                  if not _BAD_DATE_BEFORE.search(prev.sentence.text[max(0, a - 25):a])
                  and not _COMPARED.search(prev.sentence.text[max(0, a - 60):a])
                  and (ft.start <= document_time.end and (not crossed or _recent_to(ft, document_time))
                       if document_time is not None else prev.sentence.paragraph == an.sentence.paragraph)]
        if stated:
            return stated[-1], True
    return document_time, True


#: Words that open a new item of news, not a continuation of the one before.
_NEW_ITEM = re.compile(r"\W*(?:[^,.;]{1,60},\s*)?(?:separately|elsewhere|meanwhile|in other news|lastly|finally|"
                       r"in a separate (?:deal|move|announcement|filing))\b", re.I)


#: How long before a text's own date a date stated under an earlier heading may still date a deal
#: told without one: a roundup of the month past carries its dates from item to item, but a
#: year-old date in one item is background to that item's deal, not the date of the next.
CARRY_DAYS = 62


def _recent_to(ft: FuzzyTime, document_time: FuzzyTime) -> bool:
    return (document_time.start - ft.start).days <= CARRY_DAYS


def _conjunct_start(text: str, t0: int) -> int:
    """Where the clause or conjunct holding a trigger at ``t0`` starts (after "; " or ", and")."""
    ends = [m.end() for m in _NEXT_CLAUSE.finditer(text, 0, t0)]
    return ends[-1] if ends else 0


def _clause_time(text: str, t0: int, t1: int, times: list) -> FuzzyTime:
    """The date of the conjunct or clause (between semicolons or after a colon) that holds the trigger at ``t0..t1``,
    else the sentence's first: "In May it bought X; in June 2020 it acquired Y" dates Y by June 2020,
    "Last year X bought Y, and in May Z bought W" dates W by May."""
    lo = max(text.rfind(";", 0, t0), text.rfind(": ", 0, t0)) + 1  # a colon opens a clause too
    # a date opening the trigger's own conjunct ("..., and in May Quorvia bought Brellix") is its date
    near = [t for t in times if max(lo, text.rfind(",", 0, t0) + 1) <= t[0] < t0]
    if near:
        return near[-1][2]
    hi = text.find(";", t1)
    hi = len(text) if hi < 0 else hi
    own = [t for t in times if lo <= t[0] < hi]
    return (own or times)[0][2]


def _times(an: Analysed, anchor) -> list:
    """Dates of a sentence (computed once: several deals of one sentence ask for them)."""
    if an.times is None:
        text = an.sentence.text
        an.times = find_times(text, anchor, partial=True) if _DATEISH.search(text) else []
    return an.times


_TO_BE_ACQUIRED = re.compile(r"\b(?:to be|will be|would be|is being|agreed to be)\s+"
                             r"(?:acquired|bought|purchased|taken over)", re.I)
_AGREED = re.compile(r"\b(?:agreed|agreement|(?<!went on )to acquire|will|would)\b", re.I)


_CONTRACT_AHEAD = re.compile(r"\b(?:plans? to|planning to|intends? to|letter of intent|memorandum of "
                             r"understanding|non-binding|in talks|negotiating)\b", re.I)
_MOVE_AHEAD = re.compile(r"\b(?:is (?:also |now )?leaving|(?:will|would) (?:also )?leave|is to leave|(?:will|would) (?:also )?join|"
                         r"is (?:also )?joining|is to join|is set to join|"
                         r"(?:will|would|is to|plans to|is set to) (?:also )?(?:step down|resign|retire)|"
                         r"is (?:also )?retiring|is (?:also )?stepping down|"
                         r"(?:will|would) (?:also )?become|(?:will|would) (?:also )?be|is to become|is to be|"
                         r"(?:is|are) expected to (?:leave|join|become|step down|resign|retire)|"
                         # a date ahead: "heads to Y as chief executive later this year"
                         r"later this (?:year|month|week|quarter)|(?:early |late |later )?next (?:year|month|week|quarter)|"
                         r"in the coming (?:days|weeks|months))\b", re.I)


def _asides_beside(abstract: str, d: Draft) -> list[tuple[int, int]]:
    """The asides (relative clauses, appositions) of ``abstract`` the draft's trigger does not end in: their
    words and dates are their own deal's ("sell X, the maker it bought in 2015, to Y")."""
    end = max(d.trigger[1] - 1, d.trigger[0])
    return [(a, b) for a, b in blank_clauses(abstract)[1] if not a <= end < b]


#: A relative clause or description that closes the sentence after a party ("bought Y, which was founded
#: in 2019."): its date is its own.
_FINAL_ASIDE = re.compile(r"(?<=⟩),\s(?:which|who|whose|founded|incubated|created|formed|spun (?:out|off))\b[^;:]*$")


def _final_aside(abstract: str, d: Draft) -> list[tuple[int, int]]:
    """The sentence's closing relative clause (see :data:`_FINAL_ASIDE`) when the draft's trigger is before it."""
    m = _FINAL_ASIDE.search(abstract, d.trigger[1]) if "," in abstract[d.trigger[1]:] else None
    return [m.span()] if m else []


def _without_asides(abstract: str, d: Draft) -> str:
    """``abstract`` with the asides blanked that the draft's trigger does not end in ("bought" in the
    aside above tells nothing of the sale)."""
    for a, b in _asides_beside(abstract, d):
        abstract = abstract[:a] + " " * (b - a) + abstract[b:]
    return abstract


def _status(d: Draft, an: Analysed) -> Status:
    """The deal's state as this sentence states it (later sentences may move it on)."""
    stop = clause_end(an.abstract, d.trigger[1])
    region = _without_asides(an.abstract, d)[d.trigger[0]:stop]
    # Status words may also come just before the trigger: "completed the sale of X" (also "completed the
    # previously announced sale of X": the words of what was announced before are not counted in the reach).
    before = _PREVIOUSLY_ANNOUNCED.sub("", an.abstract[max(0, d.trigger[0] - 60):d.trigger[0]])[-30:]
    whole = an.abstract
    if d.type in (FactType.ACQUISITION, FactType.STRATEGIC_INVESTMENT, FactType.COMMERCIAL_CONTRACT) and (
            TERMINATED.search(whole[d.trigger[0]:])
            # "regulators blocked X's takeover of Y": the words that end it reach the deal's noun
            or any(m.end() > d.trigger[0] for m in TERMINATED.finditer(whole, max(0, d.trigger[0] - 40), d.trigger[1]))):
        return Status.TERMINATED
    if PENDING.search(whole):
        return Status.PENDING
    if d.type is FactType.ACQUISITION:
        if _TO_BE_ACQUIRED.search(region):
            return Status.ANNOUNCED
        if _PAID_TO_BUY.search(an.abstract, max(0, d.trigger[0] - 60), stop):
            return Status.COMPLETED  # "X spends $1 billion to acquire Y": the money is spent
        agreed = _AGREED.search(region[:40])
        if _COMPLETED.search(_CLAUSE_TAIL.search(before).group(0)) or not agreed and _COMPLETED.search(region) \
                or _DEAL_CLOSED_AFTER.match(whole, stop):
            # ("completed the purchase of X, which it agreed to buy in January": the agreement is past;
            # "agreed in December to buy X; the deal closed on Feb. 3": a later clause tells it closed)
            return Status.COMPLETED
        if d.status is not None:
            return d.status
        return Status.ANNOUNCED
    if d.type is FactType.TALENT_MOVE and _MOVE_AHEAD.search(region):
        return Status.ANNOUNCED  # "is leaving X to become ...", "will join Y"
    if d.type is FactType.COMMERCIAL_CONTRACT:
        # A contract agreed is a contract signed; only one still to be made is announced.
        if _CONTRACT_AHEAD.search(region):
            return Status.ANNOUNCED
        if d.status is None:
            return Status.COMPLETED
    if d.status is not None:
        return d.status
    if _COMPLETED.search(before):
        return Status.COMPLETED  # "completed its previously announced $150 million investment in X"
    if _ANNOUNCED.search(_PREVIOUSLY_ANNOUNCED.sub(" ", region)):
        return Status.ANNOUNCED
    return Status.COMPLETED


_ANNOUNCED_WORDS = re.compile(r"\b(?:announced|agreed|unveiled|disclosed|struck|signed)\b", re.I)
_ANNOUNCED_BEFORE = re.compile(r"\b(?:announced|agreed|unveiled|disclosed|struck|signed)\s+(?:in|on|last|earlier|back in)?\s*$", re.I)
_DEAL_CLOSED_AFTER = re.compile(r"[^;]*;\s+(?:and\s+)?(?:the|that|this)\s+(?:deal|acquisition|purchase|transaction|merger|"
                                r"sale|takeover)\s+(?:has\s+|was\s+|finally\s+)?(?:closed|completed|been completed)\b", re.I)
_PAID_TO_BUY = re.compile(r"\b(?<!will )(?<!to )(?:paid|pays|spent|spends)\b[^.;]{0,50}\bto (?:acquire|buy|purchase)\b", re.I)
_TOLD_ON = re.compile(r"\b(?:said|says|announced|confirmed|disclosed)\s+(?:on\s+|in\s+|late\s+|early\s+)?$", re.I)
_CLAUSE_TAIL = re.compile(r"[^,;]*$")  # the words of a text's last clause
_PREVIOUSLY_ANNOUNCED = re.compile(r"\b(?:previously|already|earlier)[ -]announced\b", re.I)


#: How long before a text's own date a deal told in the present tense is history, not news.
HISTORY_DAYS = 365


def narrated_past(d: Draft, an: Analysed, document_time: FuzzyTime | None) -> None:
    """A purchase told in the present under a dated heading a year or more before the text's own
    date ("2019 -- Quorvia buys Brellix") is history: it happened (unless the sentence says it was only
    agreed or was called off, which :func:`_status` has read already)."""
    if d.type is not FactType.ACQUISITION or d.status is not Status.ANNOUNCED or d.time is None \
            or document_time is None or (document_time.start - d.time.end).days < HISTORY_DAYS:
        return
    stop = clause_end(an.abstract, d.trigger[1])
    if not _ONLY_AGREED.search(an.abstract[max(0, d.trigger[0] - 30):stop]) \
            and not _TO_BE_ACQUIRED.search(an.abstract[d.trigger[0]:stop]):
        d.status = Status.COMPLETED


def done_before_telling(d: Draft, anchor: date | None) -> None:
    """A deal told as done cannot date after the text that tells it: a month or season written without
    its year and read in the text's year ("bought Y in May", in a text of March) falls a year earlier."""
    t = d.time
    # (a day just after the text's may be the next day's news, or a time zone's: only months and seasons)
    if d.status is not Status.COMPLETED or t is None or anchor is None or t.start <= anchor \
            or t.precision not in (Precision.MONTH, Precision.RANGE) \
            or t.anchor is None or _YEAR_OR_AHEAD.search(t.text or "") or (t.start - anchor).days > 366:
        return
    try:
        d.time = FuzzyTime(t.start.replace(year=t.start.year - 1), t.end.replace(year=t.end.year - 1),
                           t.precision, t.text, t.anchor)
    except ValueError:  # (the 29th of February)
        return


_YEAR_OR_AHEAD = re.compile(r"\d{4}|\b(?:next|later|coming|tomorrow|this|ahead)\b", re.I)


_ONLY_AGREED = re.compile(r"\b(?:agree[sd]?|agreement|will|would|plans?|planned|proposed|intends?|offers?|offered|"
                          r"bids?|pending|announced|talks)\b", re.I)


def participants(d: Draft, an: Analysed, reading: Reading) -> None:
    """Add a funding round's lead and other investors named in its own sentence."""
    if d.type is not FactType.FUNDING_ROUND or d.frame == "undisclosed-rounds":
        return
    _add_investors(d, an, reading, own=True)


def _own_conjunct(text: str, d: Draft) -> str:
    """The text of the conjunct holding the draft's trigger when another conjunct of the sentence tells a
    sum of its own ("In May X raised $100 million, and in July Y raised $75 million led by Z": Z led Y's);
    the rest is blanked, so offsets stay."""
    after = _NEXT_CLAUSE.search(text, d.trigger[1])
    before = [m.end() for m in _NEXT_CLAUSE.finditer(text, 0, d.trigger[0])]
    lo = before[-1] if before and "⟪M" in text[:before[-1]] else 0
    hi = after.start() if after and "⟪M" in text[after.end():] else len(text)
    return " " * lo + text[lo:hi] + " " * (len(text) - hi)


def _add_investors(d: Draft, an: Analysed, reading: Reading, own: bool = False) -> None:
    text = _own_conjunct(an.abstract, d) if own else an.abstract
    have = {i for i, _ in d.roles}
    table = reading.table

    def add(ids: list[int], role: Role) -> None:
        for i in ids:
            if i == d.subject or i in have or table.kinds[i] == "person" or is_exchange(table.names[i]):
                continue
            have.add(i)
            d.roles.append((i, role))

    for m in _LEAD.finditer(text):
        add(ids(m.group("l")), Role.LEAD_INVESTOR)
    for m in _LED.finditer(text):
        add(ids(m.group("l")), Role.LEAD_INVESTOR)
    for m in _CO_LED_WITH.finditer(text) if "led" in text else ():
        add(ids(m.group("l")), Role.LEAD_INVESTOR)
    for m in _PARTICIPANTS.finditer(text):
        add(ids(m.group("i")), Role.INVESTOR)
    for m in _WITH_PARTICIPATING.finditer(text):
        add(ids(m.group("i")), Role.INVESTOR)
    for m in _TOOK_PART.finditer(text):
        add(ids(m.group("i")), Role.INVESTOR)
        add(ids(m.group("j")), Role.INVESTOR)
    if own:
        # "raised $45 million in Series B funding from A and B": the backers of this round.
        for m in _FROM_INVESTORS.finditer(text, d.trigger[0]):
            add(ids(m.group("i")), Role.INVESTOR)


def ipo_parties(d: Draft, an: Analysed, reading: Reading, i: int) -> None:
    """Add an IPO's exchange and underwriters, named in its sentence or the few after it."""
    names = {reading.table.names[x] for x, _ in d.roles}
    # The listing's parties follow within a few sentences: "X and Y led the offering", "its shares
    # begin trading today on the Nasdaq".
    window = reading.sentences[i:i + 5]
    for n, s in enumerate(window[1:], 1):
        first = s.entity_ids[0] if s.entity_ids else None
        if first is not None and first != d.subject and IPO_WORDS.search(s.sentence.text) \
                and not is_exchange(reading.table.names[first]) and not _UNDERWRITERS.search(s.abstract):
            window = window[:n]  # from here on, another company's listing
            break
    for s in window[:4]:
        for m in _EXCHANGE_RE.finditer(s.sentence.text):
            name = m.group(0)
            if name not in names:
                idx = reading.table.lookup(name)
                if idx is None:
                    idx = reading.table.add(name, "org")
                if idx not in {x for x, _ in d.roles}:
                    d.roles.append((idx, Role.EXCHANGE))
                    names.add(name)
            break
    if not any(r is Role.EXCHANGE for _, r in d.roles) and re.search(r"\bsame (?:board|exchange|market)\b",
                                                                      an.sentence.text):
        for s in reversed(reading.sentences[:i]):
            m = _EXCHANGE_RE.search(s.sentence.text)
            if m:
                idx = reading.table.lookup(m.group(0))
                if idx is None:
                    idx = reading.table.add(m.group(0), "org")
                d.roles.append((idx, Role.EXCHANGE))
                break
    for s in window:
        for m in _UNDERWRITERS.finditer(s.abstract):
            for x in ids(m.group("u") or m.group("v") or m.group("w") or m.group("x")):
                if x != d.subject and x not in {y for y, _ in d.roles} and reading.table.kinds[x] != "person":
                    d.roles.append((x, Role.UNDERWRITER))


_CLOSING = re.compile(r"\bclos(?:e|ing)\b|\bcomplet")
_DEAL_WORD = re.compile(r"\b(?:deal|transaction|consideration|acquisition|purchase|round|contract|investment|"
                        r"agreement)\b", re.I)
_CONDITIONAL = re.compile(r"\b(?:if|may|could|would)\b")
_CLOSED = re.compile(r"\b(?:closed|completed) on\b|\bwas completed\b|\bhas closed\b")
_EXPECTED = re.compile(r"\b(?:expected|expects|will|should)\b")
#: The buyer's payment told in the next sentence ("It is paying $68.50 a share, for a total equity value of about
#: $9.1 billion"), and the sum that is the deal's whole value.
_BUYER_PAYS = re.compile(r"\s*(?:It|⟨E\d+⟩|The (?:buyer|acquirer|company))\s+(?:is paying|will pay|paid|pays|agreed to pay|"
                         r"is to pay|offered)\b")
_TOTAL_VALUE = re.compile(r"\b(?:total|aggregate|overall)\s+(?:equity\s+|enterprise\s+|transaction\s+|deal\s+)?"
                          r"(?:value|consideration|price)\s+of\s+(?:about\s+|approximately\s+|around\s+|roughly\s+|nearly\s+)?"
                          r"⟪M(\d+)⟫", re.I)
#: A date a figure is compared with ("up from $640 million a year ago", "more than in 2023") dates that
#: figure, not the deal.
_COMPARED = re.compile(r"(?:\bfrom|\bthan|\bcompared (?:with|to)|\bversus|\bvs\.?)\b[^.;]{0,40}$", re.I)


# "The company sold 40 million shares, raising $720 million": an offering's proceeds.
_PROCEEDS = re.compile(r"\b(?:raising|raised|raises|proceeds|sold|sells|selling|offered|offering)\b", re.I)


def _later_status(d: Draft, text: str) -> None:
    """Move ``d`` on to the status a later sentence about it states (ended, still pending, closed)."""
    ended = TERMINATED.search(text)
    if ended and not _CONDITIONAL.search(text[:ended.start()]):
        d.status = Status.TERMINATED
    elif PENDING.search(text):
        if d.status is not Status.COMPLETED:
            d.status = Status.PENDING
    elif _CLOSED.search(text):
        d.status = Status.COMPLETED


_OR_DOLLARS = re.compile(r",?\s+or\s+(?:about\s+|roughly\s+|around\s+|some\s+)?⟪M(\d+)⟫")


def _stated_in_dollars(an: Analysed, total: re.Match):
    """The sum a "total value of" names, or its dollar equivalent told beside it ("A$9.1 billion, or
    roughly US$5.9 billion")."""
    money = an.money[int(total.group(1))][2]
    alt = _OR_DOLLARS.match(an.abstract, total.end())
    if alt and int(alt.group(1)) < len(an.money) and money.currency != "USD" \
            and an.money[int(alt.group(1))][2].currency == "USD":
        return an.money[int(alt.group(1))][2]
    return money


def follow_up(an: Analysed, reading: Reading, last: Draft, last_by_type: dict, anchor) -> None:
    """A sentence without a deal of its own that adds investors, an amount, a valuation or a status."""
    ipo = last_by_type.get(FactType.IPO)
    if ipo is not None and ipo.amount is None and an.index - ipo.sentence.index <= 2 and an.money \
            and _PROCEEDS.search(an.sentence.text) and (not an.entity_ids or ipo.subject in an.entity_ids):
        ipo.amount = next((an.money[n][2] for n in range(len(an.money)) if money_kind(an, n) == "amount"), None)
    fr = last_by_type.get(FactType.FUNDING_ROUND)
    if fr is not None and an.index - fr.sentence.index <= 3 and last is fr:
        _add_investors(fr, an, reading)
    if last.valuation is None and last.type in (FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT, FactType.IPO) \
            and an.index - last.sentence.index <= 2 and (an.entity_ids[:1] == [last.subject] or an.index ==
                                                         last.sentence.index + 1 and an.entity_ids[:1] and
                                                         an.entity_ids[0] in {i for i, _ in last.roles}):
        # "The startup is now valued at roughly $9bn": the company just said to have raised; "Led by
        # A at a $31B post-money valuation": the round of the sentence before, named by its investor.
        last.valuation = valuation(an)
    if an.index == last.sentence.index + 1 and last.status in (Status.ANNOUNCED, None) \
            and last.type in (FactType.ACQUISITION, FactType.STRATEGIC_INVESTMENT) \
            and PENDING.search(an.sentence.text) and _CLOSING.search(an.sentence.text):
        last.status = Status.PENDING  # "The companies expect to close ..., pending regulatory approvals."
    anaphor = _DEAL_ANAPHOR.match(an.sentence.text.strip()) or (
        last.type is FactType.ACQUISITION and an.index - last.sentence.index <= 3 and _BUYER_PAYS.match(an.abstract))
    mentions_deal = _DEAL_WORD.search(an.abstract)
    if not anaphor and not (mentions_deal and an.index - last.sentence.index <= 2 and last.amount is None
                            and (not an.entity_ids or last.subject in an.entity_ids
                                 or any(i in an.entity_ids for i, _ in last.roles))):
        if an.index == last.sentence.index + 1 and _NAMES_DEAL.search(an.sentence.text) \
                and last.type in (FactType.ACQUISITION, FactType.STRATEGIC_INVESTMENT, FactType.COMMERCIAL_CONTRACT):
            _later_status(last, an.sentence.text)  # only what became of it
        return
    d = last
    if d.type is FactType.TALENT_MOVE:
        return
    if d.amount is None and d.type is not FactType.TALENT_MOVE:
        kinds = [(n, money_kind(an, n)) for n in range(len(an.money))]
        total = _TOTAL_VALUE.search(an.abstract)
        amount = _stated_in_dollars(an, total) if total and int(total.group(1)) < len(an.money) else \
            next((an.money[n][2] for n, k in kinds if k == "amount"), None)
        if amount is None and d.type is FactType.ACQUISITION:
            amount = next((an.money[n][2] for n, k in kinds if k == "valuation"), None)
        d.amount = amount
    if d.valuation is None and d.type is not FactType.COMMERCIAL_CONTRACT:
        val = valuation(an)
        if val is not None and (d.amount is None or val.amount != d.amount.amount):
            d.valuation = val
    text = an.sentence.text
    _later_status(d, text)
    if d.time is None or d.weak_time:
        # "The agreement was announced on Monday, July 7": the date of a deal told without its own
        times = [t for t in _times(an, anchor) if not _BAD_DATE_BEFORE.search(text[max(0, t[0] - 25):t[0]])
                 and not _COMPARED.search(text[max(0, t[0] - 60):t[0]])]
        if times and not _EXPECTED.search(text):
            d.time, d.weak_time = times[0][2], False
    d.extra_sentences.append(an)
