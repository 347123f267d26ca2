"""Checks of share prices and percentage changes against the ledger's prices and IPO terms.

A stated change is computed from two prices: the price at the claim's time and the price at its
reference point (year start, first-day close, offer price). When the reference can be read in
more than one way - "year-to-date" for a company that listed the year before may mean this
calendar year or since the listing - each reading is computed; if they lead to different answers
the claim is ``ambiguous``. Percentages stated without a qualifier are taken as rounded (within
:data:`~infraledger.model.quantity.ABOUT_TOLERANCE`), as prose rounds them.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ..model import Fact, FactType, Qualifier, Range, format_money
from .checks import Context, when
from .claims import Claim
from .verdicts import Finding, Verdict

#: How far before a reference day a price may be and still stand for it (weekends, holidays).
_NEAR = timedelta(days=10)
_MONTH = timedelta(days=31)


def stated_percent(claim: Claim) -> Range:
    q = claim.qualifier
    return Range.of(claim.quantity, Qualifier.ABOUT if q is Qualifier.EXACT else q, claim.high)


def _prices(claim: Claim, ctx: Context) -> list[Fact]:
    facts = [f for f in ctx.pool.about(claim.subject_id, (FactType.PRICE_OBSERVATION,))
             if f.amount is not None and f.time is not None]
    return sorted(facts, key=lambda f: (f.time.end, f.recorded_at))


def _window(claim: Claim, ctx: Context) -> tuple[date, date] | None:
    cutoff = ctx.doc_date or (claim.time.end if claim.time else None)
    if claim.time is not None:
        end = min(claim.time.end, cutoff) if cutoff else claim.time.end
        return (claim.time.start, end) if end >= claim.time.start else (claim.time.start, claim.time.end)
    return (cutoff - _MONTH, cutoff) if cutoff else None


def price_at(claim: Claim, ctx: Context) -> Fact | None:
    """The latest price in the claim's time, up to the text's date."""
    window = _window(claim, ctx)
    if window is None:
        return None
    prices = _prices(claim, ctx)
    inside = [f for f in prices if f.time.end >= window[0] and f.time.start <= window[1]]
    if inside:
        return inside[-1]
    # "As of March 2026" with no March price yet: the last close shortly before stands for it.
    near = [f for f in prices if window[0] - _NEAR <= f.time.end < window[0]]
    return near[-1] if near else None


def check_share_price(claim: Claim, ctx: Context) -> list[Finding]:
    if claim.value is None:
        return []
    stated = Range.of_money(claim.value)
    at = price_at(claim, ctx)
    window = _window(claim, ctx)
    later = [f for f in _prices(claim, ctx) if window and f.time.start > window[1] and
             (ctx.doc_date is None or f.time.start > ctx.doc_date)]
    if at is None:
        return []
    if not stated.overlaps(Range.of_money(at.amount)):
        return [Finding(Verdict.CONTRADICTED, f"{ctx.cite(at)} has {format_money(at.amount)} on {when(at.time)}, "
                        f"outside “{claim.text}”.", (at,))]
    moved = [f for f in later if not stated.overlaps(Range.of_money(f.amount))]
    if moved:
        f = moved[-1]
        return [Finding(Verdict.STALE, f"True when written ({format_money(at.amount)} on {when(at.time)}), but the "
                        f"price has since moved to {format_money(f.amount)} on {when(f.time)} ({ctx.cite(f)}).", (at, f))]
    return [Finding(Verdict.SUPPORTED, f"{ctx.cite(at)} has {format_money(at.amount)} on {when(at.time)}, within "
                    f"“{claim.text}”.", (at,))]


def _ipo(claim: Claim, ctx: Context) -> tuple[dict[str, tuple[Range, Fact]], date | None]:
    """IPO figures combined over the ledger's IPO facts, and the listing date."""
    terms: dict[str, tuple[Range, Fact]] = {}
    listed = None
    for f in ctx.pool.about(claim.subject_id, (FactType.IPO,)):
        for key in ("first_day_close", "offer_price", "first_day_return_pct"):
            if key in f.attributes and key not in terms:
                terms[key] = (Range.of(Decimal(str(f.attributes[key])), f.attributes.get(f"{key}_qualifier", "exact")), f)
        if f.time is not None and (listed is None or f.time.start < listed):
            listed = f.time.start
    return terms, listed


def _first_day_close(terms) -> tuple[Range, tuple[Fact, ...], str] | None:
    if "first_day_close" in terms:
        r, f = terms["first_day_close"]
        return r, (f,), f"the first-day close of ${r.describe()}"
    if "offer_price" in terms and "first_day_return_pct" in terms:
        (price, f1), (ret, f2) = terms["offer_price"], terms["first_day_return_pct"]
        close = price * Range(None if ret.lo is None else 1 + ret.lo / 100, None if ret.hi is None else 1 + ret.hi / 100,
                              ret.lo_open, ret.hi_open)
        return close, (f1, f2), f"a first-day close of ${close.describe()} (offer price × first-day return)"
    return None


