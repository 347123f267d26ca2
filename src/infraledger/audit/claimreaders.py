"""Readers for each kind of figure in one sentence; each adds :class:`~.claims.Claim` objects.

Split from :mod:`.claims` so each reader stays short: money, percentages, counts, deal status,
talent moves and rankings.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..lexicon import status_pattern
from ..model import Money, Qualifier, Status
from ..model.money import (
    _qualifier_before,  # the same qualifier words money uses ("more than", "about")
)
from . import cues
from .claims import ClaimKind
from .figures import find_amounts, path_order, requalify

#: A percentage, or a range of them: "12%", "10-12%", "10% to 12%", "between 10% and 12%".
_PERCENT = re.compile(r"(?P<btw>\bbetween\s+)?(?P<n>\d+(?:\.\d+)?)(?:\s?%?\s?(?:-|–|to|(?(btw)and|(?!)))\s?"
                      r"(?P<high>\d+(?:\.\d+)?))?\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)


def read_money(f, bases: set[tuple[int, int]]) -> None:
    """Amounts, valuations and share prices."""
    figures = find_amounts(f.body)
    for s, e, money in figures:
        s, money = _verb_qualifier(f.body, s, e, money)
        start, end = f.sent.start + s, f.sent.start + e
        if (start, end) in bases or any(a <= start < b for a, b in f.used):
            continue
        before, after = _own_words(f.body, s, figures), f.body[e:e + 100]
        scaled = bool(re.search(r"(?:thousand|million|billion|trillion|bn|mn|[kmbt])\s*$", money.text, re.IGNORECASE))
        if not scaled and money.amount < 10000 and (cues.SHARE_PRICE.search(before[-60:])
                                                     or cues.SHARE_PRICE.search(after[:30])):
            subj, sid, _ = f.subject(start)
            f.add(span=(start, end), text=money.text, kind=ClaimKind.SHARE_PRICE, measure="share_price",
                  fact_types=cues.MEASURE_TYPES["share_price"], subject=subj, subject_id=sid, value=money,
                  time=f.time_for(start, end, period=True),
                  extra={"reference": ref} if (ref := cues.price_reference(before[-60:], after)) else {})
            continue
        start_of_path = _path_start(f, start, end)
        if start_of_path is not None:  # "valued ... from $5 billion to $12 billion": the same measure twice
            f.add(**{**start_of_path, "span": (start, end), "text": money.text, "value": money,
                     "time": f.time_for(start, end) or start_of_path["time"]})
            continue
        extra = cues.aggregation(before, after)
        measure = "average" if extra.get("average") else cues.measure_of(before, after)
        deal = _deal_paid(f, start, before) if measure == "amount" else None
        if deal is not None:
            measure = "acquisition"
        kw = {"span": (start, end), "text": money.text, "kind": ClaimKind.AMOUNT, "measure": measure,
              "fact_types": cues.MEASURE_TYPES[measure], "value": money, "extra": extra}
        period = measure in ("capex", "total_funding")
        if measure == "acquisition":
            target, acquirer = deal or acquisition_parties(f, start, end)
            f.ctx.last_deal[f.sent.paragraph] = (target, acquirer)
            kw.update(subject=target[0], subject_id=target[1], counterparty=acquirer[0], counterparty_id=acquirer[1])
        elif measure == "contract" and (m := _party_before(f, start, r"\bwith\s+$")):
            subj, sid, _ = f.subject(start, exclude={m.name})
            kw.update(subject=subj, subject_id=sid, counterparty=m.name, counterparty_id=m.entity_id)
        elif measure in ("strategic_investment", "contract", "funding_round") and (
                m := _party_after(f, end, r"^[^.;$]{0,40}?\b(?:from|to|by|with)\s+$")):
            subj, sid, _ = f.subject(start, nearest=True, exclude={m.name})
            kw.update(subject=subj, subject_id=sid, counterparty=m.name, counterparty_id=m.entity_id)
        elif measure == "strategic_investment" and (m := _party_after(f, end, r"^[^.;$]{0,40}?\bin\s+$")):
            investor, iid, _ = f.subject(start, nearest=True)
            kw.update(subject=m.name, subject_id=m.entity_id, counterparty=investor, counterparty_id=iid)
        elif measure == "total_funding":
            lst = _list_mention(f, start)
            subj, sid, members = (lst.name, lst.entity_id, ()) if lst else f.subject(start, group_first=True)
            kw.update(subject=subj, subject_id=sid, members=members)
        elif measure == "capex" and cues.AGGREGATE.search(before) and not any(g.end <= start for g in f.groups):
            # "the total annual outlay exceeds ..." - an aggregate over the names the sentence lists
            kw.update(subject="", subject_id=None, members=tuple(m.name for m in f.mentions),
                      extra={**extra, "aggregate": True})
        else:
            subj, sid, members = f.subject(start, group_first=measure in ("capex", "amount", "average") or bool(extra))
            if (measure == "amount" and not members and not extra and not any(g.end <= start for g in f.groups)
                    and not any(0 <= start - m.end <= 60 for m in f.mentions)):
                continue  # a figure named in passing ("how the $1 trillion cycle ..."), no party to check it against
            kw.update(subject=subj, subject_id=sid, members=members)
        kw["time"] = f.time_for(start, end, period=period)
        f.add(**kw)


def _deal_paid(f, start: int, before: str):
    """(target, acquirer) of the deal named earlier in the paragraph when the figure at ``start`` is what
    is paid for it ("Orla agreed to acquire Brennor. It will pay $2 billion"); None when no deal was
    named, nothing is paid, or another company pays ("Google is paying $2.4 billion")."""
    deal = f.ctx.last_deal.get(f.sent.paragraph)
    if deal is None or not cues.PAYS.search(before):
        return None
    parties = {deal[0][0], deal[1][0]}
    return None if any(m.end <= start and m.name not in parties for m in f.mentions) else deal


def _path_start(f, start: int, end: int) -> dict | None:
    """The fields of the claim read for the other end of a movement, when the figure at ``start``..``end``
    ends it ("from $5 billion to $12 billion") or is where it started ("at $4.2 billion, up from $1.5 billion")."""
    prev = f.ctx.out[-1] if f.ctx.out else None
    if prev is None or prev.kind is not ClaimKind.AMOUNT or prev.sentence_span != (f.sent.start, f.sent.end):
        return None
    if not path_order(f.ctx.text, prev.span, (start, end)):
        return None
    return {k: getattr(prev, k) for k in ("kind", "measure", "fact_types", "subject", "subject_id", "counterparty",
                                          "counterparty_id", "members", "time", "extra")}


#: The words that name what a figure is, right after it: "$2.4 billion of capital spending".
_OWN_NOUN = re.compile(r"\s*(?:of|in)\s+(?:[a-z-]+\s+){0,2}[a-z-]+", re.IGNORECASE)


def _own_words(body: str, s: int, figures: list) -> str:
    """The words before the figure at ``s`` that can say what it measures: up to 140 characters, less
    what names the figure before it ("$2.4 billion of capital spending, and roughly $6 billion of
    debt": "capital spending" is the first figure's)."""
    start = max(0, s - 140)
    for _s, pe, _m in figures:
        if start <= pe <= s and (own := _OWN_NOUN.match(body, pe)) and own.end() <= s:
            start = max(start, own.end())
    return body[start:s]


#: Verbs that state a lower bound ("the outlay exceeds $1 trillion"); the shared money parser reads
#: only the qualifier words that sit directly before a figure ("more than", "over").
_EXCEEDS = re.compile(r"\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped)?|crossed|tops)\s+(?:the\s+)?$",
                      re.IGNORECASE)


def _verb_qualifier(body: str, s: int, e: int, money: Money) -> tuple[int, Money]:
    """(start, money) with a lower bound stated by a verb taken in: "exceeds $33 billion"."""
    window = max(0, s - 40)
    m = _EXCEEDS.search(body[window:s])
    if money.qualifier is Qualifier.EXACT and m:
        start = window + m.start()
        return start, Money(money.amount, money.currency, Qualifier.MORE_THAN, None, body[start:e])
    return s, money


def _party_after(f, end: int, gap_pattern: str):
    for m in f.mentions:
        if m.start >= end and re.search(gap_pattern, f.ctx.text[end:m.start], re.IGNORECASE):
            return m
    return None


def _party_before(f, start: int, gap_pattern: str):
    for m in reversed(f.mentions):
        gap = f.ctx.text[max(f.sent.start, m.start - 20):m.start]
        if m.end <= start and re.search(gap_pattern, gap, re.IGNORECASE):
            return m
    return None


def _list_mention(f, pos: int):
    near = [m for m in f.mentions
            if re.match(r"\s*(?:list|ranking|index|report)\b", f.ctx.text[m.end:m.end + 12], re.IGNORECASE)]
    return min(near, key=lambda m: abs(m.start - pos)) if near else None


def acquisition_parties(f, start: int, end: int) -> tuple[tuple[str, str | None], tuple[str, str | None]]:
    """(target, acquirer) around an acquisition cue near ``start``..``end``."""
    target = acquirer = None
    for m in f.mentions:
        lead = f.ctx.text[max(f.sent.start, m.start - 40):m.start]
        if target is None and cues.TARGET_CUE.search(lead):
            target = m
    for m in f.mentions:
        lead = f.ctx.text[max(f.sent.start, m.start - 40):m.start]
        if cues.ACQUIRED_BY.search(lead):
            acquirer = m
            before = [x for x in f.mentions if x.end <= m.start]
            target = target or (before[0] if before else None)
    if acquirer is None:
        pos = target.start if target else start
        before = [m for m in f.mentions if m.end <= pos and m is not target]
        acquirer = before[0] if before else None
    if target is None:
        after = [m for m in f.mentions if m.start >= end and m is not acquirer]
        target = after[0] if after else None
    carried = f.ctx.carry.get(f.sent.paragraph, ("", None))
    t = (target.name, target.entity_id) if target else ("", None)
    a = (acquirer.name, acquirer.entity_id) if acquirer else (carried if f.pronoun else ("", None))
    return t, a


def _qualified_start(body: str, s0: int) -> tuple[Qualifier, int]:
    """The qualifier stated just before a figure at ``s0`` ("more than", "roughly", "no more than") and
    where the qualified figure starts."""
    qualifier, qpos = _qualifier_before(body[max(0, s0 - 30):s0])
    start = max(0, s0 - 30) + qpos if qualifier is not Qualifier.EXACT else s0
    qualifier, start, _ = requalify(body, start, s0, qualifier)
    return qualifier, start


def read_percents(f) -> set[tuple[int, int]]:
    """Percent changes and shares of a whole; returns the spans of money figures used as a share's base."""
    bases: set[tuple[int, int]] = set()
    money = [(f.sent.start + s, f.sent.start + e, m) for s, e, m in find_amounts(f.body)]
    for m in _PERCENT.finditer(f.body):
        s0 = m.start()
        qualifier, s = _qualified_start(f.body, s0)
        start, end = f.sent.start + s, f.sent.start + m.end()
        try:
            value = Decimal(m.group("n"))
            high = Decimal(m.group("high")) if m.group("high") else None
        except InvalidOperation:
            continue
        if high is not None and high > value:  # "10-12%", "10% to 12%": a range
            qualifier = Qualifier.BETWEEN
        elif high is not None:  # "from 40 to 30%": the sign belongs to the last figure
            value, high = high, None
        before, after = f.body[max(0, s - 60):s], f.body[m.end():m.end() + 80]
        around = after[:60] + " " + before[-40:]
        reference = next((name for name, pat in cues.REFERENCES if re.search(pat, around, re.IGNORECASE)), "")
        direction = cues.direction(before, after)
        text = f.ctx.text[start:end]
        if direction:
            subj, sid, _ = f.subject(start)
            f.add(span=(start, end), text=text, kind=ClaimKind.CHANGE, measure="change",
                  fact_types=cues.MEASURE_TYPES["change"], subject=subj, subject_id=sid, quantity=value, high=high,
                  qualifier=qualifier, direction=direction, reference=reference,
                  time=f.time_for(start, end, prefer_as_of=True) or f.time_for(start, end, period=True))
            continue
        base = next(((a, b, mo) for a, b, mo in money if 0 <= a - end <= 12 and re.match(r"\s+of\s+(?:the\s+)?$",
                     f.ctx.text[end:a], re.IGNORECASE)), None)
        if base:
            bases.add((base[0], base[1]))
        subj, sid, members = f.subject(start, group_first=True)
        f.add(span=(start, end), text=text, kind=ClaimKind.PERCENTAGE, measure="share_of" if base else "percent",
              fact_types=cues.MEASURE_TYPES["capex"] if base else (), subject=subj, subject_id=sid, members=members,
              quantity=value, high=high, qualifier=qualifier, base=base[2] if base else None,
              time=f.time_for(start, end, period=True))
    _read_word_changes(f)
    _read_multiples(f)
    return bases


def _read_multiples(f) -> None:
    """A price stated as a multiple of its offer price or first-day close ("trades at nearly 3x its IPO
    price", "half its $18 offer price"): a change of (n - 1) × 100% from that reference."""
    for m in cues.MULTIPLE.finditer(f.body):
        s0 = m.start()
        qualifier, s = _qualified_start(f.body, s0)
        start, end = f.sent.start + s, f.sent.start + m.end()
        if any(a <= start < b for a, b in f.used):
            continue
        n = Decimal(m.group("n") or cues.MULTIPLE_WORDS[" ".join(m.group("word").lower().split())])
        reference = next((name for name, pat in cues.REFERENCES if re.search(pat, m.group("ref"), re.IGNORECASE)), "")
        subj, sid, _ = f.subject(start, nearest=True)
        f.add(span=(start, end), text=f.ctx.text[start:end], kind=ClaimKind.CHANGE, measure="change",
              fact_types=cues.MEASURE_TYPES["change"], subject=subj, subject_id=sid, quantity=abs(n - 1) * 100,
              qualifier=qualifier, direction="up" if n >= 1 else "down", reference=reference,
              time=f.time_for(start, end, prefer_as_of=True) or f.time_for(start, end, period=True),
              extra={"multiple": n})
        if m.group("price"):  # "half its $18 offer price": the price inside is a claim of its own
            f.used[-1] = (start, f.sent.start + m.start("price"))


_AFTER_PRICE = re.compile(r"[$€£]\s?\d[\d.,]*\s*,\s*$")


def _read_word_changes(f) -> None:
    """Changes stated in words ("more than doubled since its IPO", "lost roughly half its value")."""
    for m in cues.WORD_CHANGE.finditer(f.body):
        if m.group("verb"):
            word, s0 = m.group("verb").lower(), m.start()
            qualifier, s = _qualified_start(f.body, s0)
        else:
            word, s = " ".join(m.group("frac").lower().split()), m.start()
            qualifier = _qualifier_before(m.group("q"))[0] if m.group("q") else Qualifier.EXACT
        direction, percent = cues.WORD_CHANGE_PERCENT[word]
        start, end = f.sent.start + s, f.sent.start + m.end()
        if any(a <= start < b for a, b in f.used):
            continue
        after, before = f.body[m.end():m.end() + 80], f.body[max(0, s - 40):s]
        clause = re.split(r"[,;.]|\band\b", before)[-1] + " " + re.split(r"[,;.]|\band\b", after)[0][:40]
        if not (cues.PRICE_CONTEXT.search(clause) or _AFTER_PRICE.search(before)):
            continue  # "its revenue tripled": not a price; "trades at $12, down a third": a price
        reference = next((name for name, pat in cues.REFERENCES
                          if re.search(pat, after[:60] + " " + before, re.IGNORECASE)), "")
        subj, sid, _ = f.subject(start, nearest=True)
        f.add(span=(start, end), text=f.ctx.text[start:end], kind=ClaimKind.CHANGE, measure="change",
              fact_types=cues.MEASURE_TYPES["change"], subject=subj, subject_id=sid, quantity=Decimal(percent),
              qualifier=qualifier, direction=direction, reference=reference,
              time=f.time_for(start, end, prefer_as_of=True) or f.time_for(start, end, period=True))


def read_counts(f) -> None:
    """Counts of companies, deals, employees ..., with their qualifier ("more than 400 engineers")."""
    for m in cues.COUNT.finditer(f.body):
        n = int(m.group("n").replace(",", ""))
        if 1900 <= n <= 2100 and "," not in m.group("n"):
            continue  # a year, not a count
        qualifier, s = _qualified_start(f.body, m.start())
        start, end = f.sent.start + s, f.sent.start + m.end()
        if any(a <= start < b for a, b in f.used):
            continue
        lst = _list_mention(f, start)
        subj, sid = (lst.name, lst.entity_id) if lst else f.subject(start, group_first=True)[:2]
        f.add(span=(start, end), text=f.ctx.text[start:end], kind=ClaimKind.COUNT,
              measure="member_count" if lst else "count", fact_types=cues.MEASURE_TYPES["member_count"] if lst else (),
              subject=subj, subject_id=sid, quantity=Decimal(n), qualifier=qualifier,
              time=f.time_for(start, end, period=True))


def read_status(f) -> None:
    """Deal status: pending, completed, terminated, announced — for acquisitions named in the sentence, or
    for the deal named before when the sentence opens with "The transaction ..."."""
    follow_up = bool(cues.THE_DEAL.match(f.body) or cues.NAMES_DEAL.search(f.body)) \
        and f.sent.paragraph in f.ctx.last_deal
    if not (cues.DEAL.search(f.body) or follow_up):
        return
    found = None
    for status in (Status.TERMINATED, Status.PENDING, Status.COMPLETED, Status.ANNOUNCED):
        m = status_pattern(status.value).search(f.body)
        if m and not (status is Status.COMPLETED and re.search(r"\bnot yet\s*$", f.body[:m.start()], re.IGNORECASE)):
            found = (status, m)
            break
    if found is None or found[0] is Status.COMPLETED \
            and re.search(r"\bif (?:approved|completed|it closes)\b", f.body[:found[1].start()], re.IGNORECASE):
        return
    status, m = found
    start, end = f.sent.start + m.start(), f.sent.start + m.end()
    extend = re.match(r"(?:\s+(?:regulatory\s+)?(?:approval|review|clearance))?"
                      r"(?:\s+as of\s+(?:[A-Z][a-z]+\.?\s+)?\d{4})?",
                      f.body[m.end():])
    phrase_end = end + len(extend.group(0))
    target, acquirer = acquisition_parties(f, start, end)
    if follow_up and not target[0]:
        target, acquirer = f.ctx.last_deal[f.sent.paragraph]
    f.ctx.last_deal[f.sent.paragraph] = (target, acquirer)
    f.add(span=(start, phrase_end), text=f.ctx.text[start:phrase_end], kind=ClaimKind.STATUS, measure="status",
          fact_types=cues.MEASURE_TYPES["status"], subject=target[0], subject_id=target[1],
          counterparty=acquirer[0], counterparty_id=acquirer[1], status=status,
          time=f.time_for(start, phrase_end, prefer_as_of=True))


def read_talent(f) -> None:
    m = cues.TALENT.search(f.body)
    if not m:
        return
    start, end = f.sent.start + m.start(), f.sent.start + m.end()
    subj, sid, _ = f.subject(start)
    hirer = _party_after(f, end, r"^[^.;]{0,80}?\b(?:to|by|at|joined)\s+$")
    f.add(span=(start, end), text=m.group(0), kind=ClaimKind.DATE, measure="talent",
          fact_types=cues.MEASURE_TYPES["talent"], subject=subj, subject_id=sid,
          counterparty=hirer.name if hirer else "", counterparty_id=hirer.entity_id if hirer else None,
          status=Status.COMPLETED, time=f.time_for(start, end) or f.time_for(start, end + 80))


def read_rankings(f) -> None:
    """A company's rank ("the No. 2 vendor", "one of the three most valuable GPU clouds"); "the largest
    share" alone ranks a part of a whole, not a company."""
    for m in cues.RANKING.finditer(f.body):
        if m.group("noun").lower() in ("share", "shares"):
            continue
        start, end = f.sent.start + m.start(), f.sent.start + m.end()
        subj, sid, _ = f.subject(start, nearest=True)
        if not subj:
            subj = " ".join(f.body.split()[:2]).strip(",:")
        f.add(span=(start, end), text=m.group(0), kind=ClaimKind.RANKING, measure="ranking", subject=subj,
              subject_id=sid, extra={"rank": m.group("rank"), "category": m.group("noun")},
              time=f.time_for(start, end))
