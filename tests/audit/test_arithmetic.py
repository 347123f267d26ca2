"""Qualifier arithmetic: what the text's own figures establish, checked as properties over many values."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from infraledger.audit.claims import Claim, ClaimKind, find_claims
from infraledger.audit.consistency import implied_start, share_of
from infraledger.audit.pricecheck import change_between
from infraledger.model import Money, Qualifier, Range

QUALS = st.sampled_from([Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.LESS_THAN, Qualifier.ABOUT])
AMOUNT = st.integers(min_value=1, max_value=5000).map(Decimal)


def _sample(r: Range, t: float) -> Decimal | None:
    """A value inside ``r`` (t in [0, 1] picks where); None when the range is empty or unbounded above and t==1."""
    lo = r.lo if r.lo is not None else Decimal(0)
    hi = r.hi if r.hi is not None else lo * 3 + 10
    v = lo + (hi - lo) * Decimal(str(t))
    if r.lo_open and v == r.lo:
        v = lo + (hi - lo) / 1000 if hi > lo else None
    if v is not None and r.hi_open and v == r.hi:
        v = hi - (hi - lo) / 1000 if hi > lo else None
    return v if v is not None and r.contains(v) else None


def _money_claim(cid, amount, qual, subject="Three carriers", measure="capex"):
    return Claim(id=cid, span=(0, 1), text="x", kind=ClaimKind.AMOUNT, measure=measure, subject=subject,
                 value=Money(amount=amount, qualifier=qual))


@settings(max_examples=200, deadline=None)
@given(part=AMOUNT, pq=QUALS, whole_extra=AMOUNT, wq=QUALS, pct=st.integers(1, 99), sq=QUALS,
       t1=st.floats(0, 1), t2=st.floats(0, 1))
def test_a_share_is_accepted_only_when_every_reading_of_the_figures_establishes_it(part, pq, whole_extra, wq, pct, sq, t1, t2):
    whole = part + whole_extra
    part_claim = _money_claim("c1", part, pq)
    whole_claim = _money_claim("c2", whole, wq, subject="all spenders")
    share = Claim(id="c3", span=(2, 3), text="y", kind=ClaimKind.PERCENTAGE, measure="share_of", subject="three carriers",
                  quantity=Decimal(pct), qualifier=sq, base=Money(amount=whole))
    finding = share_of(share, [part_claim, whole_claim, share])
    x = _sample(Range.of_money(part_claim.value), t1)
    y = _sample(Range.of_money(whole_claim.value), t2)
    assume(x is not None and y is not None and y > 0)
    if finding is None:  # established: every pair of allowed values gives a share the claim allows
        assert Range.of(Decimal(pct), sq).contains(x / y * 100)
    else:
        assert finding.verdict.value == "inconsistent"


def test_more_than_of_more_than_does_not_establish_more_than_the_ratio():
    part = _money_claim("c1", Decimal(600), Qualifier.MORE_THAN)
    whole = _money_claim("c2", Decimal(1000), Qualifier.MORE_THAN, subject="all")
    share = Claim(id="c3", span=(2, 3), text="more than 60%", kind=ClaimKind.PERCENTAGE, measure="share_of",
                  subject="three carriers", quantity=Decimal(60), qualifier=Qualifier.MORE_THAN, base=Money(amount=Decimal(1000)))
    finding = share_of(share, [part, whole, share])
    assert finding is not None and "do not establish" in finding.explanation
    exact_whole = _money_claim("c2", Decimal(1000), Qualifier.EXACT, subject="all")
    assert share_of(share, [part, exact_whole, share]) is None  # more than 600 of exactly 1000 is more than 60%


@settings(max_examples=200, deadline=None)
@given(start=AMOUNT, sq=QUALS, end=AMOUNT, eq=QUALS, up=st.booleans(), t1=st.floats(0, 1), t2=st.floats(0, 1))
def test_computed_change_contains_every_change_the_prices_allow(start, sq, end, eq, up, t1, t2):
    s_range, e_range = Range.of(start, sq), Range.of(end, eq)
    a, b = _sample(s_range, t1), _sample(e_range, t2)
    assume(a is not None and b is not None and a > 0)
    actual = (b / a - 1) * 100 if up else (1 - b / a) * 100
    computed = change_between(s_range, e_range, "up" if up else "down")
    assert (computed.lo is None or actual >= computed.lo - Decimal("1e-9")) and \
           (computed.hi is None or actual <= computed.hi + Decimal("1e-9"))


@settings(max_examples=200, deadline=None)
@given(pct=st.integers(1, 90), price=AMOUNT, pq=QUALS, t1=st.floats(0, 1), t2=st.floats(0, 1))
def test_implied_start_contains_every_start_consistent_with_fall_and_price(pct, price, pq, t1, t2):
    change = Claim(id="c1", span=(0, 1), text="x", kind=ClaimKind.CHANGE, measure="change", subject="G",
                   quantity=Decimal(pct), direction="down")
    shown = Claim(id="c2", span=(0, 1), text="y", kind=ClaimKind.SHARE_PRICE, measure="share_price", subject="G",
                  value=Money(amount=price, qualifier=pq))
    implied = implied_start(change, shown)
    p = _sample(Range.of(Decimal(pct), Qualifier.ABOUT), t1)
    v = _sample(Range.of_money(shown.value), t2)
    assume(p is not None and v is not None and p < 100)
    start = v / (1 - p / 100)
    assert implied.lo is None or start >= implied.lo - Decimal("1e-9")
    assert implied.hi is None or start <= implied.hi + Decimal("1e-9")


def test_a_fifty_percent_fall_to_eleven_implies_a_start_near_twenty_two():
    change = Claim(id="c1", span=(0, 1), text="50%", kind=ClaimKind.CHANGE, measure="change", subject="G",
                   quantity=Decimal(50), direction="down")
    shown = Claim(id="c2", span=(0, 1), text="$11", kind=ClaimKind.SHARE_PRICE, measure="share_price", subject="G",
                  value=Money(amount=Decimal(11)))
    implied = implied_start(change, shown)
    assert implied.contains(22) and implied.lo > 19 and implied.hi < 25


WORDS = {Qualifier.MORE_THAN: "more than", Qualifier.LESS_THAN: "less than", Qualifier.ABOUT: "about",
         Qualifier.EXACT: ""}


@settings(max_examples=100, deadline=None)
@given(q=QUALS, n=st.integers(1, 999), unit=st.sampled_from(["million", "billion"]))
def test_qualifier_words_become_the_claims_qualifier(q, n, unit):
    text = f"Acme Robotics raised {WORDS[q]} ${n} {unit} in April 2025 in a round led by Zeta Ventures."
    claims = [c for c in find_claims(" ".join(text.split())) if c.kind is ClaimKind.AMOUNT]
    assert len(claims) == 1
    assert claims[0].value.qualifier is q
    assert claims[0].value.amount == n * (10 ** 6 if unit == "million" else 10 ** 9)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
       | st.lists(st.sampled_from(["Acme", "raised", "$5 million", "50%", "pending", "acquisition of", "(Source: 8-K)",
                                   "\n", ".", "shares", "around $11", "year-to-date", "Zeta", "fell"]), max_size=40)
       .map(" ".join))
def test_claim_spans_always_point_at_their_text(text):
    for c in find_claims(text):
        assert 0 <= c.span[0] < c.span[1] <= len(text)
        assert text[c.span[0]:c.span[1]] == c.text
