"""Invariants of the ledger: append-only, as-of reads, idempotent reloads, atomic failed loads, conflicts."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import pytest

from infraledger.errors import InputError, LedgerLockedError, NotFoundError
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
    parse_money,
)

pytestmark = pytest.mark.both_backends

T1, T2, T3 = datetime(2026, 3, 1), datetime(2026, 3, 15), datetime(2026, 4, 1)


def deal(status: Status, amount: str | None = "$3 billion", when: str = "2025-11", target: str = "Acme Cloud") -> CandidateFact:
    return CandidateFact(type=FactType.ACQUISITION, subject=target,
                         counterparties=(Participant("Bigco Inc.", Role.ACQUIRER),),
                         amount=parse_money(amount) if amount else None, time=parse_label(when), status=status,
                         evidence="Bigco agreed to buy Acme Cloud", span=(0, 30))


def source(name: str, at: datetime) -> Source:
    return Source.new("press_release", content=name, title=name, recorded_at=at)


def test_reloading_the_same_source_adds_nothing(make_ledger):
    store = make_ledger()
    first = store.append(source("a", T1), [deal(Status.PENDING)])
    again = store.append(source("a", T1), [deal(Status.PENDING)])
    assert (first.facts_added, again.facts_added, again.facts_skipped) == (1, 0, 1)
    assert not again.source_added
    assert store.snapshot().count() == 1


def test_a_closing_is_a_new_fact_and_as_of_reads_show_each_state(make_ledger):
    store = make_ledger()
    store.append(source("announcement", T1), [deal(Status.PENDING)])
    store.append(source("closing", T3), [deal(Status.COMPLETED, when="2026-03-20")])
    before, after = store.snapshot("2026-03-20").events(), store.snapshot("2026-04-02").events()
    assert [(e.subject, e.status) for e in before] == [("Acme Cloud", Status.PENDING)]
    assert [(e.subject, e.status) for e in after] == [("Acme Cloud", Status.COMPLETED)]
    assert len(after[0].facts) == 2  # nothing overwritten: both states kept
    assert store.snapshot("2026-02-01").count() == 0


def test_a_correction_supersedes_without_deleting(make_ledger):
    store = make_ledger()
    store.append(source("first", T1), [deal(Status.PENDING, "$3 billion")])
    old = store.snapshot().facts()[0]
    store.append(source("erratum", T2), [deal(Status.PENDING, "$3.2 billion")], supersedes={0: old.id})
    assert [str(f.amount) for f in store.snapshot().facts()] == ["$3.2B"]
    assert [str(f.amount) for f in store.snapshot("2026-03-10").facts()] == ["$3B"]
    assert len(store.snapshot().facts(include_superseded=True)) == 2


def test_a_failed_load_leaves_the_ledger_as_it_was(make_ledger):
    store = make_ledger()
    store.append(source("a", T1), [deal(Status.PENDING)])
    bad = CandidateFact(type=FactType.IPO, subject="Oops", status=Status.COMPLETED)
    object.__setattr__(bad, "span", ("x", "y"))  # unstorable offsets: the insert fails mid-way

    with pytest.raises(ValueError):
        store.append_many([(source("b", T2), [deal(Status.COMPLETED, when="2026-03")], []),
                           (source("c", T2), [bad], [])])
    snap = store.snapshot()
    assert snap.count() == 1 and len(snap.sources()) == 1
    assert [e.name for e in snap.entities()] == ["Acme Cloud", "Bigco Inc."]


def test_sources_that_disagree_are_both_kept_and_shown_as_a_conflict(make_ledger):
    store = make_ledger()
    store.append(source("wire", T1), [deal(Status.PENDING, "$3 billion")])
    store.append(source("blog", T2), [deal(Status.PENDING, "$4.5 billion")])
    store.append(source("agrees", T2), [deal(Status.PENDING, "about $3.1 billion")])
    conflicts = store.snapshot().conflicts()
    assert len(conflicts) == 1
    assert conflicts[0].field == "amount"
    # "about $3.1B" agrees with "$3B" but not with "$4.5B": every disagreeing fact is listed
    assert sorted(conflicts[0].values) == ["$3B", "$4.5B", "about $3.1B"]
    assert store.snapshot("2026-03-10").conflicts() == []


def test_qualified_amounts_that_overlap_are_not_conflicts(make_ledger):
    store = make_ledger()
    store.append(source("x", T1), [deal(Status.COMPLETED, "more than $14 billion")])
    store.append(source("y", T2), [deal(Status.COMPLETED, "$14.2 billion")])
    assert store.snapshot().conflicts() == []


def test_filters_by_entity_type_and_valid_time(make_ledger):
    store = make_ledger()
    store.append(source("a", T1), [deal(Status.COMPLETED, when="2025-03"),
                                   deal(Status.COMPLETED, when="2026-02", target="Other Networks")])
    snap = store.snapshot()
    assert [f.subject for f in snap.facts(entity="Bigco")] == ["Acme Cloud", "Other Networks"]
    assert [f.subject for f in snap.facts(entity="Other Networks")] == ["Other Networks"]
    assert [f.subject for f in snap.facts(valid_from=parse_label("2026").start)] == ["Other Networks"]
    assert snap.facts(types=["ipo"]) == []
    with pytest.raises(NotFoundError):
        snap.facts(entity="Nobody Corp")


def test_entity_ids_are_stable_across_ledgers(make_ledger):
    a, b = make_ledger(), make_ledger(":memory:")
    for store in (a, b):
        store.append(source("a", T1), [deal(Status.PENDING)])
    assert [e.id for e in a.snapshot().entities()] == [e.id for e in b.snapshot().entities()]
    assert a.snapshot().facts()[0].id == b.snapshot().facts()[0].id


def test_a_second_writer_gets_a_clear_lock_error(make_ledger, tmp_path):
    path = tmp_path / "locked.duckdb"
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()",
                               str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        from infraledger.ledger import open_ledger
        with pytest.raises(LedgerLockedError, match="in use"):
            open_ledger(path, wait=0.2)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_opening_a_ledger_in_a_missing_folder_is_an_input_error(tmp_path):
    from infraledger.ledger import open_ledger
    with pytest.raises(InputError, match="folder does not exist"):
        open_ledger(tmp_path / "nope" / "x.duckdb")


def test_looking_up_a_company_honours_merges_and_their_undo(make_ledger):
    store = make_ledger()
    store.append(source("a", T1), [deal(Status.PENDING)])
    acme = store.snapshot().entity("Acme Cloud")
    with pytest.raises(NotFoundError):
        store.snapshot().entity("Roadrunner Compute")
    store.record_resolution("Roadrunner Compute", acme.id, "manual", None)
    assert store.snapshot().entity("Roadrunner Compute").id == acme.id
    store.record_resolution("Roadrunner Compute", acme.id, "manual", None, action="undo")
    with pytest.raises(NotFoundError):
        store.snapshot().entity("Roadrunner Compute")


def _raise(subject: str, subject_id: str | None = None, amount: str = "$40 million") -> CandidateFact:
    return CandidateFact(type=FactType.FUNDING_ROUND, subject=subject, subject_id=subject_id,
                         amount=parse_money(amount), time=parse_label("2025-06"), status=Status.COMPLETED)


def test_a_company_known_by_name_gains_its_cik_instead_of_a_second_entity(make_ledger):
    store = make_ledger()
    store.append(source("article", T1), [_raise("Quasar Fabrics")])
    filer = Entity.new("QUASAR FABRICS, INC.", cik=1234567, tickers=("QSF",))
    store.append(source("form d", T2), [_raise(filer.name, filer.id, "$41 million")], entities=[filer])
    snap = store.snapshot()
    found = [e for e in snap.entities() if "quasar" in e.name.lower()]
    assert len(found) == 1
    company = found[0]
    assert company.cik == 1234567 and "QSF" in company.tickers
    assert snap.entity("cik:1234567").id == snap.entity("QSF").id == company.id
    assert len(snap.facts(entity=company.id)) == 2
    assert any(d["name"] == filer.name and d["entity_id"] == company.id for d in store.resolutions())
    # Read as it stood before the filing, the company had no CIK yet.
    assert store.snapshot(T1).entity("Quasar Fabrics").cik is None


def test_a_name_only_entity_list_after_the_filing_adds_its_layers_to_the_filer(make_ledger):
    store = make_ledger()
    filer = Entity.new("Quasar Fabrics Inc", cik=1234567)
    store.append(source("form d", T1), [_raise(filer.name, filer.id)], entities=[filer])
    listed = Entity.new("Quasar Fabrics", layers=(Layer.NETWORKING,))
    store.append(source("list", T2), [_raise("Quasar Fabrics", listed.id, "$50 million")], entities=[listed])
    snap = store.snapshot()
    assert [e.id for e in snap.entities()] == [filer.id]
    assert snap.entity(filer.id).layers == (Layer.NETWORKING,)


def test_different_ciks_under_one_name_stay_two_entities(make_ledger):
    store = make_ledger()
    a, b = Entity.new("Quasar Fabrics Inc", cik=1), Entity.new("Quasar Fabrics Inc", cik=2)
    store.append(source("a", T1), [_raise(a.name, a.id)], entities=[a])
    store.append(source("b", T2), [_raise(b.name, b.id, "$9 million")], entities=[b])
    assert sorted(e.id for e in store.snapshot().entities()) == ["cik:1", "cik:2"]


def test_a_filing_that_names_a_known_company_differently_adds_to_it_and_loses_nothing(make_ledger):
    store = make_ledger()
    known = Entity.new("Quasar", cik=1234567, tickers=("QSR",), layers=(Layer.SILICON,))
    store.append(source("data file", T1), [_raise("Quasar", known.id)], entities=[known])
    filer = Entity.new("QUASAR CORP /DE/", cik=1234567)
    store.append(source("8-k", T2), [_raise(filer.name, filer.id, "$7 million")], entities=[filer])
    company = store.snapshot().entity("cik:1234567")
    assert company.name == "Quasar"
    assert company.layers == (Layer.SILICON,) and company.tickers == ("QSR",)
    assert "QUASAR CORP /DE/" in company.aliases


def test_batches_appended_together_count_as_appended_one_after_the_other(make_ledger):
    store = make_ledger()
    results = store.append_many([(source("wire", T1), [deal(Status.PENDING)], []),
                                 (source("blog", T2), [deal(Status.PENDING), deal(Status.COMPLETED, when="2026-03")], []),
                                 (source("wire", T1), [deal(Status.PENDING)], [])])
    assert [(r.facts_added, r.facts_skipped, r.source_added) for r in results] == [(1, 0, True), (2, 0, True),
                                                                                 (0, 1, False)]
    assert [r.entities_added for r in results] == [2, 0, 0]  # Acme Cloud and Bigco Inc., once
    assert store.snapshot().count() == 3 and len(store.snapshot().sources()) == 2
