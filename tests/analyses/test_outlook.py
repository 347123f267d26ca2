"""Exit-route outlook: listed companies are never IPO-ready, and conflicting reasons are weighed in the open."""

from __future__ import annotations

import pytest

from infraledger.analyses.outlook import (
    AT_RISK,
    IPO_READY,
    LEAD_RATIO,
    LISTED,
    MIXED,
    SIGNALS,
    TARGET,
    exit_outlook,
    outlook_rules,
    weight_text,
)
from infraledger.ledger import open_ledger
from infraledger.sample import load_sample

from .helpers import company, fact, src


def outlook_of(store, name, as_of):
    return next(c for c in exit_outlook(store.snapshot(), as_of=as_of).companies if c.name == name)


def contract(subject, customer, amount, when):
    return fact("commercial_contract", subject, amount=amount, when=when, status="completed",
                parties=((customer, "customer"),), attrs={"tranche": when})


@pytest.fixture
def listed_ledger(make_ledger):
    """A cloud mostly underwritten by an AI lab, raising at a $5B valuation, that lists on 2025-06-10."""
    store = make_ledger()
    store.append(src("cloud", "2026-01-01"), [
        fact("funding_round", "Cloudco", amount="$500 million", valuation="$5 billion", when="2024-11", status="completed",
             parties=(("Fund", "lead_investor"),)),
        contract("Cloudco", "Lab", "$8 billion", "2025-01"),
        contract("Cloudco", "Retailer", "$1 billion", "2025-02"),
        fact("ipo", "Cloudco", amount="$1 billion", when="2025-06-10", status="completed",
             attrs={"offer_price": "20", "first_day_close": "25"}),
        fact("price_observation", "Cloudco", amount="$30", when="2025-12-31"),
    ], entities=[company("Cloudco", "compute_cloud"), company("Lab", "ai_lab"), company("Retailer", "software"),
                 company("Fund", "venture")])
    return store


def test_a_company_listed_before_the_as_of_date_is_never_ipo_ready(listed_ledger):
    c = outlook_of(listed_ledger, "Cloudco", "2026-01-15")
    assert c.verdict == LISTED and IPO_READY not in {r.route for r in c.reasons}
    assert c.listing is not None and c.listing.shares.text() == "+50%"
    assert c.headline == "listed 2025-06-10: shares +50% since the IPO"
    # the backing still counts, now for the listed route; the private valuation no longer applies
    assert {r.signal for r in c.reasons} == {"capex_backing", "shares_held"}


def test_before_its_ipo_date_the_same_company_can_be_ipo_ready(listed_ledger):
    c = outlook_of(listed_ledger, "Cloudco", "2025-06-09")
    assert c.verdict == IPO_READY and c.listing is None
    assert {r.signal for r in c.reasons} == {"capex_backing", "private_valuation"}


def test_an_ipo_stated_only_as_a_month_has_not_surely_happened_inside_that_month(make_ledger):
    store = make_ledger()
    store.append(src("ipo"), [
        fact("funding_round", "Netco", amount="$100 million", valuation="$2 billion", when="2024", status="completed"),
        fact("ipo", "Netco", amount="$300 million", when="2025-06", status="completed"),
    ], entities=[company("Netco", "networking")])
    assert outlook_of(store, "Netco", "2025-06-15").verdict == IPO_READY
    later = outlook_of(store, "Netco", "2025-07-01")
    assert later.verdict == LISTED and later.headline == "listed 2025-06: no price facts for its shares"


def test_price_facts_alone_show_that_a_company_trades(make_ledger):
    store = make_ledger()
    store.append(src("prices"), [
        fact("funding_round", "Chipco", amount="$100 million", valuation="$3 billion", when="2023", status="completed"),
        fact("price_observation", "Chipco", amount="$10", when="2025-01-02"),
        fact("price_observation", "Chipco", amount="$6", when="2025-06-30"),
    ], entities=[company("Chipco", "silicon")])
    c = outlook_of(store, "Chipco", "2025-07-01")
    assert c.verdict == LISTED and c.listing.basis == "since the first price in the ledger (2025-01-02)"
    assert c.listing.shares.text() == "-40%"


