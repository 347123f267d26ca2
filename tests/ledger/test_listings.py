"""Listings a page at a time: events, conflicts, facts, entities and decisions, computed in SQL."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from itertools import combinations

import pytest
from click.testing import CliRunner

from infraledger.cli.main import cli
from infraledger.model import (
    CandidateFact,
    FactType,
    Participant,
    Range,
    Role,
    Source,
    Status,
    parse_label,
    parse_money,
)
from infraledger.model.event_types import event_type

pytestmark = pytest.mark.both_backends

T0 = datetime(2026, 1, 1)
STATES = [Status.ANNOUNCED, Status.PENDING, Status.COMPLETED]


def _deal(target: str, status: Status, when: str, amount: str | None = None) -> CandidateFact:
    return CandidateFact(type=FactType.ACQUISITION, subject=target, counterparties=(Participant("Bigco", Role.ACQUIRER),),
                         amount=parse_money(amount) if amount else None, time=parse_label(when), status=status,
                         evidence=f"Bigco and {target}", span=(0, 10))


@pytest.fixture
def deals(make_ledger):
    """Twelve acquisitions by Bigco, each reported by one to three sources as it progressed."""
    store = make_ledger()
    for i in range(12):
        for step in range(i % 3 + 1):
            source = Source.new("press_release", content=f"deal {i} step {step}", title=f"Deal {i} step {step}",
                                recorded_at=T0 + timedelta(days=i * 3 + step))
            store.append(source, [_deal(f"Target {i:02d}", STATES[step], f"2025-{i + 1:02d}-{step + 1:02d}")])
    return store


def test_pages_of_events_add_up_to_the_whole_listing(deals):
    snap = deals.snapshot()
    whole = snap.events()
    pages = [snap.event_page(limit=5, offset=o) for o in (0, 5, 10)]
    assert [len(p.items) for p in pages] == [5, 5, 2] and {p.total for p in pages} == {12}
    assert [e.key for p in pages for e in p.items] == [e.key for e in whole]
    assert [p.rest for p in pages] == [7, 2, 0]
    assert snap.event_page(limit=5, offset=40).items == [] and snap.event_page(limit=5, offset=40).total == 12


def test_an_events_state_is_its_furthest_step_and_events_come_in_time_order(deals):
    events = deals.snapshot().events()
    assert [e.subject for e in events] == [f"Target {i:02d}" for i in range(12)]
    assert [e.status for e in events] == [STATES[i % 3] for i in range(12)]
    assert all(e.latest.status is e.status and len(e.facts) == i % 3 + 1 for i, e in enumerate(events))


def test_the_status_filter_is_applied_before_the_page_is_cut(deals):
    page = deals.snapshot().event_page(status="completed", limit=2)
    assert page.total == 4 and [e.subject for e in page.items] == ["Target 02", "Target 05"]
    # as of an earlier record time the same deals were not yet completed
    assert deals.snapshot(T0 + timedelta(days=9)).event_page(status="completed").total == 1


def test_pages_of_facts_and_entities(deals):
    snap = deals.snapshot()
    facts = snap.facts(entity="Bigco")
    page = snap.fact_page(entity="Bigco", limit=4, offset=20)
    assert page.total == len(facts) == 24 and page.items == facts[20:24]
    names = [e.name for e in snap.entities()]
    assert [e.name for e in snap.entity_page(limit=3, offset=1).items] == names[1:4]
    assert snap.entity_page(kind="company", limit=1).total == 13


MONEY = ["$3 billion", "$3.2 billion", "about $3.1 billion", "about $2.7 billion", "more than $3 billion",
         "less than $3 billion", "up to $3 billion", "$2.5-3 billion", "$4.5 billion", "more than $4 billion"]


@pytest.mark.parametrize("first, second", list(combinations(MONEY, 2)))
def test_amounts_conflict_exactly_when_their_ranges_cannot_both_hold(make_ledger, first, second):
    """Ranges as reported: each figure may be rounded by half its event type's tolerance ($3B vs $3.2B differ)."""
    store = make_ledger(":memory:")
    store.append(Source.new("press_release", content="a", title="a", recorded_at=T0), [_deal("Acme", Status.PENDING, "2025-11", first)])
    store.append(Source.new("article", content="b", title="b", recorded_at=T0), [_deal("Acme", Status.PENDING, "2025-11", second)])
    rounding = event_type("acquisition").rounding
    a, b = (Range.of_reported(parse_money(m), rounding) for m in (first, second))
    found = store.snapshot().conflicts()
    assert bool(found) is not a.overlaps(b)
    if found:
        assert found[0].field == "amount" and sorted(found[0].values) == sorted(str(parse_money(m)) for m in (first, second))


