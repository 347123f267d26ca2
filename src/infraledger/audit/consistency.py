"""Internal consistency: whether the text's own figures hold together.

Arithmetic is done on ranges (:class:`~infraledger.model.Range`), honest about qualifiers: "more
than $600B" out of "more than $1T" allows any share from 0% upwards, so it does not establish "more
than 60%". Checks: a share stated against parts and wholes the text gives elsewhere; one figure
stated twice with values that cannot both hold; a deal called pending in one place and completed
in another; offering proceeds against shares × price; a change against the start and end figures
the text gives (a path "from $40 to $22", or the offer price or first-day close and a later price);
an average against its total and count; a total against its parts (in its sentence, or the list or
table it closes or introduces); a share against its part and a whole stated with it or before, or a
count of a counted whole. Plain figures are read as rounded (:func:`.figures.rounded`); a figure
the computed values can take is consistent unless it states a bound ("more than 60%") they do not
establish. Implied values (a fall of 50% to $11 implies a start near $22) are offered by
:func:`implied_start` for explanations.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from itertools import pairwise

from ..model import Money, Qualifier, Range, Status, format_money
from .claims import Claim, ClaimKind
from .cues import PART_OF_COUNT, group_size, group_words, measure_of, number
from .figures import path_order, rounded
from .pricecheck import change_between, stated_percent
from .sentences import list_items_after, list_items_before
from .verdicts import Finding, Verdict

_SHARES = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<scale>million|billion|m|bn)?\s+(?:class [a-z] )?shares\b",
                     re.IGNORECASE)
_SCALE = {"million": Decimal(10) ** 6, "m": Decimal(10) ** 6, "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9}


def _same_subject(a: Claim, b: Claim) -> bool:
    if a.subject_id and b.subject_id:
        return a.subject_id == b.subject_id
    if a.members and b.members:
        return set(a.members) == set(b.members)
    wa, wb = group_words(a.subject), group_words(b.subject)
    if not (wa and wb):
        return False
    if a.subject_id or b.subject_id:
        return wa == wb
    return wa <= wb or wb <= wa  # unknown names: "Kestrel" is "Kestrel Compute" written short


def share_of(claim: Claim, claims: list[Claim]) -> Finding | None:
    """A "more than 60% of the $1 trillion" claim against the part and the whole the text states."""
    if claim.kind is not ClaimKind.PERCENTAGE or claim.base is None or claim.quantity is None:
        return None
    parts = [c for c in claims if c is not claim and c.kind is ClaimKind.AMOUNT and c.value is not None
             and c.measure == "capex" and _same_subject(c, claim) and c.value.currency == claim.base.currency]
    if not parts:
        return None
    part = parts[0]
    # The whole as the text states it: the loosest wording of the same amount anywhere in the text.
    wholes = [c.value for c in claims if c.value is not None and c.value.amount == claim.base.amount
              and c.value.currency == claim.base.currency and c.measure == part.measure]
    whole = next((m for m in wholes if m.qualifier is not Qualifier.EXACT), claim.base)
    ratio = (Range.of_money(part.value) / Range.of_money(whole)).scale(100)
    stated = claim.range()
    if ratio.within(stated):
        return None
    how = "contradict" if not ratio.overlaps(stated) else "do not establish"
    return Finding(Verdict.INCONSISTENT,
                   f"The text's own figures - {format_money(part.value)} ({part.id}) out of {format_money(whole)} - "
                   f"put the share at {describe_percent(ratio)}, so they {how} “{claim.text}”.")


#: What joins a part to its share: "$200 billion, or 45% of the total", "$200 billion (45% of ...)".
_JOIN_SHARE = r"\s*(?:,?\s*(?:or|representing|equal to|equivalent to|accounting for|making up|about)|\(|—|–|,)\s*$"
_PART_TO_SHARE = re.compile("^" + _JOIN_SHARE, re.IGNORECASE)
#: The same after a count and the noun it counts: "12 of the 50 companies, or 24%".
_COUNT_TO_SHARE = re.compile(r"^(?:\s+[a-z][\w-]*){0,3}" + _JOIN_SHARE, re.IGNORECASE)
#: A share of a whole the text stated before: "of the total", "of that", "of hyperscaler spending".
_OF_STATED_WHOLE = re.compile(r"^\s*of\s+(?:(?:the|that|this|all(?: the)?|their|its)\s+)?(?:[a-z-]+\s+){0,2}?"
                              r"(?:total|sum|combined|aggregate|overall|amount|whole|pool|tally|spending|capex|outlay|"
                              r"budgets?|funding|investment|proceeds)\b|^\s*of\s+(?:that|it)\b", re.IGNORECASE)


def _part_before(claim: Claim, claims: list[Claim], text: str) -> Claim | None:
    """The amount a share is stated for: right before it in the same sentence ("$200 billion, or 45%"),
    or, when the share names its whole ("32% of the $28 billion"), the one amount the sentence states
    before it."""
    before = [c for c in claims if c.kind is ClaimKind.AMOUNT and c.value is not None and c.sentence_span ==
              claim.sentence_span and c.span[1] <= claim.span[0]]
    if before and _PART_TO_SHARE.match(text[before[-1].span[1]:claim.span[0]]):
        return before[-1]
    return before[0] if claim.base is not None and len(before) == 1 else None


def _whole_before(claim: Claim, part: Claim, claims: list[Claim], text: str) -> Claim | None:
    """The whole a share "of the total" refers to: the latest larger amount stated earlier in the
    same paragraph, a total if there is one; else the latest larger amount stated earlier of the
    measure the words after the share name ("of hyperscaler spending": capex)."""
    earlier = [c for c in claims if c.kind is ClaimKind.AMOUNT and c.value is not None and c is not part
               and c.span[1] <= part.span[0] and c.value.currency == part.value.currency
               and c.value.amount > part.value.amount]
    here = [c for c in earlier if "\n\n" not in text[c.span[1]:claim.span[0]]]
    totals = [c for c in here if c.extra.get("total") or c.extra.get("aggregate") or not c.subject_id]
    if totals or here:
        return (totals or here)[-1]
    measure = measure_of("", text[claim.span[1]:claim.sentence_span[1]])
    named = [c for c in earlier if measure != "amount" and c.measure == measure]
    return named[-1] if named else None


def share_of_stated(claim: Claim, claims: list[Claim], text: str) -> Finding | None:
    """A share stated beside its part, of a whole it names ("$9 billion, 45% of the $28 billion") or that
    was stated earlier ("hyperscalers will spend $600-650 billion ... Northpeak accounts for $200
    billion, or about 45% of the total": 31-33%)."""
    if claim.kind is not ClaimKind.PERCENTAGE or claim.quantity is None:
        return None
    part = _part_before(claim, claims, text)
    if part is None or part.value.currency != (claim.base or part.value).currency:
        return None
    if claim.base is not None:
        whole, label = claim.base, claim.base.text or format_money(claim.base)
    elif _OF_STATED_WHOLE.match(text[claim.span[1]:claim.span[1] + 60]):
        stated = _whole_before(claim, part, claims, text)
        if stated is None:
            return None
        whole, label = stated.value, f"{stated.text} ({stated.id})"
    else:
        return None
    ratio = (Range.of_money(part.value) / Range.of_money(whole)).scale(100)
    how = disagreement(ratio, stated_percent(claim), claim.qualifier)
    if how is None:
        return None
    return Finding(Verdict.INCONSISTENT, f"The text's own figures - {part.text} ({part.id}) out of {label} "
                   f"- put the share at {describe_percent(ratio)}, so they {how} “{claim.text}”.")


def share_of_count(claim: Claim, text: str) -> Finding | None:
    """A share stated beside a count of a counted whole: "12 of the 50 companies, or 30%" (24%), "30%
    (12 of 50)"."""
    if claim.kind is not ClaimKind.PERCENTAGE or claim.quantity is None:
        return None
    s, e = claim.sentence_span
    before, after = text[s:claim.span[0]], text[claim.span[1]:e]
    m = next((x for x in PART_OF_COUNT.finditer(before) if _COUNT_TO_SHARE.match(before[x.end():])), None)
    if m is None:
        m = PART_OF_COUNT.match(after, re.match(r"\s*\(\s*", after).end()) if after.lstrip().startswith("(") else None
    part, whole = (number(m.group("a")), number(m.group("b"))) if m else (None, None)
    if not part or not whole or part > whole:
        return None
    ratio = Range.exact(Decimal(part) / whole * 100)
    how = disagreement(ratio, stated_percent(claim), claim.qualifier)
    if how is None:
        return None
    return Finding(Verdict.INCONSISTENT, f"The text's own count - {m.group(0)} - is {describe_percent(ratio)}, so it "
                   f"{how.replace('contradict', 'contradicts').replace('do not', 'does not')} “{claim.text}”.")


def describe_percent(r: Range) -> str:
    """ "any share from 0% upwards", "more than 50%", "between 40% and 60%" for a range of percentages."""
    if r.hi is None and (r.lo is None or r.lo == 0):
        return "anything from 0% upwards"
    tenth = Decimal("0.1")
    shown = Range(None if r.lo is None else r.lo.quantize(tenth), None if r.hi is None else r.hi.quantize(tenth),
                  r.lo_open, r.hi_open)
    return " ".join(w + "%" if w[0].isdigit() else w for w in shown.describe().split())


#: Figures a deal has once (its price, its IPO proceeds); other figures (valuations, rounds,
#: budgets) change over time, so two of them disagree only when stated for the same time.
_ONCE = {"acquisition", "ipo_proceeds"}


def _same_moment(a: Claim, b: Claim) -> bool:
    lo, hi = sorted((a.value.amount, b.value.amount))
    if lo == 0 or hi / lo >= 1000:
        return False  # a per-share price and a total read under one cue are different measures, not a clash
    if a.time is not None and b.time is not None:
        return a.time.overlaps(b.time)
    return a.measure in _ONCE


def repeated(claims: list[Claim], text: str = "") -> dict[str, list[Finding]]:
    """One figure (same measure, subject and party) stated twice with values that cannot both hold, even
    read as rounded ("$1.2 billion" and "$1.23 billion" can); the two ends of a movement ("from $5
    billion to $12 billion") are two moments, not one figure twice. A figure stated three ways gets
    one finding for each other statement it clashes with."""
    out: dict[str, list[Finding]] = defaultdict(list)
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind is ClaimKind.AMOUNT and c.value is not None and (c.subject_id or c.subject) and c.measure != "amount":
            groups[(c.measure, c.subject_id or c.subject, c.counterparty_id or c.counterparty)].append(c)
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if not _same_moment(a, b) or a.sentence_span == b.sentence_span and path_order(text, a.span, b.span):
                    continue
                if a.value.currency == b.value.currency and not rounded(a.value).overlaps(rounded(b.value)):
                    for x, y in ((a, b), (b, a)):
                        out[x.id].append(Finding(
                            Verdict.INCONSISTENT, f"The text states this {x.measure.replace('_', ' ')} of {x.subject} "
                            f"as “{x.text}” here and “{y.text}” at {y.id}; both cannot hold."))
    statuses: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind is ClaimKind.STATUS and c.status and c.subject_id:
            statuses[c.subject_id].append(c)
    final = {Status.COMPLETED, Status.TERMINATED}
    for group in statuses.values():
        for a in group:
            clash = next((b for b in group if (a.status in final) != (b.status in final)
                          and (a.status in final or b.status in final)
                          and (a.time is None or b.time is None or a.time.overlaps(b.time))), None)
            if clash:
                out[a.id].append(Finding(Verdict.INCONSISTENT, f"The text calls the deal {a.status.value} here and "
                                         f"{clash.status.value} at {clash.id}."))
    return out


#: Measures a "raising $X" figure gets read under: an IPO's, or a raise the sentence does not name.
_PROCEEDS_MEASURES = frozenset({"ipo_proceeds", "funding_round", "amount"})


def proceeds(claim: Claim, claims: list[Claim], text: str) -> Finding | None:
    """Offering proceeds against shares × price when the sentence states the shares sold and the price
    ("sold 25 million shares at $40 each, raising $1.2 billion"), whether or not it calls it an IPO; the
    price may be the offer price stated before for the same company ("Priced at $24 ... raised $1.2
    billion by selling 50 million shares"). Proceeds are read as rounded."""
    if claim.measure not in _PROCEEDS_MEASURES or claim.value is None:
        return None
    s, e = claim.sentence_span
    sentence = text[s:e]
    m = _SHARES.search(sentence)
    price = next((c for c in claims if c.kind is ClaimKind.SHARE_PRICE and c.sentence_span == claim.sentence_span
                  and c.value is not None), None) or _offer_price_before(claim, claims)
    if not m or price is None:
        return None
    n = Decimal(m.group("n").replace(",", "")) * _SCALE.get((m.group("scale") or "").lower(), Decimal(1))
    product = Range.exact(n) * Range.of_money(price.value)
    if product.overlaps(rounded(claim.value)):
        return None
    total = format_money(Money(product.lo, price.value.currency)) if product.is_point else f"${product.describe()}"
    return Finding(Verdict.INCONSISTENT, f"The text's own {m.group(0)} at {format_money(price.value)} come to "
                   f"{total}, not “{claim.text}”.")


def _offer_price_before(claim: Claim, claims: list[Claim]) -> Claim | None:
    """The latest offer price stated before ``claim`` for the same company."""
    offers = [c for c in claims if c.kind is ClaimKind.SHARE_PRICE and c.value is not None and c.span < claim.span
              and c.extra.get("reference") == "offer_price" and _same_subject(c, claim)]
    return offers[-1] if offers else None


_CLAUSE_BREAK = re.compile(r";|\b(?:while|whereas|but|although|though|meanwhile)\b", re.IGNORECASE)


def _same_clause(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when nothing between spans ``a`` and ``b`` opens another clause (a semicolon, "while", "but")."""
    lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
    return not _CLAUSE_BREAK.search(text[lo:hi])


def _sentence_figures(claim: Claim, claims: list[Claim]) -> list[Claim]:
    return sorted((c for c in claims if c.sentence_span == claim.sentence_span and c.value is not None
                   and c.kind in (ClaimKind.SHARE_PRICE, ClaimKind.AMOUNT)), key=lambda c: c.span)


#: A change stated as a premium or discount to a reference figure named right after it.
_PREMIUM_TO = re.compile(r"\s*(?:premium|discount|mark-?up)\s+(?:to|over|on)\b", re.IGNORECASE)


def _premium_path(change: Claim, figures: list[Claim], text: str) -> tuple[Claim, Claim] | None:
    """(reference, price) for "$2 billion, a 40% premium to its last valuation of $1.6 billion"."""
    if not _PREMIUM_TO.match(text, change.span[1]):
        return None
    before = [c for c in figures if c.span[1] <= change.span[0] and _same_clause(text, c.span, change.span)]
    after = [c for c in figures if c.span[0] >= change.span[1] and _same_clause(text, c.span, change.span)]
    return (after[0], before[-1]) if before and after else None


def stated_path(change: Claim, claims: list[Claim], text: str) -> tuple[Claim, Claim] | None:
    """(start, end) figures the sentence of a stated change gives: "fell from $40 to $22", "rose to
    $18 from $12", or "$2 billion, a 40% premium to ... $1.6 billion". The pair nearest the change is
    taken."""
    figures = _sentence_figures(change, claims)
    premium = _premium_path(change, figures, text)
    if premium:
        return premium
    pairs = []
    for a, b in pairwise(figures):
        order = path_order(text, a.span, b.span)
        if order:
            pairs.append((a, b) if order > 0 else (b, a))
    pairs = [p for p in pairs if _same_clause(text, change.span, p[0].span) and _same_clause(text, change.span, p[1].span)]
    return min(pairs, key=lambda p: abs(p[1].span[0] - change.span[0]), default=None)


def stated_end(change: Claim, claims: list[Claim], text: str) -> Claim | None:
    """The figure a stated change ends at: the end of a stated path, else the first share price of the
    sentence about the same company that is not the offer price ("fallen 50% to $11")."""
    path = stated_path(change, claims, text)
    if path:
        return path[1]
    return next((p for p in claims if p.kind is ClaimKind.SHARE_PRICE and p.sentence_span == change.sentence_span
                 and p.subject_id == change.subject_id and not p.extra.get("reference")), None)


#: The stated reference price a change's reference point is read from.
_REFERENCE_PRICE = {"offer_price": "offer_price", "since_ipo": "offer_price", "first_day_close": "first_day_close"}


def _same_paragraph(a: Claim, b: Claim, text: str) -> bool:
    lo, hi = sorted((a.span[0], b.span[0]))
    return "\n\n" not in text[lo:hi]


def reference_path(change: Claim, claims: list[Claim], text: str) -> tuple[Claim, Claim] | None:
    """(reference price, current price) the paragraph states for a change measured from the offer price
    or the first-day close ("listed at $18 a share; its stock now trades at nearly 3x its IPO price"
    after "fell ... to $22"; "closed its first day at $36. It now trades around $27, 25% below")."""
    wanted = _REFERENCE_PRICE.get(change.reference)
    if wanted is None:
        return None
    prices = [c for c in claims if c.kind is ClaimKind.SHARE_PRICE and c.value is not None and _same_subject(c, change)
              and _same_paragraph(c, change, text)]
    offer = [c for c in prices if c.extra.get("reference") == wanted
             and (c.span[0] < change.span[0] or c.sentence_span == change.sentence_span)]
    current = [c for c in prices if not c.extra.get("reference")]
    here = [c for c in current if c.sentence_span == change.sentence_span]
    end = here[0] if here else next((c for c in reversed(current) if c.span[0] < change.span[0]), None)
    return (offer[-1], end) if offer and end else None


def change_of_path(claim: Claim, claims: list[Claim], text: str) -> Finding | None:
    """A stated change against the start and end figures the same sentence gives ("fell from $40 to
    $22, a 30% drop": $40 to $22 is a fall of 45%), or, measured from the offer price or first-day
    close, against that price and the current price its paragraph gives."""
    if claim.kind is not ClaimKind.CHANGE or claim.quantity is None or not claim.direction:
        return None
    path = stated_path(claim, claims, text) or reference_path(claim, claims, text)
    if path is None or path[0].value.currency != path[1].value.currency:
        return None
    start, end = path
    actual = change_between(Range.of_money(start.value), Range.of_money(end.value), claim.direction)
    how = disagreement(actual, stated_percent(claim), claim.qualifier)
    if how is None:
        return None
    word = "rise" if claim.direction == "up" else "fall"
    return Finding(Verdict.INCONSISTENT, f"The text's own figures - from {start.text} ({start.id}) to {end.text} "
                   f"({end.id}) - make a {word} of {describe_percent(actual)}, so they {how} “{claim.text}”.")


def implied_start(change: Claim, price: Claim) -> Range | None:
    """The starting price a stated fall or rise to ``price`` implies ("fallen 50% to $11" -> about $22)."""
    if change.quantity is None or price.value is None:
        return None
    pct = Range.of(change.quantity, Qualifier.ABOUT if change.qualifier is Qualifier.EXACT else change.qualifier,
                   change.high)
    if change.direction == "down":
        if pct.hi is not None and pct.hi >= 100:
            return None
        factor = Range(None if pct.hi is None else 1 - pct.hi / 100, None if pct.lo is None else 1 - pct.lo / 100)
    else:
        factor = Range(None if pct.lo is None else 1 + pct.lo / 100, None if pct.hi is None else 1 + pct.hi / 100)
    return Range.of_money(price.value) / factor


#: Qualifiers that state a bound: figures that only overlap such a claim do not establish it.
_BOUNDS = frozenset({Qualifier.MORE_THAN, Qualifier.LESS_THAN, Qualifier.UP_TO})


def disagreement(computed: Range, stated: Range, qualifier: Qualifier) -> str | None:
    """How the text's own figures (``computed``) disagree with a stated figure: "contradict" when no value
    fits both, "do not establish" when a stated bound ("more than 60%") is not implied, else None.
    A plain or approximate figure that the computed values can take is not an inconsistency."""
    if computed.within(stated):
        return None
    if not computed.overlaps(stated):
        return "contradict"
    return "do not establish" if qualifier in _BOUNDS else None


def _verdict_on(computed: Range, claim: Claim, figures: str, what: str) -> Finding | None:
    """Nothing when the text's own ``figures`` agree with the stated (rounded) amount, else an inconsistency."""
    how = disagreement(computed, rounded(claim.value), claim.value.qualifier)
    if how is None:
        return None
    return Finding(Verdict.INCONSISTENT, f"The text's own figures - {figures} - put {what} at "
                   f"{_describe_money(computed, claim.value.currency)}, so they {how} “{claim.text}”.")


def _describe_money(r: Range, currency: str = "USD") -> str:
    """ "$13B", "between $3.93B and $4.07B", "more than $6B" for a range of amounts."""
    def fmt(v: Decimal) -> str:
        return format_money(Money(v.quantize(Decimal("0.01")), currency))
    if r.lo is not None and r.hi is not None:
        return fmt(r.lo) if r.hi - r.lo <= r.lo / 1000 else f"between {fmt(r.lo)} and {fmt(r.hi)}"
    if r.hi is None:
        return f"{'more than' if r.lo_open else 'at least'} {fmt(r.lo or Decimal(0))}"
    return f"{'less than' if r.hi_open else 'at most'} {fmt(r.hi)}"


def _same_sentence(a: Claim, b: Claim) -> bool:
    return a.sentence_span == b.sentence_span


def average_of(claim: Claim, claims: list[Claim], text: str) -> Finding | None:
    """An average stated beside a total and a count ("seven startups raised a total of $28 billion, an
    average of $5 billion each": $28 billion over seven is $4 billion; "$14 billion into 20 deals, an
    average round size of $900 million"), or after a counted group's figure earlier in the paragraph
    ("Seven startups raised $28 billion. That is $5 billion per company.")."""
    if not claim.extra.get("average") or claim.value is None:
        return None
    totals = [c for c in claims if c.kind is ClaimKind.AMOUNT and c.value is not None and not c.extra.get("average")
              and c.value.currency == claim.value.currency
              and (_same_sentence(c, claim) or c.extra.get("total") and _same_subject(c, claim))]
    groups = [c for c in claims if c.kind is ClaimKind.AMOUNT and c.value is not None and c.span < claim.span
              and not c.extra.get("average") and not c.subject_id and group_size(c.subject)
              and c.value.currency == claim.value.currency and _same_paragraph(c, claim, text)]
    total = next((c for c in totals if c.extra.get("total")), totals[0] if totals else (groups or [None])[-1])
    counted = next((c.quantity for c in claims if c.kind is ClaimKind.COUNT and _same_sentence(c, claim)
                    and c.qualifier is Qualifier.EXACT), None)
    count = group_size(claim.subject) or (group_size(total.subject) if total else None) or counted
    if total is None or not count:
        return None
    computed = rounded(total.value) / Range.exact(count)
    return _verdict_on(computed, claim, f"{total.text} ({total.id}) over {count}", "the average")


#: Words that introduce only some of a total's parts: "a total of $9 billion, including $4 billion from A".
_SOME_PARTS = re.compile(r"\b(?:includ\w*|of which|among (?:them|which|others)|such as|led by)\b", re.IGNORECASE)


def _listed_parts(claim: Claim, addable: list[Claim], claims: list[Claim], text: str) -> list[Claim]:
    """The first figure of each list item or table row right above a total's line, or right below it
    when the line introduces them (ends with a colon), up to the line of another total."""
    intro = text[claim.span[1]:claim.sentence_span[1]].rstrip().endswith(":")
    items = list_items_after(text, claim.span[1]) if intro else list_items_before(text, claim.span[0])[::-1]
    totals = [c for c in claims if c.extra.get("total")]
    parts = []
    for start, end in items:  # nearest first, up to another total's line
        if any(start <= c.span[0] < end for c in totals):
            break
        first = next((c for c in addable if start <= c.span[0] < end), None)
        if first is not None:
            parts.append(first)
    return sorted(parts, key=lambda c: c.span)


def _enumerated(claim: Claim, parts: list[Claim], text: str) -> bool:
    """True when a group's figure is followed by a colon and one figure per member: "Three acquirers
    spent $4.2 billion: A paid $2 billion, B $1.5 billion and C $0.9 billion"."""
    size = None if claim.subject_id else group_size(claim.subject)
    later = [c for c in parts if c.span > claim.span]
    return bool(size) and len(later) == size and ":" in text[claim.span[1]:later[0].span[0]]


def total_of(claim: Claim, claims: list[Claim], text: str) -> Finding | None:
    """A total against the parts its sentence lists ("A raised $6 billion, B $4 billion and C $3 billion,
    together $20 billion": the parts come to $13 billion), else against the list or table above it; a
    group's figure followed by a colon and one figure per member is a total too. Parts introduced by "including" are only
    some of the total: they must not exceed it."""
    if claim.value is None or claim.extra.get("average"):
        return None
    addable = [c for c in claims if c is not claim and c.kind is ClaimKind.AMOUNT and c.value is not None
               and not c.extra and c.value.currency == claim.value.currency
               and (c.measure == "valuation") == (claim.measure == "valuation")]
    parts = [c for c in addable if _same_sentence(c, claim) and _same_clause(text, c.span, claim.span)]
    if not (claim.extra.get("total") or _enumerated(claim, parts, text)):
        return None
    if len(parts) < 2:
        parts = _listed_parts(claim, addable, claims, text)
    if len(parts) < 2:
        return None
    computed = sum((Range.of_money(c.value) for c in parts[1:]), Range.of_money(parts[0].value))
    listed = " + ".join(f"{c.text} ({c.id})" for c in parts)
    later = [c for c in parts if c.span > claim.span]
    if later and _SOME_PARTS.search(text[claim.span[1]:later[0].span[0]]):
        computed = Range(computed.lo, None, computed.lo_open)
        if computed.overlaps(rounded(claim.value)):
            return None  # some of the parts only need not exceed the total
    return _verdict_on(computed, claim, listed, "the total")


def check_text(claims: list[Claim], text: str) -> dict[str, list[Finding]]:
    """Findings about the text's own figures, by claim id."""
    out: dict[str, list[Finding]] = defaultdict(list)
    for c in claims:
        for finding in (share_of(c, claims), share_of_stated(c, claims, text), share_of_count(c, text), proceeds(c, claims, text), change_of_path(c, claims, text),
                        average_of(c, claims, text), total_of(c, claims, text)):
            if finding:
                out[c.id].append(finding)
    for cid, findings in repeated(claims, text).items():
        out[cid] += findings
    return out
