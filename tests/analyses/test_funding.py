"""Private funding: totals, top-k share, Gini, investors that are also customers, talent moves."""

from __future__ import annotations

from decimal import Decimal

import pytest

from infraledger.analyses.funding import gini, private_funding
from infraledger.model import EntityKind

from .helpers import company, fact, src


def member(name):
    return fact("list_membership", name, attrs={"list": "Top 50"})


def ledger(make_ledger):
    store = make_ledger()
    ents = [company("Telco", "carrier"), company("Gearco", "telecom_equipment"), company("Gear Sub", "telecom_equipment"),
            company("Netstart", "networking"), company("Routeco", "networking"), company("Kube", "cost_optimisation"),
            company("Chipmaker", "silicon"), company("Fabless", "silicon"), Entity_list()]
    store.append(src("list", "2026-03-01"), [
        member("Netstart"), member("Routeco"), member("Kube"),
        fact("list_metric", "Top 50", amount="more than $33 billion", attrs={"list": "Top 50", "metric": "total_funding"}),
        fact("strategic_investment", "Netstart", amount="$650 million", parties=(("Telco", "investor"),), status="completed",
             when="2025"),
        fact("strategic_investment", "Routeco", amount="$67 million", parties=(("Gearco", "investor"),), status="completed",
             when="2025-06"),
        fact("commercial_contract", "Routeco", parties=(("Gear Sub", "customer"),), status="completed", when="2025-06"),
        fact("subsidiary_of", "Gear Sub", parties=(("Gearco", "related"),)),
        fact("funding_round", "Kube", amount="$108 million", parties=(("Fund", "lead_investor"),), status="completed",
             when="2025-04"),
        fact("talent_move", "Fabless", parties=(("Chipmaker", "hirer"),), people=("A. Founder",), when="2025-09",
             status="completed"),
    ], entities=ents)
    return store


def Entity_list():
    return company("Top 50", kind=EntityKind.LIST)


def test_gini_of_known_values():
    assert gini([Decimal(1)] * 4) == 0
    assert gini([Decimal(0), Decimal(0), Decimal(0), Decimal(10)]) == Decimal("0.75")


def test_totals_shares_and_coverage_of_the_list(make_ledger):
    r = private_funding(ledger(make_ledger).snapshot(), top_k=1)
    assert r.list_name == "Top 50"
    assert [c.name for c in r.companies] == ["Netstart", "Kube", "Routeco"]
    assert r.known_total.value.lo == Decimal(825000000)
    # 825M of "more than 33B" is less than 2.5%, with no lower bound
    assert r.coverage.value.lo == 0 and r.coverage.value.hi == Decimal(825) / Decimal(33000)
    assert r.top_k_share.value.lo == pytest.approx(Decimal(650) / Decimal(825))
    assert Decimal("0.3") < r.gini.value.lo < Decimal("0.6")


def test_strategic_investor_that_is_a_customer_through_a_subsidiary(make_ledger):
    r = private_funding(ledger(make_ledger).snapshot())
    links = {s.company: s for s in r.strategic}
    assert links["Routeco"].customer_via == "customer through Gear Sub"
    assert links["Netstart"].customer_via == ""  # no contract in the ledger: not claimed
    assert {s.investor for s in r.anchors} == {"Telco", "Gearco"}
    (move,) = r.talent_moves
    assert (move.company, move.hirer, move.hirer_layers, move.people) == ("Fabless", "Chipmaker", ("silicon",), ("A. Founder",))


def test_missing_data_is_marked_not_invented(make_ledger):
    store = make_ledger()
    store.append(src("x"), [fact("funding_round", "Solo", amount="$5 million", when="2025")])
    r = private_funding(store.snapshot())
    assert r.list_name == "" and not r.list_total.supported and not r.coverage.supported
    assert not r.top_k_share.supported and not r.gini.supported


def test_gini_in_the_ledger_matches_the_reference_formula(make_ledger):
    r = private_funding(ledger(make_ledger).snapshot())
    mids = [c.raised.midpoint for c in r.companies]
    assert r.gini.value.lo == gini(mids).quantize(Decimal("0.01"))