def test_a_conflict_page_counts_every_conflict(make_ledger):
    store = make_ledger(":memory:")
    for i in range(6):
        store.append(Source.new("press_release", content=f"a{i}", title="a", recorded_at=T0 + timedelta(days=i)),
                     [_deal(f"Acme {i}", Status.COMPLETED, "2025-11-03", "$3 billion")])
        store.append(Source.new("article", content=f"b{i}", title="b", recorded_at=T0 + timedelta(days=i, hours=1)),
                     [_deal(f"Acme {i}", Status.COMPLETED, "2025-12-09", "$5 billion")])
    page = store.snapshot().conflict_page(limit=4, offset=8)
    assert page.total == 12  # an amount and a date conflict for each of the six deals
    assert [(c.subject, c.field) for c in page.items] == [("Acme 4", "amount"), ("Acme 4", "date"),
                                                         ("Acme 5", "amount"), ("Acme 5", "date")]
    assert page.items[1].values == ("2025-11-03", "2025-12-09")


@pytest.fixture
def deals_db(deals):
    path = deals.path
    for i in range(3):
        deals.record_resolution(f"Bigco {i}", "n:bigco", "fuzzy", 90.0)
    deals.close()
    return path


def _run(db, *args):
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result


def test_every_listing_takes_limit_and_offset(deals_db):
    assert "12 events, 3-4 shown (--offset 4 for more)" in _run(deals_db, "events", "--limit", "2", "--offset", "2").stdout
    assert "12 events" in _run(deals_db, "events").stdout and "shown" not in _run(deals_db, "events").stdout
    assert "24 facts, 1-5 shown" in _run(deals_db, "show", "Bigco", "--limit", "5").stdout
    assert "13 entities, 13-13 shown" in _run(deals_db, "entities", "--offset", "12").stdout
    assert "3 resolution decisions, 2-3 shown" in _run(deals_db, "resolve", "decisions", "--offset", "1").stdout
    assert "0 conflicts" in _run(deals_db, "conflicts", "--limit", "1").stdout


def test_json_listings_give_the_page_and_say_on_stderr_what_was_left_out(deals_db):
    result = _run(deals_db, "events", "--json", "--limit", "3", "--status", "pending")
    assert [e["subject"] for e in json.loads(result.stdout)] == ["Target 01", "Target 04", "Target 07"]
    assert "4 events, 1-3 shown (--offset 3 for more)" in result.stderr
    decisions = _run(deals_db, "resolve", "decisions", "--json", "--limit", "0")
    assert [d["name"] for d in json.loads(decisions.stdout)] == ["Bigco 0", "Bigco 1", "Bigco 2"] and not decisions.stderr
    named = _run(deals_db, "resolve", "decisions", "--name", "Bigco 1", "--json", "--limit", "1")
    assert [d["name"] for d in json.loads(named.stdout)] == ["Bigco 1"]


def test_a_negative_limit_is_refused(deals_db):
    result = CliRunner().invoke(cli, ["--db", deals_db, "events", "--limit", "-1"])
    assert result.exit_code != 0 and "--limit" in result.output
