"""IPO scorecard: proceeds, offer price, first day, and performance as of a date, from ledger facts.

Several ``ipo`` facts from different sources may each state part of one IPO (offer price, share
count, first-day close); they are combined. Prices come from ``price_observation`` facts (loaded
from CSV files or sources) up to the as-of date. When there is no price series, the stated
``price_change`` facts are shown as stated and every figure that needs a series is listed as missing,
never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..ledger.store import Snapshot
from ..model import Fact, FuzzyTime, Range
from .figures import Figure, Unit, change_range, money_figure, qualified, unsupported
from .frame import Frame, frame

_FIRST_DAY_DETAILS = {"first_day_open", "first_day_close", "first_trading_day", "first_day_return"}


@dataclass(frozen=True)
class PricePoint:
    day: date
    price: Range
    fact_id: str
    exact_day: bool  # False when the source gives only a month or coarser ("around $11 in March")


@dataclass(frozen=True)
class StatedChange:
    """A price change as a source states it (percent, direction, reference)."""

    figure: Figure
    direction: str
    reference: str
    period: str


@dataclass(frozen=True)
class IpoScore:
    entity_id: str
    name: str
    ticker: str
    ipo_date: date | None
    proceeds: Figure
    offer_price: Figure
    first_day_close: Figure
    first_day_pop: Figure
    latest_price: Figure
    latest_date: date | None
    latest_label: str
    return_since_ipo: Figure
    return_since_first_close: Figure
    drawdown_from_peak: Figure
    stated_changes: tuple[StatedChange, ...]
    path: tuple[PricePoint, ...]
    missing: tuple[str, ...]
    fact_ids: tuple[str, ...] = field(default=())
    #: the IPO's date at the precision its source gave (a quarter stays a quarter), for display
    ipo_time: FuzzyTime | None = None

    @property
    def performance(self) -> Decimal | None:
        """One number to rank by: return since IPO, else a stated change, else None."""
        for fig in (self.return_since_ipo, self.return_since_first_close):
            if fig.supported and fig.midpoint is not None:
                return fig.midpoint
        for ch in self.stated_changes:
            if ch.figure.midpoint is not None:
                return ch.figure.midpoint
        return None


@dataclass(frozen=True)
class IpoScorecard:
    as_of: date | None
    ipos: tuple[IpoScore, ...]


def _attr(facts: list[Fact], key: str) -> tuple[Range, str, str] | None:
    """The latest-recorded value of an IPO attribute across facts: (range, raw text, fact id)."""
    found = [f for f in facts if f.attributes.get(key) not in (None, "")]
    if not found:
        return None
    f = max(found, key=lambda f: f.recorded_at)
    a = f.attributes
    return qualified(a[key], a.get(f"{key}_qualifier"), a.get(f"{key}_high")), str(a[key]), f.id


def ipo_scorecard(snapshot: Snapshot, *, as_of: date | str | None = None, limit: int | None = None,
                  year: int | None = None, entity_ids: Sequence[str] | None = None) -> IpoScorecard:
    """Scorecard of completed IPOs (largest proceeds first; ``limit`` keeps the largest N).

    ``year`` keeps IPOs whose first fact falls in that year; ``entity_ids`` keeps those issuers only.
    Returns an :class:`IpoScorecard`.
    """
    fr = frame(snapshot, as_of)
    where = ["type = 'ipo'"]
    params: list = []
    if year is not None:
        where.append("year(valid_start) = ?")
        params.append(year)
    if entity_ids is not None:
        where.append("subject_id IN (SELECT unnest(?))")
        params.append(list(entity_ids))
    sql = (f"SELECT subject_id FROM facts WHERE {' AND '.join(where)} GROUP BY subject_id "
           "HAVING bool_or(status = 'completed') ORDER BY max(amount) DESC NULLS LAST, min(valid_start), subject_id")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    issuers = [r[0] for r in fr.rows(sql, params)]
    if not issuers:
        return IpoScorecard(fr.as_of, ())
    facts = fr.facts("subject_id IN (SELECT unnest(?)) AND type IN ('ipo', 'price_observation', 'price_change')", [issuers])
    by_issuer: dict[str, list[Fact]] = {i: [] for i in issuers}
    for f in facts:
        by_issuer[f.subject_id].append(f)
    return IpoScorecard(fr.as_of, tuple(_score(fr, eid, by_issuer[eid]) for eid in issuers))


def _score(fr: Frame, eid: str, facts: list[Fact]) -> IpoScore:
    name = fr.name(eid, facts[0].subject if facts else "")
    ipo = [f for f in facts if f.type.value == "ipo"]
    obs = [f for f in facts if f.type.value == "price_observation" and f.amount is not None and f.amount.currency == "USD"]
    changes = [f for f in facts if f.type.value == "price_change"]
    missing: list[str] = []

    with_amount = [f for f in ipo if f.amount is not None]
    exact = [f for f in with_amount if f.amount.qualifier.value == "exact"] or with_amount
    if exact:
        # the earliest stated figure: later ones often include the over-allotment
        p = min(exact, key=lambda f: (f.time.start if f.time else date.max, f.recorded_at))
        note = f"{len(with_amount)} sources state proceeds" if len(with_amount) > 1 else ""
        proceeds = money_figure(f"{name} IPO proceeds", p.amount, (p.id,), note)
    else:
        proceeds = unsupported(f"{name} IPO proceeds", Unit.USD, "no fact states the proceeds")
        missing.append("proceeds")

    day_facts = [f for f in ipo if (f.attributes.get("detail") in _FIRST_DAY_DETAILS or "first_day_close" in f.attributes
                                    or "first_day_open" in f.attributes) and f.time and f.time.start == f.time.end]
    dated = [f for f in ipo if f.time and f.status and f.status.value == "completed"]
    # the offering itself (facts without a detail) before details such as a marketing-launch share count
    plain = [f for f in dated if not f.attributes.get("detail")]
    ipo_day = (min(f.time.start for f in day_facts) if day_facts
               else min((f.time.start for f in plain if f.time.start == f.time.end), default=None)
               or min((f.time.start for f in dated if f.time.start == f.time.end), default=None)
               or min((f.time.start for f in dated), default=None))
    # a day when some fact states the day, else the vaguer time itself ("2025-Q3"), never its first day
    exact = bool(day_facts) or any(f.time.start == f.time.end for f in dated)
    ipo_time = (FuzzyTime.day(ipo_day) if exact and ipo_day else
                min((f.time for f in dated), key=lambda t: (t.start, t.end), default=None))
    ticker = next((str(f.attributes["ticker"]) for f in facts if f.attributes.get("ticker")), "")
    if not ticker:
        ent = fr.entities.get(eid)
        ticker = ent.tickers[0] if ent and ent.tickers else ""

    offer = _attr(ipo, "offer_price")
    offer_fig = (Figure(f"{name} offer price", offer[0], Unit.PRICE, (offer[2],)) if offer
                 else unsupported(f"{name} offer price", Unit.PRICE, "no fact states the offer price"))
    if not offer:
        missing.append("offer price")

    close = _attr(ipo, "first_day_close")
    ret = _attr(ipo, "first_day_return_pct")
    if close:
        close_fig = Figure(f"{name} first-day close", close[0], Unit.PRICE, (close[2],))
    elif offer and ret:
        derived = offer[0] * (ret[0].scale(Decimal("0.01")) + Range.exact(1))
        close_fig = Figure(f"{name} first-day close", derived, Unit.PRICE, (offer[2], ret[2]),
                           "derived from the offer price and the stated first-day return")
    else:
        close_fig = unsupported(f"{name} first-day close", Unit.PRICE, "no fact states the first-day close")
        missing.append("first-day close")

    if ret:
        pop = Figure(f"{name} first-day return", ret[0].scale(Decimal("0.01")), Unit.CHANGE, (ret[2],))
    elif offer and close_fig.supported:
        pop = Figure(f"{name} first-day return", change_range(close_fig.value, offer[0]), Unit.CHANGE,
                     close_fig.fact_ids + (offer[2],))
    else:
        pop = unsupported(f"{name} first-day return", Unit.PERCENT, "needs the offer price and first-day close")
        missing.append("first-day return")

    path = tuple(PricePoint(f.time.start, Range.of_money(f.amount), f.id, f.time.start == f.time.end)
                 for f in sorted(obs, key=lambda f: (f.time.start if f.time else date.min, f.recorded_at)) if f.time)
    if path:
        last = path[-1]
        last_fact = next(f for f in obs if f.id == last.fact_id)
        latest = money_figure(f"{name} latest price", last_fact.amount, (last.fact_id,),
                              "" if last.exact_day else f"source gives only {last_fact.time.label()}")
        latest_date, latest_label = last.day, last_fact.time.label()
    else:
        latest = unsupported(f"{name} latest price", Unit.PRICE, "no price observations in the ledger up to this date")
        latest_date, latest_label = None, ""
        missing.append("price series")

    def change(label: str, base: Figure) -> Figure:
        if not latest.supported:
            return unsupported(label, Unit.PERCENT, "no price observations in the ledger up to this date")
        if not base.supported:
            return unsupported(label, Unit.PERCENT, base.note or f"no {base.label}")
        return Figure(label, change_range(latest.value, base.value), Unit.CHANGE, latest.fact_ids + base.fact_ids,
                      f"latest price {latest.text()} ({latest_label}) against {base.text()}")

    since_ipo = change(f"{name} return since IPO", offer_fig)
    since_close = change(f"{name} return since first-day close", close_fig)
    for fig in (since_ipo, since_close):
        if not fig.supported:
            missing.append(fig.label.removeprefix(f"{name} "))

    candidates: list[tuple[Range, tuple[str, ...]]] = [(pt.price, (pt.fact_id,)) for pt in path]
    if path:
        if close_fig.supported:
            candidates.append((close_fig.value, close_fig.fact_ids))
        opened = _attr(ipo, "first_day_open")
        if opened:
            candidates.append((opened[0], (opened[2],)))
    if len(candidates) >= 2:
        peak, peak_ids = max(candidates, key=lambda c: c[0].midpoint or 0)
        drawdown = Figure(f"{name} drawdown from peak", change_range(latest.value, peak), Unit.CHANGE,
                          latest.fact_ids + peak_ids,
                          f"peak among {len(candidates)} observed prices, not a full daily series")
    else:
        drawdown = unsupported(f"{name} drawdown from peak", Unit.PERCENT, "needs at least two observed prices")
        missing.append("drawdown from peak")

    stated = []
    for f in changes:
        a = f.attributes
        if a.get("percent") in (None, ""):
            continue
        sign = Decimal(-1) if a.get("direction") == "down" else Decimal(1)
        r = qualified(a["percent"], a.get("percent_qualifier"), a.get("percent_high")).scale(Decimal("0.01"))
        if sign < 0:
            r = Range(None if r.hi is None else -r.hi, None if r.lo is None else -r.lo, r.hi_open, r.lo_open)
        ref = str(a.get("reference", ""))
        stated.append(StatedChange(Figure(f"{name} change ({ref})", r, Unit.CHANGE, (f.id,)), str(a.get("direction", "")),
                                   ref, f.time.label() if f.time else ""))

    ids = tuple(dict.fromkeys(i for fig in (proceeds, offer_fig, close_fig, pop, latest, since_ipo, since_close, drawdown)
                              for i in fig.fact_ids))
    return IpoScore(eid, name, ticker, ipo_day, proceeds, offer_fig, close_fig, pop, latest, latest_date, latest_label, since_ipo,
                    since_close, drawdown, tuple(stated), path, tuple(dict.fromkeys(missing)), ids, ipo_time=ipo_time)
