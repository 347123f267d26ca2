"""IPO scorecard: attributes combined across sources, returns, drawdown, missing series, as-of cut-off."""

from __future__ import annotations

from decimal import Decimal

from infraledger.analyses.ipo import ipo_scorecard

from .helpers import company, fact, src


def ipo(**attrs):
    detail = attrs.pop("when", "2025-03-28")
    return fact("ipo", "Gpu Cloud", when=detail, status="completed", attrs=attrs)


def price(value, day):
    return fact("price_observation", "Gpu Cloud", amount=value, when=day)


def seeded(store):
    store.append(src("prospectus", "2025-03-27"), [fact("ipo", "Gpu Cloud", amount="$1.5 billion", when="2025-03-27",
                                                        status="completed"),
                                                   ipo(offer_price="40.00", when="2025-03-27")],
                 entities=[company("Gpu Cloud", "compute_cloud", tickers=("GPUC",))])
    store.append(src("first day", "2025-03-29"), [ipo(first_day_close="40.00", first_day_close_qualifier="exact")])
    store.append(src("prices", "2026-03-01"), [price("$160", "2025-07-03"), price("$80", "2026-02-27")])


def test_figures_from_several_sources_make_one_scorecard(make_ledger):
    store = make_ledger()
    seeded(store)
    (s,) = ipo_scorecard(store.snapshot(), as_of="2026-03-30").ipos
    assert s.name == "Gpu Cloud" and s.ticker == "GPUC"
    assert s.proceeds.text() == "$1.5B" and s.offer_price.text() == "$40.00"
    assert s.ipo_date.isoformat() == "2025-03-28"
    assert s.return_since_ipo.value.lo == Decimal(1)          # 80 / 40 - 1
    assert s.return_since_first_close.value.lo == Decimal(1)
    assert s.drawdown_from_peak.value.lo == Decimal("-0.5")   # 80 from a 160 peak
    assert s.first_day_pop.value.lo == 0
    assert s.missing == ()
    assert len(s.path) == 2 and s.path[0].price.lo == 160


def test_as_of_cut_off_uses_only_prices_known_then(make_ledger):
    store = make_ledger()
    seeded(store)
    (s,) = ipo_scorecard(store.snapshot("2025-12-31")).ipos
    assert s.latest_price.supported is False
    assert "price series" in s.missing and not s.return_since_ipo.supported
    assert s.return_since_ipo.text() == "not supported by the ledger"


def test_without_a_series_the_stated_change_is_shown_and_the_derived_close_is_a_range(make_ledger):
    store = make_ledger()
    store.append(src("s-1", "2025-09-20"), [
        fact("ipo", "Sase Co", amount="$908.2 million", when="2025-09-17", status="completed"),
        fact("ipo", "Sase Co", when="2025-09", status="completed",
             attrs={"offer_price": "19.00", "first_day_return_pct": "18", "first_day_return_pct_qualifier": "about"}),
    ])
    store.append(src("news", "2026-03-20"), [
        fact("price_change", "Sase Co", when="2026-03", attrs={"percent": "50", "percent_qualifier": "exact",
                                                             "direction": "down", "reference": "first_day_close"}),
        fact("price_observation", "Sase Co", amount="about $11", when="2026-03"),
    ])
    (s,) = ipo_scorecard(store.snapshot()).ipos
    assert "derived" in s.first_day_close.note
    assert s.first_day_close.value.lo == Decimal(19) * Decimal("1.162")
    assert s.stated_changes[0].figure.value.lo == Decimal("-0.5")
    fall = s.return_since_first_close.value
    assert fall.lo < Decimal("-0.5") < fall.hi < Decimal("-0.4")  # about half, honest about "about $11"
    assert "drawdown from peak" not in s.missing
    before = ipo_scorecard(store.snapshot("2026-01-01")).ipos[0]
    assert before.stated_changes == () and "price series" in before.missing
