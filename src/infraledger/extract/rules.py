"""The default extraction backend: a rule grammar of deal language, offline and fast.

Pipeline: :func:`reading.read` (sentences, names, coreference, placeholders) -> the frames of
:mod:`frames` per sentence -> arguments (amount, valuation, date, status, citation, investors,
underwriters, exchange) -> follow-up sentences that add to the last deal ("The round values the
company at ...", "X and Y also took part", "The purchase still needs antitrust clearance") ->
one document-level merge of repeated mentions of one deal -> :class:`CandidateFact`.

What is *not* an event is decided by the same grammar: rumours, talks, hypotheticals ("could",
"might", "would have", "if"), forecasts and targets, buybacks, earnings, debt, IPO filings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timedelta
from decimal import Decimal

from ..model.events import FactType, Participant, Role, Status
from ..model.facts import CandidateFact
from ..model.fuzzytime import FuzzyTime, find_times
from ..model.money import Money, Qualifier
from .frames import (ANY_TRIGGER, CUMULATIVE, DEBT_WORDS, E, EL, FRAMES, IPO_NOT, IPO_WORDS, RAISE_GATE, ROUND_IN,
                     ROUND_NOUN, ROUND_WORDS, UNDISCLOSED_ROUNDS, Frame, find_raises)
from .mentions import is_exchange
from .reading import Analysed, Reading, read

_HYPOTHETICAL = re.compile(r"\b(?:could|might|may|would have|reportedly|rumou?r\w*|in talks|speculat\w*|"
                           r"unconfirmed|said to be|considering|exploring|if|whether|potential|possible|"
                           r"hope[sd]? to|aims? to)\b", re.IGNORECASE)
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
_WOULD_OK = re.compile(r"\b(?:said|says|announced|confirmed|under which|agreed that)\b[^.;]{0,140}\bwould\b", re.I)
_NOT_COUNTED = re.compile(r"\b(?:we do not count|not counted|does not count|do not count|neither counts?|"
                          r"is not an? (?:deal|acquisition|transaction|event)|not a (?:deal|transaction))\b", re.I)
_TERMINATED = re.compile(r"\b(?:terminated|voted down|abandoned|lapsed|died|collapsed|called off|scrapped|is dead|"
                         r"fell apart|walked away|was blocked|blocked the deal|withdrawn|withdrew)\b", re.I)
_COMPLETED = re.compile(r"\b(?:completed|completes|closed|closes|finalized|finalised|has acquired|was acquired|"
                        r"were acquired|bought|acquired|took)\b", re.I)
_PENDING = re.compile(r"\b(?:pending|awaiting|still needs|still requires|remains subject|remain subject|"
                      r"not yet closed|yet to close)\b", re.I)
_ANNOUNCED = re.compile(r"\b(?:agreed|agrees|agree|agreement|to acquire|will acquire|would acquire|announced|"
                        r"announces|plans to|letter of intent|definitive|will invest|would invest|to buy|to sell|"
                        r"will buy|will pay|is paying|committed|commits|would take|will take|to take|would buy)\b", re.I)
_DEAL_ANAPHOR = re.compile(r"^(?:The|This|That)\s+(?:\S+\s+){0,3}?(?:deal|transaction|acquisition|purchase|sale|"
                           r"agreement|merger|round|contract|investment|subscription|takeover|offering|financing)\b",
                           re.I)
_LEAD = re.compile(rf"\b(?:co-led|led|co-led)\s+by\s+(?P<l>{EL})", re.I)
_LED = re.compile(rf"(?P<l>{EL})\s+(?:co-)?led(?:\s+the\s+(?:round|financing|investment|raise))?\b(?!\s+by)", re.I)
_PARTICIPANTS = re.compile(rf"\b(?:participation from|participants include|investors include|investors including|"
                           rf"backers including|backers include|investors such as|investors,? including|including|"
                           rf"joined by|alongside)\s+(?:(?:new|existing|other)\s+)?(?P<i>{EL})", re.I)
_TOOK_PART = re.compile(rf"(?P<i>{EL})\s+(?:also\s+)?(?:took part|participated|invested|joined|contributed|"
                        rf"also backed)\b(?:\s+(?:existing\s+)?(?:investors?\s+)?(?P<j>{EL}))?", re.I)
_FROM_INVESTORS = re.compile(rf"⟪M\d+⟫[^⟨;.]{{0,60}}?\bfrom\s+(?:(?:new|existing)\s+)?(?:investors\s+(?:including\s+)?)?"
                             rf"(?P<i>{EL})", re.I)
_UNDERWRITERS = re.compile(rf"(?P<u>{EL})\s+(?:led|managed|sponsored|underwrote|ran)\s+the\s+(?:offering|IPO|listing)"
                           rf"|\bunderwritten\s+by\s+(?P<v>{EL})|(?P<w>{EL})\s+(?:acted|served|are|were)\s+as\s+"
                           rf"(?:[\w-]+\s+)?(?:underwriters|bookrunners|book-running managers)", re.I)
_EXCHANGE_RE = re.compile(r"\b(?:Nasdaq|NASDAQ|NYSE|New York Stock Exchange|(?:[A-Z][a-z]+ )+Stock Exchange|"
                          r"London Stock Exchange|Euronext)\b")
_ROUND_LABEL = re.compile(r"\bSeries\s+[A-Z]\d?\b|\bseed\b", re.I)
_BAD_DATE_BEFORE = re.compile(r"(?:as of|since|through|until|by the end of|by|expected to close in|close in|"
                              r"close by|over|before the end of|fiscal|ended|ending|from)\s*$", re.I)
_IPO_VERB = re.compile(r"\b(?:raised|raising|raises|priced|pricing|sold|selling|fetched|netted)\b[^.;]{0,60}⟪M", re.I)
_STATUS_RANK = {Status.ANNOUNCED: 0, Status.PENDING: 1, Status.COMPLETED: 2, Status.TERMINATED: 3}


@dataclass
class Draft:
    """An event found in one sentence, before the document-level merge."""

    type: FactType
    subject: int
    roles: list[tuple[int, Role]]
    people: list[int]
    sentence: Analysed
    trigger: tuple[int, int]  # in abstract text
    frame: str
    amount: Money | None = None
    valuation: Money | None = None
    time: FuzzyTime | None = None
    status: Status | None = None
    cited: str = ""
    weak_time: bool = False  # the date was carried over, not stated with the deal
    extra_sentences: list[Analysed] = field(default_factory=list)


def extract(document) -> list[CandidateFact]:
    """Deal events of ``document`` (a :class:`~infraledger.sources.document.Document`)."""
    reading = read(document.text)
    anchor = document.anchor
    drafts: list[Draft] = []
    last_by_type: dict[FactType, Draft] = {}
    last: Draft | None = None
    for i, an in enumerate(reading.sentences):
        if an.sentence.heading or _NOT_COUNTED.search(an.sentence.text):
            continue
        found = _frames(an, reading) + _raises(an, reading) if ANY_TRIGGER.search(an.abstract) else []
        for d in found:
            prev = last_by_type.get(d.type)
            if d.frame == "stake-topic" and prev is not None and i - prev.sentence.index <= 3:
                d.subject = prev.subject  # "Four days later X said it would take a stake" (in the same company)
        if found:
            _arguments(found, an, reading, anchor, drafts, document.published)
            for d in found:
                _participants(d, an, reading)
                if not d.cited and i + 1 < len(reading.sentences):
                    nxt = reading.sentences[i + 1]
                    if nxt.citation and nxt.sentence.paragraph == an.sentence.paragraph:
                        d.cited = nxt.citation
                if d.type is FactType.IPO:
                    _ipo_parties(d, an, reading, i)
                drafts.append(d)
                last_by_type[d.type] = d
                last = d
        elif last is not None and i - last.sentence.index <= 4:
            # "The deal ..." speaks of the latest sentence's deal that still lacks a figure.
            latest = [d for d in drafts if d.sentence.index == last.sentence.index]
            target = next((d for d in latest if d.amount is None and d.type is not FactType.TALENT_MOVE), last)
            _follow_up(an, reading, target, last_by_type, anchor)
    return [_to_fact(d, reading, document) for d in _merge(drafts, reading.table.names)]


# -- frames ----------------------------------------------------------------------------------


_ID_RE = re.compile(r"(?:⟨E|⟦P)(\d+)[⟩⟧]")


def _ids(text: str | None) -> list[int]:
    return [int(x) for x in _ID_RE.findall(text or "")]


def _hypothetical(an: Analysed, start: int, end: int, text: str | None = None) -> bool:
    """Whether the stretch ``start:end`` of ``text`` (default: the sentence's placeholder text)
    is a rumour, a hypothetical or a conditional rather than a statement of fact."""
    text = an.abstract if text is None else text
    region = text[max(0, start - 20):end]
    if _HYPOTHETICAL.search(region):
        return True
    if _WOULD.search(region) and not _WOULD_OK.search(text[max(0, start - 60):end]):
        return True
    return False


_COORDINATED = re.compile(r"(?:,\s*)?\band\s+(?:also\s+|then\s+|later\s+|\w+ly\s+)?(?=(?:has\s+|have\s+|had\s+|"
                          r"will\s+)?(?:signed|expanded|extended|secured|landed|raised|agreed|completed|closed|"
                          r"acquired|bought|invested|received|struck|inked|won|took|hired|named|lost|announced)\b)")


def _variants(an: Analysed) -> list[Analysed]:
    """The sentence, plus one copy per coordinated verb phrase with the subject written in.

    "X landed $67 million from Y and concurrently signed a deal with Z": the second verb's
    subject is X, so a copy reads "... ⟨X⟩ signed a deal with Z" (offsets mapped back).
    """
    out = [an]
    for m in _COORDINATED.finditer(an.abstract):
        before = re.findall(r"⟨E\d+⟩", an.abstract[:m.start()])
        if not before:
            continue
        subject = before[0] + " "
        delta = len(subject) - (m.end() - m.start())
        abstract = an.abstract[:m.start()] + subject + an.abstract[m.end():]
        pieces = [(a0, a1, t0, t1) if a1 <= m.start() else
                  (max(a0, m.start()) + (delta if a0 >= m.end() else 0), a1 + delta, t0, t1)
                  for a0, a1, t0, t1 in an.pieces]
        out.append(replace(an, abstract=abstract, pieces=pieces))
    # Appositions and relative clauses between a verb and its party ("sell 51% of X, the maker
    # it bought in 2015 for $16.7 billion, to Y") are read once in place and once blanked out.
    blanked, spans = _blank_clauses(an.abstract)
    if spans:
        out.append(replace(an, abstract=blanked, blanked=[(an.to_text(a), an.to_text(b - 1) + 1) for a, b in spans]))
    return out


_CLAUSE = re.compile(r"(?<=⟩),\s(?:⟨E\d+⟩|which|who|whose|until then|formerly|previously)[^,;]{0,120}?,(?= )")


def _blank_clauses(abstract: str) -> tuple[str, list[tuple[int, int]]]:
    """``abstract`` with appositions and relative clauses blanked, and where they were."""
    spans = [(m.start(), m.end()) for m in _CLAUSE.finditer(abstract)]
    for a, b in spans:
        abstract = abstract[:a] + " " * (b - a) + abstract[b:]
    return abstract, spans


def _frames(an: Analysed, reading: Reading) -> list[Draft]:
    out: list[Draft] = []
    claimed: set[frozenset] = set()
    table = reading.table
    for variant, low, frame in ((v, low, f) for v in _variants(an) for low in (v.abstract.lower(),)
                                for f in FRAMES):
        if not frame.may_match(variant.abstract, low):
            continue
        for m in frame.pattern.finditer(variant.abstract):
            d = _from_match(frame, m, variant, reading)
            if d is None:
                continue
            pairs = {frozenset((d.subject, i)) for i, _ in d.roles} or {frozenset((d.subject, -1, *d.people))}
            if pairs & claimed:
                continue
            if table.kinds[d.subject] == "person" or is_exchange(table.names[d.subject]):
                continue
            claimed |= pairs
            out.append(d)
            if frame.name == "invest-in":
                # "A agreed to invest up to $10 billion in X and B up to $5 billion": the elided second deal.
                ell = re.match(rf"\s*and (?P<a>{E}) (?P<m>(?:up to |about |nearly |another )?⟪M\d+⟫)", an.abstract[m.end():])
                if ell:
                    d2 = Draft(type=d.type, subject=d.subject, roles=[(_ids(ell.group("a"))[0], Role.INVESTOR)],
                               people=[], sentence=an, trigger=(m.end(), m.end() + ell.end()), frame="invest-elided")
                    d2.amount = _money_in(ell.group("m"), an)
                    out.append(d2)
    return out


def _from_match(frame: Frame, m: re.Match, an: Analysed, reading: Reading) -> Draft | None:
    groups = m.groupdict()
    if _hypothetical(an, m.start(), m.end(), m.string):
        return None
    gap = groups.get("gap") or ""
    if frame.name == "acquire" and (re.search(r"⟪M|\bfrom\b|\bstake\b|\bassets?\b|^\s*into\b", gap)):
        return None
    if frame.name == "signed-with" and re.search(r"\b(?:merger|takeover|acquisition|purchase|sale|settlement|credit|"
                                                 r"loan|standstill|voting|licensing)\s*$", gap):
        return None
    subject_ids = _ids(groups.get(frame.subject))
    if frame.type is FactType.TALENT_MOVE and groups.get("app"):
        # "X, the chief technology officer of Y, has left the company": Y, named in the apposition.
        named = re.findall(r"(?:\b(?:of|at)\s+⟨E(\d+)⟩|⟨E(\d+)⟩'s)", groups["app"])
        if named:
            subject_ids = [int(named[0][0] or named[0][1])]
    roles: list[tuple[int, Role]] = []
    for g, role in frame.roles.items():
        roles += [(i, role) for i in _ids(groups.get(g)) if reading.table.kinds[i] != "person"]
    people = [i for i in _ids(groups.get(frame.people)) if reading.table.kinds[i] == "person"] if frame.people else []
    if not subject_ids and frame.type is FactType.TALENT_MOVE:
        # "Quill's founder X left to ...": the company is the possessor before the person.
        head = an.abstract[max(0, m.start() - 80):m.start()] + (groups.get("app") or "")
        poss = re.findall(r"⟨E(\d+)⟩'s?(?=\s)", head) or re.findall(r"⟨E(\d+)⟩\s+(?:[\w-]+\s+){0,4}$", head)
        # "X, the chief technology officer of Y, has left": the company named in the apposition.
        named = re.findall(r"\b(?:of|at)\s+⟨E(\d+)⟩", groups.get("app") or "")
        subject_ids = [int(poss[-1])] if poss else [int(named[0])] if named else []
    if not subject_ids and frame.subject == "topic" and an.topic is not None:
        subject_ids = [an.topic]
    if not subject_ids:
        return None
    subject = subject_ids[0]
    roles = [(i, r) for i, r in roles if i != subject]
    if frame.type is not FactType.TALENT_MOVE and not roles:
        return None
    if frame.type is FactType.TALENT_MOVE and not people:
        if frame.name != "lost-to":
            return None
        if not re.search(r"\b(?:ceo|chief|founder|president|cto|head|executive|engineers?|staff|team|researchers)\b",
                         m.group(0), re.I):
            return None
    if frame.name == "signed-with" and re.match(r"\s*to (?:purchase|buy|acquire|procure|lease|rent)\b",
                                                an.abstract[m.end():]):
        # "X entered into agreements with Y to purchase ...": X is the customer.
        roles, subject = [(subject, Role.CUSTOMER)], roles[0][0]
    d = Draft(type=frame.type, subject=subject, roles=roles, people=people, sentence=an,
              trigger=(m.start(), m.end()), frame=frame.name, status=frame.status)
    if groups.get("m"):
        d.amount = _money_in(groups["m"], an)
    return d


def _raises(an: Analysed, reading: Reading) -> list[Draft]:
    """Funding rounds and IPOs: a raise verb with a round word, or with a listing word."""
    out: list[Draft] = []
    text = an.abstract
    table = reading.table
    blanked, _ = _blank_clauses(text)
    matches = find_raises(text) if RAISE_GATE.search(text) else []
    if blanked != text and RAISE_GATE.search(blanked):
        # "X, which started out ..., raised $600 million": the verb's subject across the clause
        matches += find_raises(blanked)
    for m in matches:
        if any(d.trigger[0] == m.start() and d.subject == _ids(m.group("t"))[0] for d in out):
            continue  # read already, in the sentence as written
        text = m.string
        subject = _ids(m.group("t"))[0]
        if re.search(r"(?:\bby|\bfrom|\bwith|\bincluding)\s+(?:⟨E\d+⟩(?:\s*,\s*|\s+and\s+))*$", text[:m.start()]):
            continue  # a backer named in a list, not the company raising
        if table.kinds[subject] == "person" or is_exchange(table.names[subject]):
            continue
        clause_end = _clause_end(text, m.end())
        clause = text[m.start():clause_end]
        verb = m.group("verb").lower()
        if _hypothetical(an, m.start(), m.end(), text):
            continue
        if IPO_WORDS.search(clause):
            ipo_at = IPO_WORDS.search(clause)
            if IPO_NOT.search(clause[max(0, ipo_at.start() - 40):ipo_at.end()]):
                continue
            if verb not in ("raised", "raises", "raise", "raising", "priced", "prices", "pricing", "sold",
                            "fetched", "netted", "completed", "closed"):
                continue
            out.append(Draft(type=FactType.IPO, subject=subject, roles=[], people=[], sentence=an,
                             trigger=(m.start(), m.end()), frame="ipo", status=Status.COMPLETED))
            continue
        raw = an.sentence.text[an.to_text(m.start()):an.to_text(m.end() - 1) + 45]
        if not m.group("m") or CUMULATIVE.search(raw):
            continue
        if _money_kind(an, int(re.search(r"\d+", m.group("m")).group(0))) != "amount":
            continue
        after = text[m.end():clause_end]
        if DEBT_WORDS.search(m.group("gap") + text[m.end():m.end() + 40]):
            continue
        if re.match(rf"\s*(?:in \w+ \d{{4}} )?from (?:\w+ )?{E}(?!\s*(?:,|and))", after) and not ROUND_WORDS.search(clause):
            continue  # a single named backer: a strategic investment, read by the frames
        if verb.startswith("rais") or ROUND_WORDS.search(clause):
            if verb in ("priced", "prices", "pricing", "sold", "fetched") and not ROUND_WORDS.search(clause):
                continue
            d = Draft(type=FactType.FUNDING_ROUND, subject=subject, roles=[], people=[], sentence=an,
                      trigger=(m.start(), m.end()), frame="raise",
                      status=Status.ANNOUNCED if verb.startswith("announc") else Status.COMPLETED)
            d.amount = _money_in(m.group("m"), an)
            out.append(d)
    text = an.abstract
    ipo = IPO_WORDS.search(text)
    if ipo and not any(d.type is FactType.IPO for d in out) and _IPO_VERB.search(text) \
            and not IPO_NOT.search(text[max(0, ipo.start() - 40):ipo.end()]) and not _hypothetical(an, 0, ipo.end()):
        issuers = [int(x) for x in re.findall(r"⟨E(\d+)⟩", text[:ipo.start()])
                   if table.kinds[int(x)] != "person" and not is_exchange(table.names[int(x)])]
        if issuers:
            out.append(Draft(type=FactType.IPO, subject=issuers[0], roles=[], people=[], sentence=an,
                             trigger=(ipo.start(), ipo.end()), frame="ipo-listing", status=Status.COMPLETED))
    for m in ROUND_IN.finditer(text):
        subject = _ids(m.group("t"))[0]
        d = Draft(type=FactType.FUNDING_ROUND, subject=subject, roles=[(i, Role.LEAD_INVESTOR) for i in _ids(m.group("l"))
                                                                       if i != subject],
                  people=[], sentence=an, trigger=(m.start(), m.end()), frame="round-in", status=Status.COMPLETED)
        d.amount = _money_in(m.group("m"), an)
        out.append(d)
    for m in ROUND_NOUN.finditer(text):
        if any(d.frame == "round-in" and d.trigger[0] <= m.start(m.lastindex or 0) <= d.trigger[1] for d in out):
            continue
        subject = _ids(m.group("t"))[0]
        if any(d.type is FactType.FUNDING_ROUND and d.subject == subject and d.amount == _money_in(m.group("m"), an)
               for d in out) or table.kinds[subject] == "person":
            continue
        if _hypothetical(an, m.start(), m.end()):
            continue
        d = Draft(type=FactType.FUNDING_ROUND, subject=subject, roles=[], people=[], sentence=an,
                  trigger=(m.start(), m.end()), frame="round-noun", status=Status.COMPLETED)
        d.amount = _money_in(m.group("m"), an)
        out.append(d)
    u = UNDISCLOSED_ROUNDS.search(text)
    if u and an.entity_ids:
        d = Draft(type=FactType.FUNDING_ROUND, subject=an.entity_ids[0], roles=[], people=[], sentence=an,
                  trigger=(u.start(), u.end()), frame="undisclosed-rounds", status=Status.COMPLETED)
        d.amount = None
        d.valuation = _valuation(an, an.to_text(u.start()))
        d.extra_sentences.append(an)
        out.append(d)
    return out


def _clause_end(text: str, pos: int) -> int:
    m = re.compile(r";|\. |\bbut\b|—").search(text, pos)
    return m.start() if m else len(text)


# -- arguments -------------------------------------------------------------------------------


def _money_in(placeholder: str, an: Analysed) -> Money | None:
    found = re.search(r"⟪M(\d+)⟫", placeholder or "")
    if not found:
        return None
    n = int(found.group(1))
    return an.money[n][2] if n < len(an.money) else None


def _money_kind(an: Analysed, n: int) -> str:
    """"amount", "valuation", or "other" (per-share prices, fees, revenue, ranges, small sums)."""
    a, b, money = an.money[n]
    text = an.sentence.text
    before, after = text[max(0, a - 45):a], text[b:b + 45]
    if money.qualifier is Qualifier.BETWEEN or money.amount < Decimal(1_000_000):
        return "other"
    if re.match(r"\s*(?:in cash\s+)?(?:a|per|for each|each|apiece)\b", after) or re.search(r"\bat\s*$", before) \
            and re.match(r"\s*(?:a|per|each)\b", after):
        return "other"
    if re.search(r"(?:revenue|sales|fee|fees|income|loss|earnings|profit|synergies|backstopping|buyback|"
                 r"repurchase|debt|grants?|obligations)\b[^$€£¥\d]{0,25}$", before, re.I) \
            or re.match(r"\s*(?:in |of )?(?:annual |annualized |annualised |quarterly )?(?:revenue|sales|net loss|"
                        r"cost synergies|share buyback|buyback|termination fee|break fee|of (?:unpaid|lease))", after, re.I):
        return "other"
    if re.search(r"valu(?:ing|ed|es|ation)\b[^$€£¥]{0,35}$|(?:post|pre)-money\s*$", before, re.I) \
            or re.match(r"\s*(?:post-money |pre-money )?valuation", after, re.I):
        return "valuation"
    return "amount"


def _valuation(an: Analysed, lo: int = 0, hi: int | None = None) -> Money | None:
    for n in range(len(an.money)):
        if lo <= an.money[n][0] < (hi if hi is not None else 10**9) and _money_kind(an, n) == "valuation":
            return an.money[n][2]
    return None


def _arguments(found: list[Draft], an: Analysed, reading: Reading, anchor, drafts: list[Draft],
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
        if d.amount is not None or d.type is FactType.TALENT_MOVE or d.frame == "undisclosed-rounds":
            continue
        t0 = an.to_text(d.trigger[0])
        t1 = an.to_text(max(d.trigger[1] - 1, d.trigger[0]))
        for n, (a, b, _) in enumerate(an.money):
            if any(x <= a < y for x, y in d.sentence.blanked):
                continue  # money of a clause this reading left out
            kind = _money_kind(an, n)
            if kind == "other" or (kind == "valuation" and d.type is not FactType.ACQUISITION):
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
            d.valuation = _valuation(an, lo, hi)
        d.time, d.weak_time = _date(an, d, anchor, drafts, document_time)
        d.status = _status(d, an)
        d.cited = an.citation


def _date(an: Analysed, d: Draft, anchor, drafts: list[Draft], document_time: FuzzyTime | None) -> tuple[FuzzyTime | None, bool]:
    text = an.sentence.text
    later = re.search(r"\b(\w+) days later\b", text, re.I)
    if later and drafts and drafts[-1].time and drafts[-1].time.precision.value == "day":
        n = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}.get(later.group(1).lower())
        if n:
            return FuzzyTime.day(drafts[-1].time.start + timedelta(days=n), later.group(0)), False
    times = [(a, b, ft) for a, b, ft in _times(an, anchor)
             if not _BAD_DATE_BEFORE.search(text[max(0, a - 25):a])
             and not re.match(r"\s*(?:%|percent|million|billion)", text[b:b + 9])
             and not any(x <= a < y for x, y in d.sentence.blanked)]
    if times:
        t0 = an.to_text(d.trigger[0])
        t1 = an.to_text(max(d.trigger[1] - 1, d.trigger[0]))
        inside = [t for t in times if t0 <= t[0] <= t1 + 40]
        return (inside or times)[0][2], False
    if re.search(r"\bthe same day\b", text, re.I) and drafts and drafts[-1].time:
        return drafts[-1].time, False
    # No date of its own: the date of the latest deal stated earlier in the paragraph (the first
    # one of its sentence), else the document's date.
    same = [p for p in drafts if p.sentence.sentence.paragraph == an.sentence.paragraph and p.time is not None]
    if same:
        latest = same[-1].sentence.index
        return next(p for p in same if p.sentence.index == latest).time, True
    return document_time, True


def _times(an: Analysed, anchor) -> list:
    """Dates of a sentence (computed once: several deals of one sentence ask for them)."""
    if an.times is None:
        an.times = find_times(an.sentence.text, anchor, partial=True)
    return an.times


def _status(d: Draft, an: Analysed) -> Status:
    region = an.abstract[d.trigger[0]:_clause_end(an.abstract, d.trigger[1])]
    whole = an.abstract
    if d.type in (FactType.ACQUISITION, FactType.STRATEGIC_INVESTMENT, FactType.COMMERCIAL_CONTRACT) \
            and _TERMINATED.search(whole[d.trigger[0]:]):
        return Status.TERMINATED
    if _PENDING.search(whole):
        return Status.PENDING
    if d.type is FactType.ACQUISITION:
        if re.search(r"\b(?:to be|will be|would be|is being|agreed to be)\s+(?:acquired|bought|purchased|taken over)",
                     region, re.I):
            return Status.ANNOUNCED
        if _COMPLETED.search(region) and not re.search(r"\b(?:agreed|agreement|to acquire|will|would)\b",
                                                       region[:40], re.I):
            return Status.COMPLETED
        if d.status is not None:
            return d.status
        return Status.ANNOUNCED
    if d.status is not None:
        return d.status
    if _ANNOUNCED.search(region):
        return Status.ANNOUNCED
    return Status.COMPLETED


def _participants(d: Draft, an: Analysed, reading: Reading) -> None:
    if d.type is not FactType.FUNDING_ROUND or d.frame == "undisclosed-rounds":
        return
    _add_investors(d, an, reading, own=True)


def _add_investors(d: Draft, an: Analysed, reading: Reading, own: bool = False) -> None:
    text = an.abstract
    have = {i for i, _ in d.roles}
    table = reading.table

    def add(ids: list[int], role: Role) -> None:
        for i in ids:
            if i == d.subject or i in have or table.kinds[i] == "person" or is_exchange(table.names[i]):
                continue
            have.add(i)
            d.roles.append((i, role))

    for m in _LEAD.finditer(text):
        add(_ids(m.group("l")), Role.LEAD_INVESTOR)
    for m in _LED.finditer(text):
        add(_ids(m.group("l")), Role.LEAD_INVESTOR)
    for m in _PARTICIPANTS.finditer(text):
        add(_ids(m.group("i")), Role.INVESTOR)
    for m in _TOOK_PART.finditer(text):
        add(_ids(m.group("i")), Role.INVESTOR)
        add(_ids(m.group("j")), Role.INVESTOR)
    if own:
        # "raised $45 million in Series B funding from A and B": the backers of this round.
        for m in _FROM_INVESTORS.finditer(text, d.trigger[0]):
            add(_ids(m.group("i")), Role.INVESTOR)


def _ipo_parties(d: Draft, an: Analysed, reading: Reading, i: int) -> None:
    names = {reading.table.names[x] for x, _ in d.roles}
    window = [s for s in reading.sentences[i:i + 4] if s.sentence.paragraph == an.sentence.paragraph
              or s.index == i + 1]
    for s in window[:2]:
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
            for x in _ids(m.group("u") or m.group("v") or m.group("w")):
                if x != d.subject and x not in {y for y, _ in d.roles} and reading.table.kinds[x] != "person":
                    d.roles.append((x, Role.UNDERWRITER))


def _follow_up(an: Analysed, reading: Reading, last: Draft, last_by_type: dict, anchor) -> None:
    """A sentence without a deal of its own that adds investors, an amount, a valuation or a status."""
    fr = last_by_type.get(FactType.FUNDING_ROUND)
    if fr is not None and an.index - fr.sentence.index <= 3 and last is fr:
        _add_investors(fr, an, reading)
    anaphor = _DEAL_ANAPHOR.match(an.sentence.text.strip())
    mentions_deal = re.search(r"\b(?:deal|transaction|consideration|acquisition|purchase|round|contract|investment)\b",
                              an.abstract, re.I)
    if not anaphor and not (mentions_deal and an.index - last.sentence.index <= 2 and last.amount is None
                            and (not an.entity_ids or last.subject in an.entity_ids
                                 or any(i in an.entity_ids for i, _ in last.roles))):
        return
    d = last
    if d.type is FactType.TALENT_MOVE:
        return
    if d.amount is None and d.type is not FactType.TALENT_MOVE:
        kinds = [(n, _money_kind(an, n)) for n in range(len(an.money))]
        amount = next((an.money[n][2] for n, k in kinds if k == "amount"), None)
        if amount is None and d.type is FactType.ACQUISITION:
            amount = next((an.money[n][2] for n, k in kinds if k == "valuation"), None)
        d.amount = amount
    if d.valuation is None and d.type is not FactType.COMMERCIAL_CONTRACT:
        val = _valuation(an)
        if val is not None and (d.amount is None or val.amount != d.amount.amount):
            d.valuation = val
    text = an.sentence.text
    if _TERMINATED.search(text) and not re.search(r"\b(?:if|may|could|would)\b", text[:_TERMINATED.search(text).start()]):
        d.status = Status.TERMINATED
    elif _PENDING.search(text):
        if d.status is not Status.COMPLETED:
            d.status = Status.PENDING
    elif re.search(r"\b(?:closed|completed) on\b|\bwas completed\b|\bhas closed\b", text):
        d.status = Status.COMPLETED
    if d.time is None:
        times = _times(an, anchor)
        if times and not re.search(r"\b(?:expected|expects|will|should)\b", text):
            d.time = times[0][2]
    d.extra_sentences.append(an)


# -- merge and output --------------------------------------------------------------------------


def _close(a: Money | None, b: Money | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.currency == b.currency and abs(a.amount - b.amount) <= Decimal("0.01") * max(a.amount, b.amount)


def _same_name(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return wa <= wb or wb <= wa


def _same_event(a: Draft, b: Draft, names: list[str]) -> bool:
    if a.type is not b.type or not (a.subject == b.subject or _same_name(names[a.subject], names[b.subject])):
        return False
    ra = {i for i, r in a.roles if r not in (Role.EXCHANGE, Role.UNDERWRITER)}
    rb = {i for i, r in b.roles if r not in (Role.EXCHANGE, Role.UNDERWRITER)}
    parties = not ra or not rb or bool(ra & rb)
    if a.type is FactType.FUNDING_ROUND:
        return _close(a.amount, b.amount)
    if a.type is FactType.IPO:
        return True
    if a.type is FactType.TALENT_MOVE:
        people = not a.people or not b.people or bool(set(a.people) & set(b.people))
        ha = {i for i, r in a.roles if r is Role.HIRER}
        hb = {i for i, r in b.roles if r is Role.HIRER}
        return people and (not ha or not hb or bool(ha & hb)) and (bool(a.people) == bool(b.people) or parties)
    if a.type is FactType.COMMERCIAL_CONTRACT and a.amount and b.amount and not _close(a.amount, b.amount):
        return False
    return parties and bool(ra or rb)


def _merge(drafts: list[Draft], names: list[str]) -> list[Draft]:
    merged: list[Draft] = []
    for d in drafts:
        target = next((m for m in merged if _same_event(m, d, names)), None)
        if target is None:
            merged.append(d)
            continue
        have = {i for i, _ in target.roles}
        for i, r in d.roles:
            if i not in have:
                target.roles.append((i, r))
                have.add(i)
        target.people += [p for p in d.people if p not in target.people]
        target.amount = target.amount or d.amount
        target.valuation = target.valuation or d.valuation
        if target.time is None or (target.weak_time and d.time is not None and not d.weak_time):
            target.time, target.weak_time = d.time, d.weak_time
        target.cited = target.cited or d.cited
        if d.status and (target.status is None or _STATUS_RANK[d.status] > _STATUS_RANK[target.status]):
            target.status = d.status
    return merged


def _to_fact(d: Draft, reading: Reading, document) -> CandidateFact:
    names = reading.table.names
    s = d.sentence.sentence
    attributes: dict = {"frame": d.frame}
    if d.type is FactType.FUNDING_ROUND:
        label = _ROUND_LABEL.search(s.text)
        if label:
            attributes["round"] = label.group(0)
    return CandidateFact(
        type=d.type, subject=names[d.subject],
        counterparties=tuple(Participant(names[i], r) for i, r in d.roles),
        people=tuple(names[p] for p in d.people), amount=d.amount, valuation=d.valuation, time=d.time,
        status=d.status, cited_source=d.cited, evidence=s.text, span=(s.start, s.end), attributes=attributes,
    )
