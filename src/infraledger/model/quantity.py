"""Honest arithmetic on qualified figures.

A stated figure ("more than $600B", "about $11", "$175-185B") is a :class:`Range` of values it
allows. Arithmetic on ranges gives the range of results: "more than 600" divided by "more than
1,000" is anything from 0 upwards, *not* "more than 60%". Analyses use this to state only what
the facts establish; the audit uses it to find claims the text's own numbers do not support.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .money import Money, Qualifier

#: Relative tolerance given to "about"/"around" figures.
ABOUT_TOLERANCE = Decimal("0.10")


@dataclass(frozen=True, slots=True)
class Range:
    """Closed-or-open interval of allowed values; ``None`` bounds are unbounded.

    ``lo_open``/``hi_open`` mark strict bounds ("more than 600" excludes 600 itself).
    """

    lo: Decimal | None
    hi: Decimal | None
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def exact(cls, value: Decimal | int | str) -> "Range":
        v = Decimal(str(value))
        return cls(v, v)

    @classmethod
    def of(cls, value: Decimal | int | str, qualifier: Qualifier | str = Qualifier.EXACT,
           high: Decimal | None = None, tolerance: Decimal = ABOUT_TOLERANCE) -> "Range":
        """The values a figure stated with ``qualifier`` allows (non-negative quantities)."""
        v = Decimal(str(value))
        q = Qualifier(qualifier)
        if q is Qualifier.EXACT:
            return cls(v, v)
        if q is Qualifier.MORE_THAN:
            return cls(v, None, lo_open=True)
        if q is Qualifier.LESS_THAN:
            return cls(Decimal(0), v, hi_open=True)
        if q is Qualifier.UP_TO:
            return cls(Decimal(0), v)
        if q is Qualifier.ABOUT:
            return cls(v * (1 - tolerance), v * (1 + tolerance))
        if high is None:
            raise ValueError("a 'between' figure needs a high bound")
        return cls(v, Decimal(str(high)))

    @classmethod
    def of_money(cls, money: Money, tolerance: Decimal = ABOUT_TOLERANCE) -> "Range":
        return cls.of(money.amount, money.qualifier, money.high, tolerance)

    @classmethod
    def of_reported(cls, money: Money, rounding: Decimal) -> "Range":
        """The values a *reported* figure allows when reporting may round it by up to ``rounding`` (relative).

        "$50 million" in an article for a raise a filing gives as $48.8 million: both are the same
        figure within a rounding of 5%. "More than", "less than" and "up to" keep their bounds. The
        ledger's conflict SQL (:mod:`infraledger.ledger.listings`) applies the same rule.
        """
        q, v = money.qualifier, money.amount
        if q in (Qualifier.MORE_THAN, Qualifier.LESS_THAN, Qualifier.UP_TO):
            return cls.of_money(money)
        if q is Qualifier.ABOUT:
            return cls.of_money(money, max(ABOUT_TOLERANCE, rounding))
        high = money.high if q is Qualifier.BETWEEN and money.high is not None else v
        return cls(v * (1 - rounding), high * (1 + rounding))

    # -- relations -----------------------------------------------------------------------
    def contains(self, value: Decimal | int | str) -> bool:
        v = Decimal(str(value))
        if self.lo is not None and (v < self.lo or (self.lo_open and v == self.lo)):
            return False
        if self.hi is not None and (v > self.hi or (self.hi_open and v == self.hi)):
            return False
        return True

    def overlaps(self, other: "Range") -> bool:
        """True when some value is allowed by both ranges."""
        lo, lo_open = _max_lo(self, other)
        hi, hi_open = _min_hi(self, other)
        if lo is None or hi is None:
            return True
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    def within(self, other: "Range") -> bool:
        """True when every value this range allows is allowed by ``other``."""
        if other.lo is not None:
            if self.lo is None or self.lo < other.lo or (self.lo == other.lo and other.lo_open and not self.lo_open):
                return False
        if other.hi is not None:
            if self.hi is None or self.hi > other.hi or (self.hi == other.hi and other.hi_open and not self.hi_open):
                return False
        return True

    @property
    def is_point(self) -> bool:
        return self.lo is not None and self.lo == self.hi

    @property
    def midpoint(self) -> Decimal | None:
        if self.lo is None or self.hi is None:
            return self.lo if self.hi is None else None
        return (self.lo + self.hi) / 2

    # -- arithmetic (non-negative quantities) ---------------------------------------------
    def __add__(self, other: "Range") -> "Range":
        return Range(
            None if self.lo is None or other.lo is None else self.lo + other.lo,
            None if self.hi is None or other.hi is None else self.hi + other.hi,
            self.lo_open or other.lo_open, self.hi_open or other.hi_open,
        )

    def __mul__(self, other: "Range") -> "Range":
        return Range(
            None if self.lo is None or other.lo is None else self.lo * other.lo,
            None if self.hi is None or other.hi is None else self.hi * other.hi,
            self.lo_open or other.lo_open, self.hi_open or other.hi_open,
        )

    def __truediv__(self, other: "Range") -> "Range":
        """Ratio of two non-negative ranges: from smallest numerator over largest denominator up."""
        lo = Decimal(0) if self.lo is None or other.hi is None else (self.lo / other.hi if other.hi else None)
        hi = None if self.hi is None or not other.lo else self.hi / other.lo
        return Range(lo, hi, lo_open=self.lo_open or other.hi_open, hi_open=self.hi_open or other.lo_open)

    def scale(self, factor: Decimal | int | str) -> "Range":
        f = Decimal(str(factor))
        return Range(None if self.lo is None else self.lo * f, None if self.hi is None else self.hi * f,
                     self.lo_open, self.hi_open)

    def describe(self) -> str:
        """A short phrase such as "more than 60", "between 0.55 and 0.65", "any value"."""
        def fmt(v: Decimal) -> str:
            return f"{v.quantize(Decimal('0.0001')).normalize():f}"
        if self.lo in (None, Decimal(0)) and self.hi is None:
            return "any non-negative value" if self.lo == 0 else "any value"
        if self.hi is None:
            return f"{'more than' if self.lo_open else 'at least'} {fmt(self.lo)}"
        if self.lo in (None, Decimal(0)):
            return f"{'less than' if self.hi_open else 'at most'} {fmt(self.hi)}"
        if self.is_point:
            return fmt(self.lo)
        return f"between {fmt(self.lo)} and {fmt(self.hi)}"


def _max_lo(a: Range, b: Range) -> tuple[Decimal | None, bool]:
    if a.lo is None:
        return b.lo, b.lo_open
    if b.lo is None or a.lo > b.lo:
        return a.lo, a.lo_open
    if b.lo > a.lo:
        return b.lo, b.lo_open
    return a.lo, a.lo_open or b.lo_open


def _min_hi(a: Range, b: Range) -> tuple[Decimal | None, bool]:
    if a.hi is None:
        return b.hi, b.hi_open
    if b.hi is None or a.hi < b.hi:
        return a.hi, a.hi_open
    if b.hi < a.hi:
        return b.hi, b.hi_open
    return a.hi, a.hi_open or b.hi_open
