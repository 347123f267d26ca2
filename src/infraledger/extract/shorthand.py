"""Deals stated without a verb: list items, shorthand and brackets.

Roundups write deals as notes: "Acme Robotics ($40M, Series A, led by Foo Ventures)", "Bar —
$12M (seed)", "notable raises included Bar (USD 12 million) and Baz (USD 8 million)". A company
followed by a bracket or a dash that holds an amount states a funding round when the note names
a round ("Series A", "seed") or the note stands under a heading or in a sentence about rounds
("PRIVATE ROUNDS", "raises included"). Who led it is read from "led by" inside the note.
"""

from __future__ import annotations

import re

from ..model.events import FactType, Role, Status
from .drafts import Draft, ids, money_in
from .frames import DEBT_WORDS, E, M, ROUND_WORDS, cumulative
from .reading import Analysed

# (a round's name may come first in the bracket: "Orla ($40M, Series A)", "Orla (seed, $8 million)")
_NOTE = re.compile(rf"(?P<t>{E})\s*(?:\(\s*(?P<pre>(?i:pre-seed|seed|angel|series [a-z]\d?(?: extension)?)\s*,\s*)?"
                   rf"(?:about |~|approx\. |up to )?(?P<m>{M})(?P<rest>[^()]{{0,120}})\)"
                   rf"|(?:\s(?:--|—|–)|\s?:)\s*(?:about |~|up to )?(?P<m2>{M})(?:\s*\((?P<rest2>[^()]{{0,120}})\))?)")
_LED_BY = re.compile(rf"\b(?:led|co-led) by (?P<l>{E}(?:(?:,\s*|\s+and\s+){E})*)", re.I)
_ITEM_START = re.compile(r"\s*(?:[*•·▪‣-]|\d{1,2}[.)])\s")
_NOTE_HEADINGS = re.compile(r"\b(?:rounds?|raises?|funding|financings?|fundraising|venture|private (?:markets|capital)|"
                            r"seed|series|money)\b", re.I)
_RESULTS_AFTER = re.compile(r"\s*(?:in\s+|of\s+)?(?:annual\s+|quarterly\s+|net\s+)?(?:revenue|sales|profits?|income|"
                            r"losses|loss|earnings|arr|bookings|ebitda)\b", re.I)
# After a note's amount: who gave it ("from X and Y"), and words that call it a raise ("its third raise")
_FROM_BACKERS = re.compile(rf"\s*(?:from|[:;,]?\s*(?:investors|backers) (?:include|included|including)) "
                           rf"(?P<l>{E}(?:(?:,\s*|\s+and\s+){E})*)", re.I)
_RAISE_AFTER = re.compile(rf"(?:\s*from {E}(?:(?:,\s*|\s+and\s+){E})*)?,?\s+(?:(?:its|their|the|a|an)\s+)?"
                          rf"(?:[\w-]+\s+){{0,3}}?(?:raise|round|funding|financing)\b", re.I)
_NOT_ROUNDS = re.compile(r"\b(?:funds?|not company rounds|m&a|acquisitions?|ipos?|public markets|people)\b", re.I)


def read_notes(an: Analysed, section: str) -> list[Draft]:
    """Funding rounds stated as notes in sentence ``an``; ``section`` is the heading it stands under."""
    text = an.abstract
    if "⟪M" not in text or "⟨E" not in text:
        return []
    item = _ITEM_START.match(an.sentence.text) is not None
    out: list[Draft] = []
    for m in _NOTE.finditer(text):
        rest = (m.group("pre") or "") + (m.group("rest") or m.group("rest2") or "")
        placeholder = m.group("m") or m.group("m2")
        before = text[:m.start()]
        after = text[m.end():]
        named_round = ROUND_WORDS.search(rest) is not None or _RAISE_AFTER.match(after) is not None
        about_rounds = (item and _NOTE_HEADINGS.search(section) is not None and not _NOT_ROUNDS.search(section)) \
            or re.search(r"\b(?:raises|rounds|fundings|financings)\b", before, re.I) is not None
        if not (named_round or about_rounds):
            continue
        if DEBT_WORDS.search(rest) or cumulative(rest) or _RESULTS_AFTER.match(after):
            continue  # a loan, a total to date, or a company's results ("$50M revenue last quarter")
        if not item and not about_rounds and m.start() > 0 and not before.rstrip().endswith((",", ":", "and")):
            continue  # "Acme ($40M, Series A)" is a note at the head of an item or in a list of raises
        subject = ids(m.group("t"))[0]
        d = Draft(type=FactType.FUNDING_ROUND, subject=subject, roles=[], people=[], sentence=an,
                  trigger=(m.start(), m.end()), frame="note", status=Status.COMPLETED)
        d.amount = money_in(placeholder, an)
        led = _LED_BY.search(rest)
        if led:
            d.roles = [(i, Role.LEAD_INVESTOR) for i in ids(led.group("l")) if i != subject]
        backers = _FROM_BACKERS.match(after) if not m.group("rest") else None
        if backers:  # "Kestrel: $50M from Brennan Ventures"
            d.roles += [(i, Role.INVESTOR) for i in ids(backers.group("l")) if i != subject]
        out.append(d)
    return out
