"""Figures: the numbers analyses produce, each with the range it allows and the facts behind it.

A :class:`Figure` keeps the honest :class:`~infraledger.model.Range` of a result (so "more than
$600B" of "more than $1T" stays "any share", not "more than 60%"), the ids of the facts it was
computed from, and whether the ledger supports it at all. Renderers only format figures; they
never compute them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ..model import Money, Qualifier, Range, format_money


class Unit(StrEnum):
    USD = "usd"
    PERCENT = "percent"    # a ratio stored as a fraction (0.6 = 60%)
    CHANGE = "change"      # a relative change as a fraction, shown with its sign (+98.9%, -50%)
    PRICE = "price"        # USD per share
    COUNT = "count"
    INDEX = "index"        # dimensionless, e.g. HHI on 0-10,000


@dataclass(frozen=True)
class Figure:
    """One number of an analysis.

    ``value`` is None when the ledger cannot support the figure; ``note`` then says why.
    ``stated`` is the money exactly as a fact states it, when the figure is a single fact's figure.
    """

    label: str
    value: Range | None
    unit: Unit
    fact_ids: tuple[str, ...] = ()
    note: str = ""
    stated: Money | None = None

    @property
    def supported(self) -> bool:
        return self.value is not None

    @property
    def midpoint(self) -> Decimal | None:
        """A single representative value (bounded ranges: the middle; open-ended: the bound), or None."""
        if self.value is None:
            return None
        return self.value.midpoint

    def text(self) -> str:
        """Human form: "more than $600B", "between 55% and 65%", "not supported by the ledger"."""
        if self.value is None:
            return "not supported by the ledger"
        if self.stated is not None:
            return format_money(self.stated)
        return format_range(self.value, self.unit)


def unsupported(label: str, unit: Unit, note: str, fact_ids: tuple[str, ...] = ()) -> Figure:
    """A figure the ledger cannot support, with the reason."""
    return Figure(label, None, unit, fact_ids, note)


def money_figure(label: str, money: Money, fact_ids: tuple[str, ...], note: str = "") -> Figure:
    """A figure that is one fact's stated amount."""
    return Figure(label, Range.of_money(money), Unit.USD, fact_ids, note, stated=money)


def ratio_range(num: Range, den: Range) -> Range:
    """``num / den`` for non-negative ranges, guarding a zero denominator."""
    if den.hi is not None and den.hi == 0:
        return Range(None, None)
    return num / den


def _num(value: Decimal, unit: Unit) -> str:
    if unit is Unit.USD:
        return format_money(Money(amount=max(value, Decimal(0))))
    if unit is Unit.PERCENT:
        return f"{(value * 100).quantize(Decimal('0.1')).normalize():f}%"
    if unit is Unit.CHANGE:
        pct = (value * 100).quantize(Decimal('0.1')).normalize()
        return f"{'+' if pct > 0 else ''}{pct:f}%"
    if unit is Unit.PRICE:
        return f"${value.quantize(Decimal('0.01'))}"
    if unit is Unit.COUNT:
        return f"{int(value):,}"
    if abs(value) < 10:
        return f"{value.quantize(Decimal('0.01'))}"
    return f"{value.quantize(Decimal(1)):,}"


def format_range(r: Range, unit: Unit) -> str:
    """Words for a range in ``unit``: "more than 60%", "$575B to $625B", "any value (cannot be bounded)"."""
    lo, hi = r.lo, r.hi
    floor = unit is not Unit.CHANGE  # other quantities cannot go below zero, so 0 is "no lower bound"
    if (lo is None or (floor and lo == 0)) and hi is None:
        return "any value (cannot be bounded)"
    if lo is not None and lo == hi:
        return _num(lo, unit)
    if unit is Unit.PERCENT and (lo is None or lo == 0) and hi == 1:
        return "any share from 0% to 100% (cannot be bounded)"
    if hi is None:
        return f"{'more than' if r.lo_open else 'at least'} {_num(lo, unit)}"
    if lo is None or (floor and lo == 0):
        return f"{'less than' if r.hi_open else 'at most'} {_num(hi, unit)}"
    a, b = _num(lo, unit), _num(hi, unit)
    return a if a == b else f"{a} to {b}"


def change_range(new: Range, base: Range) -> Range:
    """Relative change ``new / base - 1`` (may be negative), from the ratio of the two ranges."""
    ratio = ratio_range(new, base)
    return Range(None if ratio.lo is None else ratio.lo - 1, None if ratio.hi is None else ratio.hi - 1,
                 ratio.lo_open, ratio.hi_open)


def qualified(value: str | Decimal, qualifier: str | None, high: str | None = None) -> Range:
    """Range of an attribute figure ("19.00" with qualifier "about" etc.); a negative figure
    (a first-day fall of "about -5%") is the mirror image of its positive range."""
    q = Qualifier(qualifier or "exact")
    v = Decimal(str(value))
    if v < 0 and high is None:
        r = Range.of(-v, q)
        return Range(None if r.hi is None else -r.hi, -r.lo if r.lo is not None else None, r.hi_open, r.lo_open)
    return Range.of(v, q, Decimal(str(high)) if high is not None else None)
