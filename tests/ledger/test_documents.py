"""Document text: stored once per source beside its facts, read as of a time; ingest stores the text the
spans index; a ledger of the first schema opens and migrates unchanged."""

from __future__ import annotations

from datetime import datetime

import pytest

from infraledger.errors import InputError
from infraledger.ingest import ingest_files
from infraledger.ledger import migrations, open_ledger
from infraledger.ledger.copy import SINCE
from infraledger.model import CandidateFact, FactType, Source, parse_money

pytestmark = pytest.mark.both_backends

T1, T2 = datetime(2026, 3, 1), datetime(2026, 3, 15)
ARTICLE = """Quasar Fabrics raises $120 million to build optical interconnects

SAN FRANCISCO, March 3, 2026 -- Quasar Fabrics, a startup designing optical interconnects for AI data
centers, said on Tuesday it has raised $120 million in a Series B round led by Northwind Ventures.

Separately, Helios Compute agreed to acquire Tinyco Networks for $450 million, the companies said.
"""


def raise_(subject: str = "Zeta Labs") -> CandidateFact:
    return CandidateFact(type=FactType.FUNDING_ROUND, subject=subject, amount=parse_money("$40 million"),
                         evidence="Zeta Labs raised $40 million", span=(0, 28), confidence=0.8)


def source(name: str, at: datetime = T1) -> Source:
    return Source.new("article", content=name, title=name, recorded_at=at)


def test_a_documents_text_is_stored_once_and_read_as_of(make_ledger):
    store = make_ledger()
    text = "Zeta Labs raised $40 million from — unicode too — Northwind."
    result = store.append(source("a"), [raise_()], text=text)
    again = store.append(source("a"), [raise_()], text="something else")
    assert again.facts_added == 0
    snap = store.snapshot()
    assert snap.document_text(result.source_id) == text
    assert store.backend.query("SELECT count(*) FROM documents")[0][0] == 1
    assert store.snapshot(datetime(2026, 2, 1)).document_text(result.source_id) is None
    assert snap.document_text("src:unknown") is None
    plain = store.append(source("b", T2), [raise_("Other")])  # no text given: none stored
    assert store.snapshot().document_text(plain.source_id) is None


def test_append_many_takes_batches_with_and_without_text(make_ledger):
    store = make_ledger()
    a, b, c = source("a"), source("b"), source("c")
    results = store.append_many([(a, [raise_("A")], (), "text of a"), (b, [raise_("B")], ()),
                                 (c, [raise_("C")], [], None)])
    assert [r.facts_added for r in results] == [1, 1, 1]
    snap = store.snapshot()
    assert [snap.document_text(s.id) for s in (a, b, c)] == ["text of a", None, None]
    with pytest.raises(InputError, match="a batch is"):
        store.append_many([(a, [raise_("A")])])
    store.append_many([(b, [raise_("B")], (), "text of b, given later")])  # a source without text gains it
    assert store.snapshot().document_text(b.id) == "text of b, given later"


def test_ingest_stores_the_text_its_spans_index(make_ledger, tmp_path):
    path = tmp_path / "quasar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    store = make_ledger()
    [done] = ingest_files(store, [path], recorded_at=T1)
    snap = store.snapshot()
    text = snap.document_text(done.source_id)
    assert text is not None and "Northwind Ventures" in text
    facts = snap.facts(source_id=done.source_id)
    assert len(facts) == done.added >= 2
    for f in facts:
        assert f.span is not None and text[f.span[0]:f.span[1]] == f.evidence
        assert 0 < f.confidence < 1  # machine-read: these wait in the review queue
    assert {f.id for f in snap.review_queue().items} == {f.id for f in facts}
    ingest_files(store, [path], recorded_at=T2)
    assert store.backend.query("SELECT count(*) FROM documents")[0][0] == 1


def test_a_ledger_of_the_first_schema_opens_and_migrates(make_ledger, monkeypatch):
    shipped = migrations.available
    monkeypatch.setattr(migrations, "available", lambda package: [m for m in shipped(package) if m[0] == 1])
    old = make_ledger()
    assert old.schema_version == 1
    old.append(source("a"), [raise_()])
    address = old.path
    old.close()
    monkeypatch.setattr(migrations, "available", shipped)
    with open_ledger(address, read_only=True) as reader:  # read-only: not migrated, reads as before
        assert reader.schema_version == 1
        snap = reader.snapshot()
        [fact] = snap.facts()
        assert snap.reviews() == [] and snap.document_text(fact.source_id) is None
        assert [f.id for f in snap.review_queue().items] == [fact.id]
    with open_ledger(address) as store:
        assert store.schema_version == max(SINCE.values())
        assert store.snapshot().facts() == [fact]
        done = store.review(fact.id, "reject", "alice")
        assert store.snapshot().facts() == [] and store.snapshot().reviews() == [done]
        assert store.backend.query("SELECT max(version), count(*) FROM schema_version")[0] == (max(SINCE.values()), max(SINCE.values()))


def test_a_ledger_of_the_first_schema_read_only_copies_into_a_new_one(tmp_path, monkeypatch):
    from infraledger.ledger.copy import copy_ledger

    shipped = migrations.available
    monkeypatch.setattr(migrations, "available", lambda package: [m for m in shipped(package) if m[0] == 1])
    with open_ledger(tmp_path / "old.duckdb") as old:
        old.append(source("a"), [raise_()])
    monkeypatch.setattr(migrations, "available", shipped)
    with open_ledger(tmp_path / "old.duckdb", read_only=True) as old, open_ledger(tmp_path / "new.duckdb") as new:
        result = copy_ledger(old, new)
        assert result.same and result.rows["facts"] == 1 and result.rows["reviews"] == 0
        assert new.snapshot().facts() == old.snapshot().facts()
