from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from infraledger.model import Range

pos = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e6"), places=2)


def test_more_than_over_more_than_is_not_a_bound():
    share = Range.of(600, "more_than") / Range.of(1000, "more_than")
    assert share.lo == 0 and share.hi is None
    assert not share.within(Range.of(Decimal("0.6"), "more_than"))


def test_more_than_over_exact_keeps_the_lower_bound():
    share = Range.of(600, "more_than") / Range.exact(1000)
    assert share.within(Range.of(Decimal("0.6"), "more_than"))


def test_about_has_a_tolerance():
    r = Range.of(11, "about")
    assert r.contains(Decimal("10.5")) and not r.contains(Decimal("13"))


@given(pos, pos)
def test_exact_division_is_a_point(a, b):
    r = Range.exact(a) / Range.exact(b)
    assert r.is_point and r.lo == a / b


@given(pos, pos, st.sampled_from(["exact", "more_than", "less_than", "about", "up_to"]),
       st.sampled_from(["exact", "more_than", "less_than", "about", "up_to"]))
def test_ratio_range_contains_every_ratio_of_allowed_values(a, b, qa, qb):
    ra, rb = Range.of(a, qa), Range.of(b, qb)
    ratio = ra / rb
    samples_a = [x for x in (ra.lo, ra.hi, ra.midpoint, a) if x is not None and ra.contains(x)]
    samples_b = [x for x in (rb.lo, rb.hi, rb.midpoint, b) if x is not None and x > 0 and rb.contains(x)]
    for x in samples_a:
        for y in samples_b:
            assert ratio.contains(x / y) or (ratio.lo is not None and ratio.lo_open and x / y == ratio.lo)


@given(pos, pos)
def test_overlap_is_symmetric(a, b):
    assert Range.of(a, "about").overlaps(Range.of(b, "more_than")) == Range.of(b, "more_than").overlaps(Range.of(a, "about"))
