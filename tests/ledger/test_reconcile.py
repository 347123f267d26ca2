"""One event across sources: facts about one real deal from different documents meet in one event."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from infraledger.cli.main import cli
from infraledger.model import CandidateFact, FactType, Participant, Role, Source, Status, parse_label, parse_money

pytestmark = pytest.mark.both_backends

T0 = datetime(2026, 3, 1)
FORM_D = Path(__file__).parents[1] / "fixtures/sec/form-d/D_Notion-Labs-Inc_2020-04-10.xml"
# A made-up press report of the raise the real Form D above records ($48,828,287 sold; article rounds it).
ARTICLE = """Notion Labs raises $50 million as workspace demand grows

SAN FRANCISCO, April 20, 2020 -- Notion Labs, the maker of a collaborative workspace app, said on Monday it raised
$50 million in a Series B round led by Index Ventures.
"""


def _raise(amount: str | None, when: str | None, *, round_: str | None = None, investors=(), subject="Acme Robotics",
           status=Status.COMPLETED, type_=FactType.FUNDING_ROUND) -> CandidateFact:
    return CandidateFact(type=type_, subject=subject, amount=parse_money(amount) if amount else None,
                         time=parse_label(when) if when else None, status=status,
                         counterparties=tuple(Participant(n, Role.INVESTOR) for n in investors),
                         attributes={"round": round_} if round_ else {}, evidence="x", span=(0, 1))


def _source(n: int) -> Source:
    return Source.new("article", content=f"report {n}", title=f"Report {n}", recorded_at=T0 + timedelta(days=n))


def _events(store, type_=FactType.FUNDING_ROUND):
    return store.snapshot().events(types=[type_])


def test_rounded_amounts_and_a_missing_label_are_one_raise(make_ledger):
    store = make_ledger()
    store.append(_source(1), [_raise("$1.2 billion", "2026-02-10", round_="Series C")])
    store.append(_source(2), [_raise("$1.15 billion", "2026-02")])
    store.append(_source(3), [_raise("about $1.2 billion", "2026-02-12", round_="series C round")])
    [event] = _events(store)
    assert len({f.source_id for f in event.facts}) == 3
    assert store.snapshot().conflicts() == []


def test_different_raises_of_one_company_stay_apart(make_ledger):
    store = make_ledger()
    store.append(_source(1), [_raise("$40 million", "2026-01-15")])
    store.append(_source(3), [_raise("$41 million", "2026-10-01")])           # months later, same year
    store.append(_source(4), [_raise("$40 million", "2026-01-20", round_="Series A")])
    store.append(_source(5), [_raise("$40 million", "2026-01-20", round_="Series B")])  # labels differ
    events = _events(store)
    assert sorted(len(e.facts) for e in events) == [1, 1, 2]
    assert {e.amount.amount for e in events if len(e.facts) == 1} == {41_000_000, 40_000_000}


def test_an_unlabelled_raise_reported_with_two_figures_is_a_conflict(make_ledger):
    store = make_ledger()
    store.append(_source(1), [_raise("$40 million", "2026-01-15")])
    store.append(_source(2), [_raise("$100 million", "2026-02-01")])
    assert len(_events(store)) == 1 and [c.field for c in store.snapshot().conflicts()] == ["amount"]


def test_facts_of_one_document_are_never_merged_by_the_ledger(make_ledger):
    store = make_ledger()
    store.append(_source(1), [_raise("$40 million", "2026-01-15"), _raise("$40 million", "2026-01-15", round_="Seed")])
    assert len(_events(store)) == 2


def test_investor_lists_that_overlap_are_one_investment(make_ledger):
    store = make_ledger()
    kind = FactType.STRATEGIC_INVESTMENT
    store.append(_source(1), [_raise("$2 billion", "2026-05-02", investors=["Bigco", "Omega Capital"], type_=kind)])
    store.append(_source(2), [_raise("$2 billion", "2026-05-03", investors=["Bigco"], type_=kind)])
    store.append(_source(3), [_raise("$2 billion", "2026-05-03", investors=["Zeta Partners"], type_=kind)])
    events = _events(store, kind)
    assert sorted(len(e.facts) for e in events) == [1, 2]


def test_an_announcement_and_a_closing_that_omits_the_buyer_are_one_takeover(make_ledger):
    store = make_ledger()
    buyer = (Participant("Megacorp", Role.ACQUIRER),)
    store.append(_source(1), [CandidateFact(type=FactType.ACQUISITION, subject="Tinyco", counterparties=buyer,
                                            amount=parse_money("$900 million"), time=parse_label("2026-01-10"),
                                            status=Status.ANNOUNCED, evidence="x", span=(0, 1))])
    store.append(_source(2), [CandidateFact(type=FactType.ACQUISITION, subject="Tinyco", time=parse_label("2026-06-30"),
                                            status=Status.COMPLETED, evidence="x", span=(0, 1))])
    [event] = _events(store, FactType.ACQUISITION)
    assert event.status is Status.COMPLETED and len(event.facts) == 2


def test_figures_beyond_the_tolerance_of_one_labelled_round_are_a_conflict(make_ledger):
    store = make_ledger()
    store.append(_source(1), [_raise("$40 million", "2026-01-15", round_="Series A")])
    store.append(_source(2), [_raise("$48 million", "2026-01-16", round_="Series A")])
    [conflict] = store.snapshot().conflicts()
    assert conflict.field == "amount"


def test_reappending_a_linked_document_adds_nothing(make_ledger):
    store = make_ledger()
    store.append(_source(1), [_raise("$1.2 billion", "2026-02-10", round_="Series C")])
    store.append(_source(2), [_raise("$1.15 billion", "2026-02")])
    again = store.append(_source(2), [_raise("$1.15 billion", "2026-02")])
    assert again.facts_added == 0 and len(_events(store)) == 1


@pytest.mark.parametrize("order", ["filing first", "article first"])
def test_a_form_d_and_an_article_about_one_raise_are_one_event_with_two_sources(tmp_path, order):
    """The real Form D of a raise and a press report of it: one event, no conflict, counted once."""
    db, article = tmp_path / "l.duckdb", tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    steps = [["edgar", "ingest", str(FORM_D)], ["ingest", str(article)]]
    for args in steps if order == "filing first" else steps[::-1]:
        result = runner.invoke(cli, ["--db", str(db), *args])
        assert result.exit_code == 0, result.output
    from infraledger.ledger import open_ledger

    with open_ledger(db, read_only=True) as store:
        [event] = store.snapshot().events(types=[FactType.FUNDING_ROUND])
        kinds = {store.snapshot().source(f.source_id).kind.value for f in event.facts}
        assert kinds == {"sec_filing", "article"}
        assert store.snapshot().conflicts() == []
    report = runner.invoke(cli, ["--db", str(db), "report", "--format", "md", "-o", "-"])
    assert report.exit_code == 0, report.output
    funding = report.output.split("## Private funding", 1)[1].split("##", 1)[0]
    assert "$98.83M" not in funding and ("$50M" in funding or "$48.83M" in funding)
