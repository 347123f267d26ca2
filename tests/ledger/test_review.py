"""Human review: accept, correct, reject, add; the ledger as of before a review reads as before it; the
queue of unreviewed machine-read facts; reviewer agreement; who reviewed what in exports and copies."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import datetime

import pyarrow.parquet as pq
import pytest

from infraledger.errors import InputError, LedgerError, NotFoundError
from infraledger.ledger import open_ledger
from infraledger.ledger.agreement import field_agreement
from infraledger.ledger.arrow_schema import FACT_SCHEMA
from infraledger.ledger.copy import copy_ledger
from infraledger.ledger.export import export
from infraledger.ledger.review import Review, ReviewAction
from infraledger.ledger.tokens import create_token, verify_token
from infraledger.model import CandidateFact, FactType, Participant, Role, Source, Status, parse_label, parse_money

pytestmark = pytest.mark.both_backends

T1, T2, T3, T4 = datetime(2026, 3, 1), datetime(2026, 3, 10), datetime(2026, 3, 20), datetime(2026, 3, 30)
TEXT = "Bigco agreed to buy Acme Cloud for $3 billion. Later news: Zeta Labs raised $40 million."


def deal(target: str = "Acme Cloud", amount: str = "$3 billion", confidence: float = 0.6,
         span: tuple[int, int] = (0, 46)) -> CandidateFact:
    return CandidateFact(type=FactType.ACQUISITION, subject=target,
                         counterparties=(Participant("Bigco Inc.", Role.ACQUIRER),), amount=parse_money(amount),
                         time=parse_label("2026-02"), status=Status.PENDING, evidence=TEXT[span[0]:span[1]], span=span,
                         confidence=confidence)


def machine_read(store, facts=None, name: str = "wire", at: datetime = T1):
    """Append a machine-read article with its text; return its facts as stored, in the order given."""
    facts = facts or [deal()]
    result = store.append(Source.new("article", content=name, title=name, recorded_at=at), facts, text=TEXT)
    stored = {f.subject: f for f in store.snapshot().facts(source_id=result.source_id)}
    return result.source_id, [stored[c.subject] for c in facts]


def test_an_acceptance_is_a_review_row_and_leaves_the_fact_as_it_is(make_ledger):
    store = make_ledger()
    _, [fact] = machine_read(store)
    done = store.review(fact.id, "accept", " alice ", note="checked", recorded_at=T2)
    assert done == Review(fact.id, ReviewAction.ACCEPT, "alice", T2, note="checked")
    assert store.snapshot().reviews() == [done]
    assert store.snapshot().facts() == [fact]
    assert store.snapshot().reviewed([fact.id, "f:none"]) == {fact.id: [done], "f:none": []}
    assert store.snapshot(T1).reviews() == [] and store.snapshot(T1).reviewed([fact.id]) == {fact.id: []}


def test_a_correction_supersedes_the_machine_read_and_as_of_reads_as_before(make_ledger):
    store = make_ledger()
    source_id, [machine] = machine_read(store)
    done = store.review(machine.id, ReviewAction.CORRECT, "alice",
                        correction=replace(deal(), amount=parse_money("$3.5 billion"), evidence="", span=None),
                        recorded_at=T2)
    [corrected] = store.snapshot().facts()
    assert done.action is ReviewAction.CORRECT and done.new_fact_id == corrected.id != machine.id
    assert (corrected.supersedes, corrected.source_id, corrected.confidence) == (machine.id, source_id, 1.0)
    assert str(corrected.amount) == "$3.5B" and corrected.recorded_at == T2
    assert (corrected.evidence, corrected.span) == (machine.evidence, machine.span)  # kept from the machine's
    assert corrected.subject_id == machine.subject_id and corrected.event_key == machine.event_key
    assert done.fields["amount"]["amount"] == "3500000000" and done.candidate().amount == corrected.amount
    assert store.snapshot().reviewed([corrected.id])[corrected.id] == [done]  # visible with its reviewer
    assert store.snapshot(T1).facts() == [machine] and store.snapshot(T1).reviews() == []
    assert {f.id for f in store.snapshot().facts(include_superseded=True)} == {machine.id, corrected.id}
    assert [(e.amount, len(e.facts)) for e in store.snapshot().events()] == [(corrected.amount, 1)]
    with pytest.raises(LedgerError, match="superseded"):
        store.review(machine.id, "accept", "bob")
    again = store.review(corrected.id, "accept", "bob", recorded_at=T3)  # the corrected fact can be reviewed
    assert [r.reviewer for r in store.snapshot().reviewed([corrected.id])[corrected.id]] == ["alice", "bob"]
    assert again.fact_id == corrected.id


def test_a_correction_that_renames_resolves_the_new_name(make_ledger):
    store = make_ledger()
    _, [machine] = machine_read(store)
    store.review(machine.id, "correct", "alice", correction=replace(machine, subject="Roadrunner Compute"),
                 recorded_at=T2)
    [corrected] = store.snapshot().facts()
    assert corrected.subject == "Roadrunner Compute" and corrected.subject_id != machine.subject_id
    assert store.snapshot().entity("Roadrunner Compute").id == corrected.subject_id
    assert store.snapshot(T1).facts() == [machine]


def test_a_correction_equal_to_the_original_is_an_acceptance(make_ledger):
    store = make_ledger()
    _, [machine] = machine_read(store)
    done = store.review(machine.id, "correct", "alice", correction=machine, recorded_at=T2)
    assert (done.action, done.new_fact_id, done.fields) == (ReviewAction.ACCEPT, None, {})
    assert store.snapshot().facts() == [machine]
    assert len(store.snapshot().facts(include_superseded=True)) == 1


def test_a_rejected_fact_is_gone_from_its_record_time_on(make_ledger):
    store = make_ledger()
    _, [kept, wrong] = machine_read(store, [deal(), deal("Zeta Labs", "$40 million", 0.4, (59, 88))])
    store.review(wrong.id, "reject", "bob", note="not a deal", recorded_at=T2)
    assert [f.id for f in store.snapshot().facts()] == [kept.id]
    assert store.snapshot().count() == 1 and len(store.snapshot().events()) == 1
    assert {f.id for f in store.snapshot(T1).facts()} == {kept.id, wrong.id}
    assert {f.id for f in store.snapshot().facts(include_superseded=True)} == {kept.id, wrong.id}
    with pytest.raises(LedgerError, match="rejected by bob"):
        store.review(wrong.id, "accept", "alice")
    # A later append of a fact of the same event does not bring the rejected one back.
    store.append(Source.new("article", content="other", title="other", recorded_at=T3), [deal("Zeta Labs", "$40 million")])
    assert wrong.id not in {f.id for f in store.snapshot().facts()}


def test_review_refuses_what_it_cannot_record(make_ledger):
    store = make_ledger()
    _, [fact] = machine_read(store)
    with pytest.raises(NotFoundError):
        store.review("f:nothing", "accept", "alice")
    with pytest.raises(InputError):
        store.review(fact.id, "accept", "  ")
    with pytest.raises(InputError):
        store.review(fact.id, "correct", "alice")  # no correction
    with pytest.raises(InputError):
        store.review(fact.id, "approve", "alice")
    with pytest.raises(InputError):
        store.review(fact.id, "accept", "alice", correction=deal())
    with pytest.raises(InputError):
        store.review(fact.id, "accept", "alice", recorded_at=datetime(2020, 1, 1))  # before the fact
    assert store.snapshot().reviews() == []


def test_a_read_only_ledger_refuses_reviews(tmp_path):
    with open_ledger(tmp_path / "l.duckdb") as store:
        _, [fact] = machine_read(store)
    with open_ledger(tmp_path / "l.duckdb", read_only=True) as store:
        with pytest.raises(LedgerError, match="read-only"):
            store.review(fact.id, "accept", "alice")
        with pytest.raises(LedgerError, match="read-only"):
            store.add_fact(fact.source_id, deal("Zeta Labs"), "alice")


def test_the_queue_lists_unreviewed_machine_reads_least_confident_first(make_ledger):
    store = make_ledger()
    a, a_facts = machine_read(store, [deal("One", confidence=0.9, span=(0, 5)), deal("Two", confidence=0.5, span=(10, 20)),
                                      deal("Three", confidence=0.7, span=(30, 40))], name="first")
    b, b_facts = machine_read(store, [deal("Four", confidence=0.5, span=(2, 8)), deal("Sure", confidence=1.0)],
                              name="second")
    snap = store.snapshot()
    by_conf = snap.review_queue()
    expected = sorted([f for f in a_facts + b_facts if f.confidence < 1],
                      key=lambda f: (f.confidence, f.source_id, f.span[0]))
    assert [f.subject for f in by_conf.items] == [f.subject for f in expected] and by_conf.total == 4
    assert [f.confidence for f in by_conf.items] == [0.5, 0.5, 0.7, 0.9]
    by_doc = snap.review_queue(order="document")
    assert [f.subject for f in by_doc.items] == [f.subject for f in sorted(expected, key=lambda f: (f.source_id, f.span[0]))]
    assert [f.subject for f in snap.review_queue(source_id=a).items] == ["Two", "Three", "One"]
    page = snap.review_queue(limit=2, offset=1)
    assert page.items == by_conf.items[1:3] and (page.total, page.rest) == (4, 1)
    assert snap.review_queue(offset=10).total == 4
    with pytest.raises(InputError):
        snap.review_queue(order="random")
    _, two, three = a_facts
    store.review(two.id, "accept", "alice", recorded_at=T2)
    store.review(three.id, "correct", "alice", correction=replace(three, amount=parse_money("$1 billion")), recorded_at=T2)
    after = store.snapshot().review_queue()
    assert [f.subject for f in after.items] == [f.subject for f in expected if f.subject not in ("Two", "Three")]
    assert store.snapshot(T1).review_queue().items == by_conf.items  # as of before the reviews


def test_a_reviewer_adds_a_fact_the_machine_missed(make_ledger):
    store = make_ledger()
    source_id, [machine] = machine_read(store)
    missed = CandidateFact(type=FactType.FUNDING_ROUND, subject="Zeta Labs", amount=parse_money("$40 million"),
                           time=parse_label("2026-02"), status=Status.COMPLETED, span=(59, 88), confidence=0.3)
    done = store.add_fact(source_id, missed, "carol", note="second sentence", recorded_at=T2)
    added = store.snapshot().fact(done.new_fact_id)
    assert (done.action, done.fact_id, done.reviewer) == (ReviewAction.ADD, added.id, "carol")
    assert (added.source_id, added.confidence, added.span, added.recorded_at) == (source_id, 1.0, (59, 88), T2)
    assert added.evidence == TEXT[59:88] == "Zeta Labs raised $40 million."  # the reviewer's selection
    assert store.snapshot().reviewed([added.id])[added.id] == [done]
    assert {f.id for f in store.snapshot().facts()} == {machine.id, added.id}
    assert [f.id for f in store.snapshot(T1).facts()] == [machine.id]
    assert [f.id for f in store.snapshot().review_queue().items] == [machine.id]
    with pytest.raises(NotFoundError):
        store.add_fact("src:nothing", missed, "carol")
    with pytest.raises(InputError, match="not a selection"):
        store.add_fact(source_id, replace(missed, subject="Other", span=(80, 500)), "carol")
    with pytest.raises(LedgerError, match="already holds"):
        store.add_fact(source_id, machine, "carol")


def test_agreement_counts_pairs_of_reviewers_per_field(make_ledger):
    store = make_ledger()
    _, facts = machine_read(store, [deal(name) for name in ("Xco", "Yco", "Zco", "Vco", "Uco")])
    x, y, z, v, u = facts
    for f in (x, y, z, v, u):
        store.review(f.id, "accept", "alice", recorded_at=T2)
    store.review(x.id, "accept", "bob", recorded_at=T3)  # x: both accept, all agree
    corrected = store.review(y.id, "correct", "bob", correction=replace(y, amount=parse_money("$4 billion")),
                             recorded_at=T3)  # y: the amount is read differently
    store.review(z.id, "reject", "bob", recorded_at=T3)  # z: only "kept" is compared, and differs
    store.review(v.id, "accept", "bob", recorded_at=T3)
    store.review(v.id, "reject", "alice", recorded_at=T4)  # v: alice's latest review counts
    store.review(corrected.new_fact_id, "accept", "carol", recorded_at=T4)  # y's correction: bob and carol agree
    assert field_agreement(store.snapshot()) == {
        "type": (3, 3), "subject": (3, 3), "counterparties": (3, 3), "amount": (2, 3), "date": (3, 3),
        "status": (3, 3), "kept": (3, 5)}
    # As of before bob's reviews, nothing was judged twice.
    assert set(field_agreement(store.snapshot(T2)).values()) == {(0, 0)}


def _csv_rows(path) -> list[dict]:
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def test_exports_name_the_reviewers_of_each_fact(make_ledger, tmp_path):
    store = make_ledger()
    _, [one, two] = machine_read(store, [deal("One"), deal("Two")])
    store.review(one.id, "accept", "alice", recorded_at=T2)
    store.review(one.id, "accept", "bob", recorded_at=T3)
    snap = store.snapshot()
    assert export(snap, tmp_path / "f.csv", "csv") == 2
    rows = {r["subject"]: r for r in _csv_rows(tmp_path / "f.csv")}
    assert (rows["One"]["reviewed_by"], rows["Two"]["reviewed_by"]) == ("alice,bob", "")
    assert list(rows["One"])[:-1] == list(FACT_SCHEMA.names) and list(rows["One"])[-1] == "reviewed_by"
    export(snap, tmp_path / "f.parquet", "parquet")
    table = pq.read_table(tmp_path / "f.parquet")
    assert table.schema.names == [*FACT_SCHEMA.names, "reviewed_by"]
    assert dict(zip(table.column("subject").to_pylist(), table.column("reviewed_by").to_pylist())) == {
        "One": "alice,bob", "Two": ""}
    export(snap, tmp_path / "f.json", "json")
    lines = [json.loads(line) for line in (tmp_path / "f.json").read_text().splitlines()]
    assert {d["subject"]: d["reviewed_by"] for d in lines} == {"One": "alice,bob", "Two": ""}
    export(store.snapshot(T1), tmp_path / "early.csv", "csv")
    assert {r["reviewed_by"] for r in _csv_rows(tmp_path / "early.csv")} == {""}


def test_a_copy_to_postgresql_keeps_reviews_documents_and_tokens(tmp_path, postgres_server):
    with open_ledger(tmp_path / "a.duckdb") as duck:
        source_id, [one, two] = machine_read(duck, [deal("One"), deal("Two")])
        duck.review(one.id, "correct", "alice", correction=replace(one, amount=parse_money("$2 billion")), recorded_at=T2)
        duck.review(two.id, "reject", "bob", recorded_at=T3)
        secret = create_token(duck, "web", "reviewer")
        with open_ledger(postgres_server.new_database()) as pg:
            result = copy_ledger(duck, pg)
            assert result.same and (result.rows["reviews"], result.rows["documents"], result.rows["tokens"]) == (2, 1, 1)
            for as_of in (None, T1, T2):
                a, b = duck.snapshot(as_of), pg.snapshot(as_of)
                assert b.reviews() == a.reviews() and b.facts() == a.facts() and b.review_queue() == a.review_queue()
            assert pg.snapshot().document_text(source_id) == TEXT
            assert verify_token(pg, secret).name == "web"
