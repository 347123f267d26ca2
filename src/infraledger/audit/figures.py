"""Money figures as prose states them, on top of the shared parser :func:`~infraledger.model.find_money`.

The shared parser reads "from $12 to $18" and "fell from $40 to $22" as two figures, a start and an
end; here "between $10 billion and $12 billion" becomes one range too, and qualifier phrases the
parser does not read ("or more", "just shy of", "no less than") are taken in. Offsets and texts always
refer to the text given.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Money, Qualifier, Range, find_money
from ..model.quantity import ABOUT_TOLERANCE

_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)


def _with_text(text: str, s: int, e: int, money: Money) -> Money:
    return Money(money.amount, money.currency, money.qualifier, money.high, text[s:e])


def _merge_between(text: str, found: list[tuple[int, int, Money]]) -> list[tuple[int, int, Money]]:
    """ "between $10 billion and $12 billion" as one range."""
    out: list[tuple[int, int, Money]] = []
    i = 0
    while i < len(found):
        s, e, money = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (nxt and money.qualifier is Qualifier.EXACT and nxt[2].qualifier is Qualifier.EXACT
                and nxt[2].currency == money.currency and nxt[2].amount > money.amount
                and text[e:nxt[0]].strip().lower() == "and" and (b := _BETWEEN.search(text[max(0, s - 10):s]))):
            start = max(0, s - 10) + b.start()
            rng = Money(money.amount, money.currency, Qualifier.BETWEEN, nxt[2].amount, text[start:nxt[1]])
            out.append((start, nxt[1], rng))
            i += 2
            continue
        out.append((s, e, money))
        i += 1
    return out


_JOIN_TO = re.compile(r"^\s*(?:to|-|–)\s*$", re.IGNORECASE)
_JOIN_FROM = re.compile(r"^[^.;$]{0,40}\bfrom\s*$", re.IGNORECASE)
_UP_FROM = re.compile(r"^\W{0,3}\s*(?:up|down|rising|falling|higher|lower|compared)\s+(?:with\s+|from\s+)", re.IGNORECASE)
_TO = re.compile(r"\bto\s*$", re.IGNORECASE)


def path_order(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Whether figures at spans ``a`` then ``b`` state a movement: 1 for "from A to B", -1 for "to A
    from B" or "A, up from B" (B is the start), 0 when they do not."""
    gap, lead = text[a[1]:b[0]], text[max(0, a[0] - 12):a[0]]
    if _JOIN_TO.match(gap) and _FROM.search(lead):
        return 1
    if _JOIN_FROM.match(gap) and (_TO.search(lead) or _UP_FROM.match(gap)):
        return -1
    return 0


#: Qualifiers the shared parser misses ("no more than" and "at most" it reads itself): "no higher
#: than", "just shy of", "or more", "or less". (pattern before the figure, pattern after it, qualifier)
_QUALIFIER_PHRASES: tuple[tuple[re.Pattern, re.Pattern, Qualifier], ...] = (
    (re.compile(r"\bno higher than\s*$", re.IGNORECASE),
     re.compile(r"\s*or (?:less|lower|below)\b", re.IGNORECASE), Qualifier.UP_TO),
    (re.compile(r"\b(?:no|not) less than\s*$|\b(?:no|not) fewer than\s*$", re.IGNORECASE),
     re.compile(r"\s*or (?:more|higher|above)\b", re.IGNORECASE), Qualifier.MORE_THAN),
    (re.compile(r"\b(?:just |slightly )?(?:shy|short) of\s*$", re.IGNORECASE), re.compile(r"(?!)"), Qualifier.LESS_THAN),
)


def requalify(text: str, s: int, e: int, qualifier: Qualifier) -> tuple[Qualifier, int, int]:
    """(qualifier, start, end) of the figure at ``s``..``e`` with the phrases around it the shared
    qualifier words miss or misread ("no more than", "or more", "just shy of") taken in."""
    bare = s
    while bare < e and not (text[bare].isdigit() or text[bare] in "$€£¥₹₩"):
        bare += 1  # past a qualifier already read ("more than" of "no more than")
    head = text[max(0, bare - 30):bare]
    for before, after, meant in _QUALIFIER_PHRASES:
        if (b := before.search(head)) is not None:
            return meant, max(0, bare - 30) + b.start(), e
        if (a := after.match(text, e)) is not None:
            return meant, s, a.end()
    return qualifier, s, e


def _requalified(text: str, s: int, e: int, money: Money) -> tuple[int, int, Money]:
    if money.qualifier is Qualifier.BETWEEN:
        return s, e, money
    qualifier, s2, e2 = requalify(text, s, e, money.qualifier)
    return s2, e2, Money(money.amount, money.currency, qualifier, None, text[s2:e2])


def find_amounts(text: str) -> list[tuple[int, int, Money]]:
    """Every money figure in ``text`` as ``(start, end, Money)``, pairs and ranges read as prose means them."""
    found = [_requalified(text, s, e, m) for s, e, m in find_money(text)]
    return _merge_between(text, found)


def rounded(money: Money, tolerance: Decimal = ABOUT_TOLERANCE) -> Range:
    """The values a figure allows when prose has rounded it: a plain figure stands for anything that
    rounds to its last stated digit ("$28 billion" is $27.5-28.5 billion), never more than
    ``tolerance`` either side; a qualified figure allows what its qualifier says."""
    if money.qualifier is not Qualifier.EXACT:
        return Range.of_money(money)
    exponent = money.amount.normalize().as_tuple().exponent
    half = min(Decimal(10) ** exponent / 2, money.amount * tolerance)
    return Range(money.amount - half, money.amount + half)