def test_conflicting_reasons_are_shown_with_their_weights_and_called_mixed(make_ledger):
    store = make_ledger()
    store.append(src("netco"), [
        fact("strategic_investment", "Netco", amount="$600 million", valuation="more than $2.5 billion", when="2025",
             status="completed", parties=(("Carrier", "investor"),)),
    ], entities=[company("Netco", "networking"), company("Carrier", "carrier")])
    c = outlook_of(store, "Netco", "2026-01-01")
    scores = {s.route: s.score for s in c.scores}
    assert scores == {IPO_READY: SIGNALS["private_valuation"].weight, TARGET: SIGNALS["strategic_stake"].weight}
    assert c.verdict == MIXED and set(c.contenders) == {IPO_READY, TARGET}
    assert c.headline == "mixed: IPO-ready / acquisition target"
    assert all(r.weight == SIGNALS[r.signal].weight for r in c.reasons)
    assert f"within {weight_text(LEAD_RATIO)} ×" in c.rule


def test_a_route_that_leads_by_the_ratio_wins_and_the_rule_says_so(make_ledger):
    store = make_ledger()
    store.append(src("netco"), [
        fact("strategic_investment", "Netco", amount="$600 million", valuation="$2.5 billion", when="2025",
             status="completed", parties=(("Carrier", "investor"),)),
        contract("Netco", "Cloud", "$4 billion", "2025-05"),
    ], entities=[company("Netco", "networking"), company("Carrier", "carrier"), company("Cloud", "hyperscaler")])
    c = outlook_of(store, "Netco", "2026-01-01")
    ready = SIGNALS["capex_backing"].weight + SIGNALS["private_valuation"].weight
    assert [(s.route, s.score) for s in c.scores] == [(IPO_READY, ready), (TARGET, SIGNALS["strategic_stake"].weight)]
    assert c.verdict == IPO_READY and not c.contenders
    assert c.rule == (f"IPO-ready {weight_text(ready)} is at least {weight_text(LEAD_RATIO)} × acquisition target "
                      f"{weight_text(SIGNALS['strategic_stake'].weight)}")


def test_the_rules_in_words_name_every_signal_with_its_weight():
    text = " ".join(outlook_rules())
    for s in SIGNALS.values():
        assert f"{s.condition} (weight {weight_text(s.weight)}" in text
    assert f"at least {weight_text(LEAD_RATIO)} ×" in text and "never IPO-ready" in text


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store = open_ledger(tmp_path_factory.mktemp("sample") / "sample.duckdb")
    load_sample(store)
    yield store
    store.close()


def test_on_the_sample_coreweave_is_listed_after_its_ipo_and_ipo_ready_before(sample):
    after = outlook_of(sample, "CoreWeave", "2026-03-01")
    assert after.verdict == LISTED and after.headline == "listed 2025-03-28 (CRWV): shares +98.9% since the IPO"
    before = outlook_of(sample, "CoreWeave", "2025-03-15")
    assert before.verdict == IPO_READY and before.listing is None


def test_on_the_sample_drivenets_shows_both_routes_and_why_neither_wins(sample):
    c = outlook_of(sample, "DriveNets", "2026-03-01")
    assert c.verdict == MIXED and set(c.contenders) == {IPO_READY, TARGET}
    assert {r.route for r in c.reasons} == {IPO_READY, TARGET}


def test_on_the_sample_a_listed_company_whose_shares_halved_is_at_risk(sample):
    c = outlook_of(sample, "Netskope", "2026-03-01")
    assert c.verdict == AT_RISK and c.listing is not None and c.headline.startswith("at risk (listed 2025-09-17 (NTSK)")
