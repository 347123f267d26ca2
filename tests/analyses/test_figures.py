"""Honest arithmetic of figures: shares and changes of qualified ranges contain every true value."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from infraledger.analyses.capex import share_range
from infraledger.analyses.figures import Unit, change_range, format_range, ratio_range
from infraledger.model import Qualifier, Range

QUALIFIERS = [Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.ABOUT, Qualifier.LESS_THAN, Qualifier.UP_TO]
amounts = st.decimals(min_value=Decimal(1), max_value=Decimal(10_000), places=2)


@st.composite
def stated_and_true(draw):
    """A stated figure and one true value it allows."""
    v, q = draw(amounts), draw(st.sampled_from(QUALIFIERS))
    r = Range.of(v, q)
    lo = r.lo if r.lo is not None else Decimal(0)
    hi = r.hi if r.hi is not None else lo * 3 + 1
    t = draw(st.decimals(min_value=lo, max_value=hi, places=4))
    if (r.lo_open and t == r.lo) or (r.hi_open and t == r.hi) or t == 0:
        t = (lo + hi) / 2 or Decimal("0.5")
    return r, t


@settings(max_examples=200, deadline=None)
@given(stated_and_true(), stated_and_true())
def test_a_share_range_contains_the_true_share(part, rest):
    (p, tp), (o, to) = part, rest
    share = share_range(p, o)
    assert share.contains(tp / (tp + to))
    assert share.lo >= 0 and share.hi <= 1


@settings(max_examples=200, deadline=None)
@given(stated_and_true(), stated_and_true())
def test_ratio_and_change_ranges_contain_the_true_values(num, den):
    (n, tn), (d, td) = num, den
    assert ratio_range(n, d).contains(tn / td)
    assert change_range(n, d).contains(tn / td - 1)


def test_words_for_ranges():
    assert format_range(Range.of(600, "more_than") / Range.of(1000, "more_than"), Unit.PERCENT) == \
        "any value (cannot be bounded)"
    assert format_range(Range(Decimal(0), Decimal(1)), Unit.PERCENT) == "any share from 0% to 100% (cannot be bounded)"
    assert format_range(Range(Decimal("0.6"), None, lo_open=True), Unit.PERCENT) == "more than 60%"
    assert format_range(Range(Decimal("-0.565"), Decimal("-0.452")), Unit.CHANGE) == "-56.5% to -45.2%"
    assert format_range(Range.exact(Decimal("0.989")), Unit.CHANGE) == "+98.9%"
    assert format_range(Range(Decimal(175e9), Decimal(185e9)), Unit.USD) == "$175B to $185B"


def test_a_negative_stated_figure_mirrors_its_range():
    from infraledger.analyses.figures import qualified
    r = qualified("-5", "about")
    assert (r.lo, r.hi) == (Decimal("-5.5"), Decimal("-4.5"))
    assert qualified("-5", "more_than").hi == Decimal(-5) and qualified("-5", "more_than").lo is None
