"""The data-file format and the bundled sample."""

from __future__ import annotations

import json

import pytest

from infraledger.errors import ParseError
from infraledger.ledger.datafile import dump_datafile, load_datafile
from infraledger.ledger.export import export
from infraledger.model import FactType, Status, content_hash
from infraledger.sample import load_sample, sample_paths


def test_sample_holds_every_deal_of_the_reference_article(make_ledger, shared):
    store = make_ledger()
    load_sample(store)
    snap = store.snapshot("2026-03-30")
    # the sample names the reference article by content hash, so the audit can recognise it
    digest = content_hash((shared / "seed" / "ai-infrastructure-boom-2026.txt").read_bytes())
    article = next(s for s in snap.sources() if s.content_hash == digest)
    assert article.published.isoformat() == "2026-03-10"
    deals = snap.facts(source_id=article.id, types=["funding_round", "strategic_investment", "ipo", "acquisition",
                                                    "commercial_contract", "talent_move"])
    gold = [json.loads(line) for line in (shared / "eval" / "seed-gold.jsonl").read_text().splitlines() if line.strip()]
    for g in gold:
        assert any(f.type.value == g["type"] and f.subject.lower().startswith(g["subject"].lower()[:4])
                   and (g["amount_usd"] is None or (f.amount and float(f.amount.amount) == g["amount_usd"]))
                   for f in deals), g["id"]


def test_sample_spans_point_at_the_evidence_in_the_article(make_ledger, shared):
    store = make_ledger()
    load_sample(store)
    text = (shared / "seed" / "ai-infrastructure-boom-2026.txt").read_text(encoding="utf-8")
    snap = store.snapshot()
    article = next(s for s in snap.sources() if s.content_hash == content_hash(text))
    facts = snap.facts(source_id=article.id)
    assert facts and all(f.span for f in facts)
    netskope = next(f for f in facts if f.type is FactType.IPO and f.subject == "Netskope")
    assert "908.2" in text[netskope.span[0]:netskope.span[1]]


def test_sample_knows_the_article_was_stale_about_the_pending_deal(make_ledger):
    store = make_ledger()
    load_sample(store)
    status = {e.subject: e.status for e in store.snapshot("2026-03-01").events(types=["acquisition"])}
    assert status["Wiz"] is Status.PENDING
    status = {e.subject: e.status for e in store.snapshot("2026-03-30").events(types=["acquisition"])}
    assert status["Wiz"] is Status.COMPLETED


def test_dump_and_reload_round_trips_every_fact(make_ledger, tmp_path):
    store = make_ledger()
    load_sample(store)
    dump_datafile(store.snapshot(), tmp_path / "dump.json")
    other = make_ledger()
    load_datafile(other, tmp_path / "dump.json")
    assert sorted(f.id for f in other.snapshot().facts()) == sorted(f.id for f in store.snapshot().facts())


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ('{"format": "other"}', "not an infraledger data file"),
    ('{"format": "infraledger-data/1", "sources": [{"key": "a", "kind": "article"}], "facts": [{"source": "a", "type": "ipo"}]}', "facts\\[0\\]: missing field 'subject'"),
    ('{"format": "infraledger-data/1", "sources": [{"key": "a", "kind": "article"}], "facts": [{"source": "b", "type": "ipo", "subject": "X"}]}', "unknown source"),
    ('{"format": "infraledger-data/1", "sources": [{"key": "a", "kind": "article"}], "facts": [{"source": "a", "type": "merger", "subject": "X"}]}', "facts\\[0\\]"),
    ('{"format": "infraledger-data/1", "sources": [{"key": "a", "kind": "article"}], "facts": [{"source": "a", "type": "ipo", "subject": "X", "amount": "lots"}]}', "not a money phrase"),
])
def test_bad_data_files_give_one_clear_error_and_load_nothing(make_ledger, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    store = make_ledger()
    with pytest.raises(ParseError, match=message):
        load_datafile(store, path)
    assert store.snapshot().count() == 0


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_exports_write_every_fact(make_ledger, tmp_path, fmt):
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    store = make_ledger()
    load_sample(store)
    out = tmp_path / f"facts.{fmt}"
    n = export(store.snapshot(), out, fmt)
    assert n == store.snapshot().count()
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == n
    elif fmt == "csv":
        assert pacsv.read_csv(out).num_rows == n
    else:
        assert len(out.read_text().splitlines()) == n
    assert not list(tmp_path.glob("*.partial"))


def test_sample_files_are_shipped_in_the_package():
    assert [p.name for p in sample_paths()] == ["sample-article.json", "sample-market.json"]
    assert all(p.is_file() for p in sample_paths())
