"""Capex backing, timelines, IPO divergence and the exit-route outlook on a small ledger."""

from __future__ import annotations

from decimal import Decimal

import pytest

from infraledger.analyses.backing import capex_backing
from infraledger.analyses.divergence import ipo_divergence
from infraledger.analyses.outlook import AT_RISK, LISTED, exit_outlook
from infraledger.analyses.timeline import timeline
from infraledger.errors import InputError, NotFoundError

from .helpers import company, fact, src


def contract(customer, amount, when, tranche=None):
    attrs = {"tranche": tranche} if tranche else {}
    return fact("commercial_contract", "Gpu Cloud", amount=amount, when=when, status="completed",
                parties=((customer, "customer"),), attrs=attrs)


def ledger(make_ledger):
    store = make_ledger()
    ents = [company("Gpu Cloud", "compute_cloud"), company("Lab", "ai_lab"), company("Social", "hyperscaler"),
            company("Chipco", "silicon"), company("Sase", "security"), company("Rival", "security")]
    store.append(src("contracts", "2026-01-01"), [
        contract("Lab", "$10 billion", "2025-03", "2025-03"), contract("Lab", "$5 billion", "2025-05", "2025-05"),
        contract("Lab", "$20 billion", "2025-09-25", "cumulative 2025-09-25"),
        contract("Social", "$14.2 billion", "2025-09-30", "2025-09-30"), contract("Social", "more than $14 billion", None),
        contract("Chipco", "$6 billion", "2025-09", "2025-09"),
        fact("ipo", "Gpu Cloud", amount="$1.5 billion", when="2025-03-28", status="completed",
             attrs={"offer_price": "40", "first_day_close": "40"}),
        fact("price_observation", "Gpu Cloud", amount="$80", when="2026-02-27"),
        fact("ipo", "Sase", amount="$900 million", when="2025-09-17", status="completed",
             attrs={"offer_price": "20", "first_day_close": "22"}),
        fact("price_observation", "Sase", amount="$11", when="2025-12-31"),
        fact("competes_with", "Sase", parties=(("Rival", "related"),)),
    ], entities=ents)
    return store


def test_backing_counts_each_contract_once(make_ledger):
    b = capex_backing(ledger(make_ledger).snapshot(), "Gpu Cloud")
    assert b.backed_value.value.lo == Decimal("34.2e9")  # cumulative 20 + 14.2; earlier tranches and the restatement skipped
    assert b.total_value.value.lo == Decimal("40.2e9")
    assert b.score.value.lo == pytest.approx(Decimal("34.2") / Decimal("40.2"))
    skipped = [c.reason for c in b.contracts if not c.counted]
    assert len(skipped) == 3 and any("restates" in r for r in skipped)


def test_backing_without_contracts_is_unsupported(make_ledger):
    b = capex_backing(ledger(make_ledger).snapshot(), "Sase")
    assert not b.score.supported and "no disclosed contract" in b.score.note


def test_divergence_ranks_by_performance_beside_its_explanations(make_ledger):
    d = ipo_divergence(ledger(make_ledger).snapshot())
    assert [r.score.name for r in d.rows] == ["Gpu Cloud", "Sase"]
    top, bottom = d.rows
    assert top.performance.value.lo == 1 and top.backing.score.supported
    assert bottom.competitors == ("Rival",) and bottom.layer_companies == 2 and bottom.profitability == "unknown"


def test_outlook_gives_reasons_with_facts(make_ledger):
    o = {c.name: c for c in exit_outlook(ledger(make_ledger).snapshot()).companies}
    assert o["Sase"].verdict == AT_RISK and all(r.fact_ids for r in o["Sase"].reasons)
    # listed since 2025-03-28 with shares up from $40 to $80: its backing counts for the listed route, not an IPO
    assert o["Gpu Cloud"].verdict == LISTED and o["Gpu Cloud"].headline.startswith("listed 2025-03-28: shares +100%")


def test_timeline_of_a_company_and_of_a_layer(make_ledger):
    store = ledger(make_ledger)
    t = timeline(store.snapshot(), company="Lab")
    assert [e.when for e in t.entries] == ["2025-03", "2025-05", "2025-09-25"]
    assert all("Lab (customer)" in e.summary for e in t.entries)
    layer = timeline(store.snapshot(), layer="security")
    assert {e.subject for e in layer.entries} == {"Sase"}
    with pytest.raises(InputError):
        timeline(store.snapshot(), layer="nonsense")
    with pytest.raises(NotFoundError):
        timeline(store.snapshot(), company="Nobody")
