"""Decisions recorded in a real DuckDB ledger: merges are recorded, undone, replayed; manual merges."""

from __future__ import annotations

from datetime import datetime

import pytest

from infraledger.errors import InputError, NotFoundError
from infraledger.ledger.decisions import active_merges, explain, history, merge, resolver_for, undo
from infraledger.model import CandidateFact, Entity, FactType, Participant, Role, Source, SourceKind

pytestmark = pytest.mark.both_backends

ENTITIES = [Entity.new("Alphabet", aliases=("Google", "Alphabet Inc."), cik=1652044),
            Entity.new("CoreWeave", aliases=("CoreWeave, Inc.",), cik=1769628)]


def _append(store, text: str, subject: str, investor: str, day: int):
    source = Source.new(SourceKind.ARTICLE, content=text, title=text[:30],
                        recorded_at=datetime(2026, 3, day, 9, 0))
    fact = CandidateFact(type=FactType.STRATEGIC_INVESTMENT, subject=subject, evidence=text,
                         counterparties=(Participant(investor, Role.INVESTOR),))
    return store.append(source, [fact], ENTITIES)


def _subject_ids(store) -> dict[str, str]:
    return {f.subject: f.subject_id for f in store.snapshot().facts()}


def test_appending_records_each_merge_with_method_and_source(make_ledger):
    store = make_ledger()
    _append(store, "Google invested in Core Weave Inc.", "Core Weave Inc", "Google", 1)
    rows = history(store)
    assert {(r["name"], r["entity_id"], r["method"], r["action"]) for r in rows} == {
        ("Core Weave Inc", "cik:1769628", "fuzzy", "merge"), ("Google", "cik:1652044", "alias", "merge")}
    assert all(r["source_id"] for r in rows)
    assert next(r for r in rows if r["method"] == "fuzzy")["score"] >= 90


def test_undo_stops_the_ledger_merging_the_name_again(make_ledger):
    store = make_ledger()
    _append(store, "Google invested in Core Weave Inc.", "Core Weave Inc", "Google", 1)
    row = undo(store, "Core Weave Inc")
    assert (row["entity_id"], row["method"], row["action"]) == ("cik:1769628", "fuzzy", "undo")
    assert [r["action"] for r in history(store, "core weave inc")] == ["merge", "undo"]
    _append(store, "Core Weave Inc raised more money.", "Core Weave Inc", "Google", 2)
    later = [f for f in store.snapshot().facts() if f.evidence.startswith("Core Weave Inc raised")]
    assert later[0].subject_id != "cik:1769628"
    assert not any(r["name"] == "Core Weave Inc" for r in active_merges(store))


def test_an_alias_declared_on_the_entity_can_be_undone_too(make_ledger):
    store = make_ledger()
    _append(store, "Google invested in CoreWeave.", "CoreWeave", "Google", 1)
    undo(store, "Google")
    assert explain(store, "Google").entity.id != "cik:1652044"
    assert explain(store, "Alphabet Inc.").entity.id == "cik:1652044"


def test_undo_refuses_own_names_and_unmerged_names(make_ledger):
    store = make_ledger()
    _append(store, "Google invested in CoreWeave.", "CoreWeave", "Google", 1)
    with pytest.raises(InputError, match="own name"):
        undo(store, "CoreWeave")
    with pytest.raises(NotFoundError):
        undo(store, "Nothing Like It Corp")


def test_a_manual_merge_is_recorded_and_used_by_later_appends(make_ledger):
    store = make_ledger()
    _append(store, "Google invested in CoreWeave.", "CoreWeave", "Google", 1)
    merge(store, "CW Cloud", "CoreWeave")
    _append(store, "CW Cloud signed a contract.", "CW Cloud", "Google", 2)
    assert _subject_ids(store)["CW Cloud"] == "cik:1769628"
    assert resolver_for(store).resolve("CW Cloud").method == "manual"
    undo(store, "CW Cloud")
    assert explain(store, "CW Cloud").created
    with pytest.raises(NotFoundError):
        merge(store, "Anything", "No Such Entity")


def test_decisions_survive_reopening_the_ledger_file(tmp_path):
    from infraledger.ledger import open_ledger

    path = tmp_path / "l.duckdb"
    with open_ledger(path) as store:
        _append(store, "Google invested in Core Weave Inc.", "Core Weave Inc", "Google", 1)
        undo(store, "Core Weave Inc")
    with open_ledger(path, read_only=True) as store:
        assert explain(store, "Core Weave Inc").entity.id != "cik:1769628"
        assert [r["action"] for r in history(store)].count("undo") == 1
