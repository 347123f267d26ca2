"""M&A consolidation: layers, acquirer types from layers, pending vs closed, quarters, players left."""

from __future__ import annotations

from infraledger.analyses.mna import mna_consolidation

from .helpers import company, fact, src

ENTS = [company("Cloudco", "hyperscaler"), company("Shieldco", "security"), company("Carrierco", "carrier"),
        company("Assetco", "it_asset_management"), company("Chipco", "silicon"), company("Wizard", "security"),
        company("Scope", "observability"), company("Saver", "cost_optimisation"), company("Netco", "networking"),
        company("Guard", "security"), company("Lens", "observability")]


def buy(target, acquirer, status, when, amount=None):
    return fact("acquisition", target, parties=((acquirer, "acquirer"),), status=status, when=when, amount=amount)


def ledger(make_ledger):
    store = make_ledger()
    store.append(src("deals-1", "2025-12-01"), [buy("Wizard", "Cloudco", "announced", "2025-03-18", "$32 billion"),
                                               buy("Scope", "Shieldco", "announced", "2025-11-19", "$3.35 billion")],
                 entities=ENTS)
    store.append(src("deals-2", "2026-03-15"), [buy("Scope", "Shieldco", "completed", "2026-01"),
                                               buy("Saver", "Assetco", "completed", "2026-02-10"),
                                               buy("Netco", "Carrierco", "pending", "2026-03-01", "about $1 billion")])
    return store


def test_deals_by_layer_and_acquirer_type_come_from_entity_layers(make_ledger):
    r = mna_consolidation(ledger(make_ledger).snapshot(), as_of="2026-03-30")
    deals = {d.target: d for d in r.deals}
    assert {k: (d.acquirer_type, d.target_layer, d.status) for k, d in deals.items()} == {
        "Wizard": ("hyperscaler", "security", "announced"), "Scope": ("security incumbent", "observability", "completed"),
        "Saver": ("IT-asset platform", "cost_optimisation", "completed"),
        "Netco": ("carrier/telecom equipment", "networking", "pending")}
    assert (r.total_deals, r.closed, r.pending) == (4, 2, 2)
    assert deals["Scope"].value.text() == "$3.35B"  # the amount stated by the announcement carries over
    assert not deals["Saver"].value.supported
    layers = {b.key: b for b in r.by_layer}
    assert layers["cost_optimisation"].undisclosed == 1 and not layers["cost_optimisation"].value.supported
    assert [b.key for b in r.by_quarter] == ["2025-Q1", "2025-Q4", "2026-Q1"]
    q1 = {b.key: b for b in r.by_quarter}["2026-Q1"]
    assert (q1.value.value.lo, q1.value.value.hi) == (900_000_000, 1_100_000_000)


def test_independent_players_left_per_layer(make_ledger):
    r = mna_consolidation(ledger(make_ledger).snapshot(), as_of="2026-03-30")
    players = {p.layer: p for p in r.players}
    assert (players["observability"].companies, players["observability"].acquired, players["observability"].independent) == (2, 1, 1)
    assert (players["security"].companies, players["security"].pending, players["security"].independent) == (3, 1, 2)
    assert players["observability"].acquired_names == ("Scope",)


def test_as_of_reads_the_deal_state_known_then(make_ledger):
    store = ledger(make_ledger)
    r = mna_consolidation(store.snapshot("2025-12-31"))
    assert {d.target: d.status for d in r.deals} == {"Wizard": "announced", "Scope": "announced"}
    limited = mna_consolidation(store.snapshot(), limit=1)
    assert [d.target for d in limited.deals] == ["Wizard"] and limited.total_deals == 4


def test_each_sources_stated_status_is_kept_in_the_history(make_ledger):
    r = mna_consolidation(ledger(make_ledger).snapshot())
    scope = {d.target: d for d in r.deals}["Scope"]
    assert [(s, w) for s, w, _ in scope.history] == [("announced", "2025-11-19"), ("completed", "2026-01")]