def _readings(claim: Claim, ctx: Context, at: Fact) -> list[tuple[str, Range, tuple[Fact, ...]]]:
    """(description, start price range, facts) for each way the claim's reference point can be read."""
    terms, listed = _ipo(claim, ctx)
    out = []
    ref = claim.reference
    year = (claim.time or at.time).start.year
    if ref == "ytd":
        year_end = date(year - 1, 12, 31)
        before = [f for f in _prices(claim, ctx) if year_end - _NEAR <= f.time.end <= year_end]
        if before:
            f = before[-1]
            out.append((f"{year} year-to-date (from {format_money(f.amount)} on {when(f.time)})",
                        Range.of_money(f.amount), (f,)))
        elif listed is not None and listed.year == year - 1:
            # The literal reading stays on the table even when the ledger cannot compute it.
            out.append((f"{year} year-to-date (no year-end {year - 1} price in the ledger)", Range(None, None), ()))
        if listed is not None and listed.year == year - 1:
            fdc = _first_day_close(terms)
            start = fdc or (("offer_price" in terms) and (terms["offer_price"][0], (terms["offer_price"][1],),
                                                          "the offer price"))
            if start:
                out.append((f"since the listing on {listed} (from {start[2]})", start[0], start[1]))
            elif not out:
                out.append((f"since the listing on {listed}", Range(None, None), ()))
    elif ref in ("first_day_close", "since_ipo"):
        fdc = _first_day_close(terms)
        if fdc:
            out.append((f"from {fdc[2]}", fdc[0], fdc[1]))
        if ref == "since_ipo" and "offer_price" in terms:
            r, f = terms["offer_price"]
            out.append((f"from the offer price of ${r.describe()}", r, (f,)))
    elif ref == "offer_price" and "offer_price" in terms:
        r, f = terms["offer_price"]
        out.append((f"from the offer price of ${r.describe()}", r, (f,)))
    return out


def change_between(start: Range, end: Range, direction: str) -> Range:
    """The percentage change from ``start`` to ``end`` in ``direction`` ("up"/"down"), as a range."""
    ratio = end / start
    if direction == "down":
        return Range(None if ratio.hi is None else (1 - ratio.hi) * 100, None if ratio.lo is None else (1 - ratio.lo) * 100,
                     ratio.hi_open, ratio.lo_open)
    return Range(None if ratio.lo is None else (ratio.lo - 1) * 100, None if ratio.hi is None else (ratio.hi - 1) * 100,
                 ratio.lo_open, ratio.hi_open)


def _pct(r: Range) -> str:
    def f(v: Decimal) -> str:
        return f"{v.quantize(Decimal('0.1'))}%"
    if r.lo is not None and r.hi is not None:
        return f(r.lo) if r.lo == r.hi else f"{f(r.lo)} to {f(r.hi)}"
    return r.describe()


def check_change(claim: Claim, ctx: Context) -> list[Finding]:
    if claim.quantity is None or not claim.subject_id:
        return []
    stated = stated_percent(claim)
    out: list[Finding] = []
    for f in ctx.pool.about(claim.subject_id, (FactType.PRICE_CHANGE,)):
        a = f.attributes
        if a.get("reference") != claim.reference or a.get("direction") != claim.direction or "percent" not in a:
            continue
        if f.time and claim.time and not f.time.overlaps(claim.time):
            continue
        theirs = Range.of(Decimal(str(a["percent"])), a.get("percent_qualifier", "exact"))
        ok = stated.overlaps(theirs)
        out.append(Finding(Verdict.SUPPORTED if ok else Verdict.CONTRADICTED,
                           f"{ctx.cite(f)} states a change of {theirs.describe()}% {claim.direction} "
                           f"({when(f.time)}); the text says {claim.text}.", (f,)))
    at = price_at(claim, ctx)
    if at is None:
        return out
    end = Range.of_money(at.amount)
    results = []
    for label, start, facts in _readings(claim, ctx, at):
        if start.lo is None and start.hi is None:
            results.append((label, None, facts))
            continue
        results.append((label, change_between(start, end, claim.direction or "up"), facts))
    if not results:
        return out
    known = [(label, ch, facts) for label, ch, facts in results if ch is not None]
    agree = [stated.overlaps(ch) for _, ch, _ in known]
    used = tuple(x for _, _, facts in results for x in facts) + (at,)
    sign = "rise" if claim.direction != "down" else "fall"
    parts = "; ".join(f"read as {label}, the {sign} to {format_money(at.amount)} on {when(at.time)} is "
                      + (_pct(ch) if ch is not None else "not computable from the ledger") for label, ch, _ in results)
    if len(results) > 1 and (len(set(agree)) > 1 or len(known) < len(results)):
        out.append(Finding(Verdict.AMBIGUOUS, f"“{claim.text}” can be read in ways that give different answers: {parts}.",
                           used))
    elif known:
        verdict = Verdict.SUPPORTED if all(agree) else Verdict.CONTRADICTED
        out.append(Finding(verdict, f"From the ledger's prices, {parts}; the text says {claim.text}.", used))
    return out
