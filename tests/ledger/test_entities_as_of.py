"""An entity is known as of its first fact, even when its entity row was recorded later."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from click.testing import CliRunner

from infraledger.cli.main import cli
from infraledger.errors import NotFoundError
from infraledger.model import (
    CandidateFact,
    Entity,
    FactType,
    Layer,
    Participant,
    Role,
    Source,
    Status,
    parse_label,
)

pytestmark = pytest.mark.both_backends

EARLY, LATE = datetime(2025, 3, 18), datetime(2026, 3, 30)


def _acquisition(status: Status, when: str) -> CandidateFact:
    return CandidateFact(type=FactType.ACQUISITION, subject="Tinyco", subject_id="n:tinyco",
                         counterparties=(Participant("Bigco", Role.ACQUIRER, "n:bigco"),),
                         time=parse_label(when), status=status, evidence="Bigco to buy Tinyco", span=(0, 19))


@pytest.fixture
def ledger(make_ledger):
    """A market fact recorded in 2025 about companies whose entity rows arrive with a 2026 article."""
    store = make_ledger()
    entities = [Entity(id="n:tinyco", name="Tinyco", layers=(Layer("security"),)), Entity(id="n:bigco", name="Bigco")]
    store.append(Source.new("article", content="article", title="Review", recorded_at=LATE),
                 [_acquisition(Status.COMPLETED, "2026-03-11")], entities)
    store.append(Source.new("press_release", content="wire", title="Bigco to buy Tinyco", recorded_at=EARLY),
                 [_acquisition(Status.ANNOUNCED, "2025-03-18")])
    return store


def test_a_company_is_known_from_its_first_fact(ledger):
    snap = ledger.snapshot("2025-06-01")
    assert snap.entity("Tinyco").id == "n:tinyco"
    assert [f.status for f in snap.facts(entity="Tinyco")] == [Status.ANNOUNCED]
    assert {e.name for e in snap.entities()} == {"Tinyco", "Bigco"}
    assert [e.subject for e in snap.events(layer="security")] == ["Tinyco"]


def test_before_its_first_fact_a_company_is_unknown(ledger):
    with pytest.raises(NotFoundError):
        ledger.snapshot("2025-01-01").entity("Tinyco")


def test_events_and_show_with_a_company_before_the_articles_record_date(ledger):
    db = ledger.path
    ledger.close()
    runner = CliRunner()
    events = runner.invoke(cli, ["--db", db, "events", "--as-of", "2025-06-01", "--company", "Tinyco", "--json"])
    assert events.exit_code == 0, events.output
    assert [(e["subject"], e["status"]) for e in json.loads(events.output)] == [("Tinyco", "announced")]
    show = runner.invoke(cli, ["--db", db, "show", "Tinyco", "--as-of", "2025-06-01", "--json"])
    assert show.exit_code == 0, show.output
    assert [f["status"] for f in json.loads(show.output)["facts"]] == ["announced"]
