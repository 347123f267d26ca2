"""Capex concentration on hand-built ledgers: totals, top-N share, HHI and honest qualifiers."""

from __future__ import annotations

from decimal import Decimal

from infraledger.analyses.capex import capex_concentration
from infraledger.model import EntityKind

from .helpers import company, fact, src

GROUP = dict(kind=EntityKind.GROUP)


def capex(subject, amount, period="2026", basis="guidance", **attrs):
    return fact("capex_budget", subject, amount=amount, when="2026-02", attrs={"period": period, "basis": basis, **attrs})


def test_more_than_600b_of_more_than_1t_is_not_more_than_60_percent(make_ledger):
    store = make_ledger()
    ents = [company("Top four", **GROUP), company("Everyone", **GROUP)]
    store.append(src("article"), [
        capex("Top four", "more than $600 billion", basis="aggregate", members=["A", "B", "C", "D"]),
        capex("Everyone", "more than $1 trillion", basis="aggregate", members=["A", "B", "C", "D", "E"]),
        capex("A", "$200 billion"), capex("B", "$150 billion"), capex("C", "$130 billion"), capex("D", "$125 billion"),
    ], entities=ents)
    r = capex_concentration(store.snapshot(), as_of="2026-03-30")
    stated = r.top_share_of_aggregate[0]
    assert "Top four" in stated.note
    # 600+ over 1000+ allows any share: the lower bound is 0, not 60%
    assert stated.value.lo == 0 and stated.value.hi == 1
    assert "cannot be bounded" in stated.text()
    summed = r.top_share_of_aggregate[1]
    assert summed.value.lo == 0 and summed.value.hi == Decimal("0.605")  # 605B over more than 1T
    assert summed.value.hi_open


def test_totals_add_ranges_and_rank_spenders(make_ledger):
    store = make_ledger()
    store.append(src("a"), [capex("Alpha", "$175-185 billion"), capex("Beta", "about $200 billion"),
                            capex("Gamma", "$50 billion")])
    r = capex_concentration(store.snapshot())
    assert [s.name for s in r.spenders] == ["Beta", "Alpha", "Gamma"]
    assert (r.total.value.lo, r.total.value.hi) == (Decimal(405000000000), Decimal(455000000000))
    assert r.total.text() == "$405B to $455B"
    assert set(r.total.fact_ids) == {s.figure.fact_ids[0] for s in r.spenders}


def test_top_share_and_hhi_of_equal_spenders(make_ledger):
    store = make_ledger()
    store.append(src("a"), [capex(n, "$100 billion") for n in ("A", "B", "C", "D", "E")])
    r = capex_concentration(store.snapshot(), top_n=4)
    assert r.top_share.value.lo == r.top_share.value.hi == Decimal("0.8")
    assert r.hhi.value.lo == 2000  # five equal shares of 20%: 5 * 400


def test_company_guidance_wins_over_analyst_estimate_and_partial_periods_are_ignored(make_ledger):
    store = make_ledger()
    store.append(src("a", "2026-01-01"), [capex("Soft", "about $90 billion", period="FY2026", basis="guidance"),
                                          capex("Soft", "$37 billion", period="FY2026-Q2", basis="actual")])
    store.append(src("b", "2026-02-10"), [capex("Soft", "about $105 billion", period="FY2026", basis="estimate")])
    r = capex_concentration(store.snapshot(), period="2026")
    assert len(r.spenders) == 1
    assert r.spenders[0].figure.text() == "about $90B" and r.spenders[0].basis == "guidance"


def test_as_of_cut_off_hides_later_budgets_and_missing_data_is_marked(make_ledger):
    store = make_ledger()
    store.append(src("early", "2026-01-05"), [capex("A", "$10 billion")])
    store.append(src("late", "2026-03-05"), [capex("B", "$20 billion")])
    early = capex_concentration(store.snapshot("2026-02-01"), period="2026")
    assert [s.name for s in early.spenders] == ["A"]
    assert not early.top_share.supported and "only 1 spenders" in early.top_share.note
    assert not early.hhi.supported
    empty = capex_concentration(store.snapshot("2025-12-01"), period="2026")
    assert not empty.total.supported and empty.total.text() == "not supported by the ledger"


def test_budgets_without_period_attributes_use_their_valid_year(make_ledger):
    store = make_ledger()
    store.append(src("plain"), [fact("capex_budget", "A", amount="$10 billion", when="2025"),
                                fact("capex_budget", "B", amount="$30 billion", when="2025-06")])
    r = capex_concentration(store.snapshot(), period="2025")
    assert [s.name for s in r.spenders] == ["B", "A"] and r.aggregates == ()
    assert r.hhi.value.lo == 6250  # shares 75% and 25%
