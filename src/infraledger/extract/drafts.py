"""Deals found in one sentence (drafts), their document-level merge, and their output as facts.

A document often states one deal several times ("agreed to buy X in June ... completed its
acquisition of X"): drafts of one type about one subject whose parties agree (and, for rounds,
whose amounts agree) are merged into one event; the merged event keeps the first stated figures,
the most precise date and the latest status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..model.events import FactType, Participant, Role, Status
from ..model.facts import CandidateFact
from ..model.fuzzytime import FuzzyTime
from ..model.money import Money, find_money
from .reading import Analysed, Reading


STATUS_RANK = {Status.ANNOUNCED: 0, Status.PENDING: 1, Status.COMPLETED: 2, Status.TERMINATED: 3}


_ROUND_LABEL = re.compile(r"\bSeries\s+[A-Z]\d?\b|\bseed\b", re.I)


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
    pending: str = ""  # "former": the company a hired person leaves is still to be read (subject unknown)
    listed: bool = False  # one of several companies bought together: the amount told is the first's


_ID_RE = re.compile(r"(?:⟨E|⟦P)(\d+)[⟩⟧]")


def ids(text: str | None) -> list[int]:
    """Entity ids of the company and person placeholders in ``text``, in order."""
    return [int(x) for x in _ID_RE.findall(text or "")]


_CLAUSE_END = re.compile(r";|\. |\bbut\b|—")
_MONEY_ID = re.compile(r"⟪M(\d+)⟫")


def clause_end(text: str, pos: int) -> int:
    """Where the clause that runs through ``pos`` ends (semicolon, sentence end, "but", dash)."""
    m = _CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


def money_index(placeholder: str | None) -> int | None:
    """The ``n`` of the first ``⟪M<n>⟫`` placeholder in ``placeholder``, or None."""
    found = _MONEY_ID.search(placeholder or "")
    return int(found.group(1)) if found else None


def money_in(placeholder: str, an: Analysed) -> Money | None:
    """The money a ``⟪M<n>⟫`` placeholder stands for in sentence ``an``, or None."""
    n = money_index(placeholder)
    if n is None:
        return None
    return an.money[n][2] if n < len(an.money) else None


def _close(a: Money | None, b: Money | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.currency == b.currency and abs(a.amount - b.amount) <= Decimal("0.01") * max(a.amount, b.amount)


def _same_name(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return wa <= wb or wb <= wa


def _apart(a: Draft, b: Draft) -> bool:
    """Both drafts state their own dates (not carried over) and the two do not overlap."""
    if a.time is None or b.time is None or a.weak_time or b.weak_time:
        return False
    return a.time.end < b.time.start or b.time.end < a.time.start


def _same_event(a: Draft, b: Draft, names: list[str]) -> bool:
    if a.type is not b.type or not (a.subject == b.subject or _same_name(names[a.subject], names[b.subject])):
        return False
    ra = {i for i, r in a.roles if r not in (Role.EXCHANGE, Role.UNDERWRITER)}
    rb = {i for i, r in b.roles if r not in (Role.EXCHANGE, Role.UNDERWRITER)}
    parties = not ra or not rb or bool(ra & rb) or any(_same_name(names[x], names[y]) for x in ra for y in rb)
    if a.type is FactType.FUNDING_ROUND:
        return _close(a.amount, b.amount)
    if a.type is FactType.IPO:
        return True
    if a.type is FactType.TALENT_MOVE:
        # (a person named again by surname alone is the same person: "Dana Whitlock ... Whitlock left Y")
        people = not a.people or not b.people or bool(set(a.people) & set(b.people)) or bool(
            {names[p].split()[-1] for p in a.people} & {names[p].split()[-1] for p in b.people})
        ha = {i for i, r in a.roles if r is Role.HIRER}
        hb = {i for i, r in b.roles if r is Role.HIRER}
        return people and (not ha or not hb or bool(ha & hb)) and (bool(a.people) == bool(b.people) or parties)
    if a.type is FactType.COMMERCIAL_CONTRACT and (a.amount and b.amount and not _close(a.amount, b.amount)
                                                  or _apart(a, b)):
        return False  # another contract of the same two: "a lease signed in 2022 ... a second lease in 2024"
    if a.type is FactType.STRATEGIC_INVESTMENT and (a.amount and b.amount and not _close(a.amount, b.amount)
                                                    or _apart(a, b)):
        return False  # another tranche: "invests $2 billion ... had taken a stake last year"
    return parties and bool(ra or rb)


# Words too common in company names to tell two subjects apart.
_COMMON = frozenset("systems networks labs technologies technology capital partners ventures group holdings ai "
                    "cloud data computing inc corp the of and".split())


def merge(drafts: list[Draft], names: list[str]) -> list[Draft]:
    """One draft per real-world deal: repeated mentions folded into the first (see module docstring)."""
    merged: list[Draft] = []
    # Candidates share the type and a word of the subject's name (so the merge stays linear).
    buckets: dict[tuple, list[Draft]] = {}
    position: dict[int, int] = {}
    for d in drafts:
        words = names[d.subject].lower().split()
        keys = [(d.type, w) for w in words if w not in _COMMON] or [(d.type, w) for w in words]
        found = {id(m): m for k in keys for m in buckets.get(k, ())}
        candidates = sorted(found.values(), key=lambda m: position[id(m)])
        target = next((m for m in candidates if _same_event(m, d, names)), None)
        if target is None:
            position[id(d)] = len(merged)
            merged.append(d)
            for k in keys:
                buckets.setdefault(k, []).append(d)
            continue
        have = {i for i, _ in target.roles}
        for i, r in d.roles:
            if i not in have and not any(_same_name(names[i], names[j]) for j in have):
                target.roles.append((i, r))
                have.add(i)
        surnames = {names[p].split()[-1] for p in target.people}
        target.people += [p for p in d.people if p not in target.people and names[p].split()[-1] not in surnames]
        target.amount = target.amount or d.amount
        target.valuation = target.valuation or d.valuation
        if target.time is None or (target.weak_time and d.time is not None and not d.weak_time):
            target.time, target.weak_time = d.time, d.weak_time
        target.cited = target.cited or d.cited
        if d.status and (target.status is None or STATUS_RANK[d.status] > STATUS_RANK[target.status]):
            target.status = d.status
    return merged


#: A US-dollar equivalent right after an amount, in brackets or set off by "or": "3 billion yuan ($410
#: million)", "40 million euros, or about $43 million,".
_USD_AFTER = re.compile(r"(?:\s*\(|,?\s+or\s+)\s*(?:about|approximately|approx\.|around|roughly|some|nearly|~)?\s*(?:US)?\$[\d.,]+"
                        r"(?:\s*(?:thousand|million|billion|trillion|mn|bn|tn|[mbk]))?(?:\s*\)|(?=[\s,.;]))", re.I)


def usd_equivalent(amount: Money | None, an) -> Money | None:
    """The US-dollar figure the sentence gives in brackets after ``amount`` in another currency."""
    if amount is None or amount.currency == "USD":
        return None
    for a, b, money in an.money:
        if money is amount:
            m = _USD_AFTER.match(an.sentence.text, b)
            found = find_money(m.group(0)) if m else []
            return found[0][2] if found else None
    return None


def to_fact(d: Draft, reading: Reading, offset: int = 0) -> CandidateFact:
    """The draft as a :class:`CandidateFact`; the evidence is its sentence, spanned in the whole text."""
    names = reading.table.names
    s = d.sentence.sentence
    attributes: dict = {"frame": d.frame}
    # The figure may come from a later sentence ("The agreement is worth A$2 billion (US$1.3 billion)").
    home = d.sentence if d.amount is None or any(m is d.amount for _, _, m in d.sentence.money) else next(
        (an for an in reading.sentences if any(m is d.amount for _, _, m in an.money)), d.sentence)
    usd = usd_equivalent(d.amount, home)
    if usd is not None:
        attributes["amount_usd"] = str(usd.amount)
        attributes["amount_usd_qualifier"] = usd.qualifier.value
    if d.type is FactType.FUNDING_ROUND:
        label = _ROUND_LABEL.search(s.text)
        if label:
            attributes["round"] = label.group(0)
    return CandidateFact(
        type=d.type, subject=names[d.subject],
        counterparties=tuple(dict.fromkeys(Participant(names[i], r) for i, r in d.roles if names[i] != names[d.subject])),
        people=tuple(names[p] for p in d.people), amount=d.amount, valuation=d.valuation, time=d.time,
        status=d.status, cited_source=d.cited, evidence=s.text, span=(s.start + offset, s.end + offset),
        attributes=attributes,
    )
