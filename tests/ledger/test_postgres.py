"""What only a shared PostgreSQL ledger must show: many writers at once, readers beside them, the
database keeping the ledger append-only, and the same answers as a DuckDB ledger of the same history."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import datetime, timedelta

import pytest

from infraledger.errors import LedgerError
from infraledger.ledger import open_ledger
from infraledger.ledger.copy import SINCE, copy_ledger
from infraledger.model import CandidateFact, FactType, Participant, Role, Source, Status, parse_label, parse_money
from infraledger.sample import load_sample

psycopg = pytest.importorskip("psycopg", reason="needs psycopg (pip install 'infraledger[postgres]')")

T0 = datetime(2026, 6, 1)


def _deal(status: Status, amount: str, when: str) -> CandidateFact:
    return CandidateFact(type=FactType.ACQUISITION, subject="Tinyco", counterparties=(Participant("Megacorp", Role.ACQUIRER),),
                         amount=parse_money(amount), time=parse_label(when), status=status, evidence="x", span=(0, 1))


def _history(store) -> None:
    """The sample, then a later closing, a correction of its price, and a retraction (the deal called off)."""
    load_sample(store)
    store.append(Source.new("press_release", content="announce", title="Megacorp to buy Tinyco", recorded_at=T0),
                 [_deal(Status.ANNOUNCED, "$900 million", "2026-05-30")])
    closing = store.append(Source.new("article", content="close", title="Megacorp closes Tinyco deal",
                                      recorded_at=T0 + timedelta(days=30)), [_deal(Status.COMPLETED, "$950 million", "2026-06-28")])
    wrong = next(f for f in store.snapshot().facts(source_id=closing.source_id))
    store.append(Source.new("article", content="correction", title="Correction: Tinyco price",
                            recorded_at=T0 + timedelta(days=31)), [_deal(Status.COMPLETED, "$900 million", "2026-06-28")],
                 supersedes={0: wrong.id})
    store.append(Source.new("article", content="retraction", title="Megacorp and Tinyco call off deal",
                            recorded_at=T0 + timedelta(days=60)), [_deal(Status.TERMINATED, "$900 million", "2026-07-29")])


def _answers(store) -> list:
    out = []
    for as_of in (None, "2026-01-15", T0 + timedelta(days=1), T0 + timedelta(days=30, hours=1),
                  T0 + timedelta(days=31, hours=1), T0 + timedelta(days=61)):
        snap = store.snapshot(as_of)
        out.append((snap.count(), [(e.key, e.status, str(e.amount), len(e.facts)) for e in snap.events()],
                    [(c.key, c.field, c.values) for c in snap.conflicts()], sorted(e.id for e in snap.entities()),
                    [f.id for f in snap.facts(types=[FactType.ACQUISITION]) if f.subject == "Tinyco"]))
    return out


def test_the_same_history_gives_the_same_answers_on_both_backends(tmp_path, postgres_url):
    with open_ledger(tmp_path / "l.duckdb") as duck, open_ledger(postgres_url) as pg:
        _history(duck)
        _history(pg)
        answers = _answers(duck)
        assert answers == _answers(pg)
        assert answers[-1][1] != answers[2][1]  # the history did change what is known


def test_a_ledger_moves_from_duckdb_to_postgresql_and_back(tmp_path, postgres_server):
    with open_ledger(tmp_path / "a.duckdb") as duck:
        _history(duck)
        expected = _answers(duck)
        with open_ledger(postgres_server.new_database()) as pg:
            assert copy_ledger(duck, pg).same and _answers(pg) == expected
            with open_ledger(tmp_path / "b.duckdb") as back:
                assert copy_ledger(pg, back).same and _answers(back) == expected


def test_the_database_refuses_to_change_or_delete_ledger_rows(postgres_url):
    with open_ledger(postgres_url) as store:
        load_sample(store)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        for statement in ("UPDATE facts SET amount = 1", "DELETE FROM sources", "TRUNCATE resolutions"):
            with pytest.raises(psycopg.Error, match="append-only"):
                conn.execute(statement)
        conn.execute("SET ROLE infraledger_writer")
        conn.execute("INSERT INTO resolutions (name, entity_id, method, score, action, source_id, recorded_at) "
                     "VALUES ('x', 'y', 'manual', NULL, 'merge', NULL, now())")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE entities SET name = 'changed'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM facts")


def test_the_review_tables_are_append_only_too(postgres_url):
    from infraledger.ledger.tokens import create_token

    with open_ledger(postgres_url) as store:
        load_sample(store)
        fact = store.snapshot().facts()[0]
        store.review(fact.id, "accept", "alice")
        create_token(store, "web", "reader")
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        for statement in ("UPDATE reviews SET action = 'reject'", "DELETE FROM tokens", "TRUNCATE documents"):
            with pytest.raises(psycopg.Error, match="append-only"):
                conn.execute(statement)
        conn.execute("SET ROLE infraledger_writer")
        conn.execute("INSERT INTO reviews (fact_id, action, reviewer, recorded_at) VALUES ('f:x', 'accept', 'bob', now())")
        assert conn.execute("SELECT count(*) FROM tokens").fetchone()[0] == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM reviews")


WRITER = textwrap.dedent("""
    import sys
    from infraledger.ledger import open_ledger
    from infraledger.model import CandidateFact, FactType, Source, parse_money
    from infraledger.sample import load_sample
    url, n = sys.argv[1], int(sys.argv[2])
    with open_ledger(url, wait=30) as store:
        load_sample(store)  # every writer appends the same documents ...
        for i in range(20):  # ... and twenty of its own
            source = Source.new("article", content=f"writer {n} doc {i}", title=f"Writer {n} doc {i}")
            store.append(source, [CandidateFact(type=FactType.FUNDING_ROUND, subject=f"Startup {n}-{i}",
                                                amount=parse_money("$5 million"), evidence="x", span=(0, 1))])
""")


def test_eight_writers_at_once_lose_nothing_and_duplicate_nothing(postgres_url, tmp_path):
    with open_ledger(tmp_path / "alone.duckdb") as alone:
        load_sample(alone)
        sample_facts, sample_sources = alone.snapshot().count(), len(alone.snapshot().sources())
    open_ledger(postgres_url).close()  # an existing, migrated ledger; concurrent migration has its own test
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, postgres_url, str(n)], stderr=subprocess.PIPE)
               for n in range(8)]
    for w in writers:
        assert w.wait(timeout=240) == 0, w.stderr.read().decode()[-2000:]
    with open_ledger(postgres_url, read_only=True) as store:
        snap = store.snapshot()
        assert snap.count() == sample_facts + 8 * 20
        assert len(snap.sources()) == sample_sources + 8 * 20
        for table, key in (("facts", "id"), ("sources", "id"), ("entities", "id, version")):
            dupes = store.backend.query(f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY {key} "
                                        "HAVING count(*) > 1) d")[0][0]
            assert dupes == 0, table


def test_new_processes_opening_a_new_ledger_at_once_migrate_it_once(postgres_url):
    script = "import sys; from infraledger.ledger import open_ledger; open_ledger(sys.argv[1], wait=30).close()"
    procs = [subprocess.Popen([sys.executable, "-c", script, postgres_url], stderr=subprocess.PIPE) for _ in range(6)]
    assert all(p.wait(timeout=120) == 0 for p in procs), [p.stderr.read().decode()[-500:] for p in procs]
    with psycopg.connect(postgres_url) as conn:
        rows, versions, latest = conn.execute("SELECT count(*), count(DISTINCT version), max(version) "
                                              "FROM schema_version").fetchone()
        assert rows == versions == latest == max(SINCE.values())  # each migration applied once


def test_a_reader_sees_the_ledger_before_or_after_a_write_never_half(postgres_url):
    with open_ledger(postgres_url) as store:
        load_sample(store)
        before = store.snapshot().count()
    writer = open_ledger(postgres_url)
    batches = [(Source.new("article", content=f"doc {i}", title=f"Doc {i}"),
                [CandidateFact(type=FactType.FUNDING_ROUND, subject=f"Newco {i}", amount=parse_money("$1 million"),
                               evidence="x", span=(0, 1))], []) for i in range(50)]
    reader = open_ledger(postgres_url, read_only=True)
    assert reader.snapshot().count() == before
    with writer.backend.transaction():
        writer.append_many(batches)
        during = open_ledger(postgres_url, read_only=True)
        assert during.snapshot().count() == before  # the write has not landed: none of it is seen
    assert reader.snapshot().count() == before  # one command reads one state throughout
    with open_ledger(postgres_url, read_only=True) as after:
        assert after.snapshot().count() == before + 50  # the whole write, once landed
    for store in (writer, reader, during):
        store.close()


def test_a_bad_address_is_one_line_without_the_password():
    with pytest.raises(LedgerError) as caught:
        open_ledger("postgresql://someone:s3cret-pw@127.0.0.1:1/nowhere", wait=0)
    message = str(caught.value)
    assert "s3cret-pw" not in message and "\n" not in message and "postgresql://someone@127.0.0.1:1/nowhere" in message


def test_a_large_load_rebuilds_the_indexes_and_a_failed_one_keeps_them(postgres_url, monkeypatch):
    import pyarrow as pa

    from infraledger.ledger.arrow_schema import SOURCE_SCHEMA
    from infraledger.ledger.backends.postgres import backend as pg

    monkeypatch.setattr(pg, "BULK_ROWS", 10)  # a small ledger stands for a large one
    no_sources = SOURCE_SCHEMA.empty_table()

    def indexes(store) -> list[str]:
        return sorted(r[0] for r in store.backend.query("SELECT indexname FROM pg_indexes WHERE tablename = 'facts'"))

    def renamed(table: pa.Table, prefix: str) -> pa.Table:
        ids = pa.array([f"{prefix}{i}" for i in range(table.num_rows)], pa.string())
        return table.set_column(table.schema.get_field_index("id"), "id", ids)

    with open_ledger(postgres_url) as store:
        before = indexes(store)
        load_sample(store)
        sample = store.snapshot().table()
        assert store.append_arrow(no_sources, renamed(sample, "f:bulk-")) == sample.num_rows  # the bulk path
        assert indexes(store) == before and len(before) >= 3
        count = store.snapshot().count()
        broken = renamed(sample, "f:broken-")
        broken = broken.set_column(broken.schema.get_field_index("subject"), "subject",
                                   pa.array([None] * broken.num_rows, pa.string()))  # NOT NULL: the load fails
        with pytest.raises(LedgerError, match="nothing was changed"):
            store.append_arrow(no_sources, pa.concat_tables([broken] * 3))
        assert indexes(store) == before and store.snapshot().count() == count


def test_two_reviewers_correcting_one_fact_at_once_take_turns(postgres_url):
    import threading
    from dataclasses import replace

    with open_ledger(postgres_url) as store:
        store.append(Source.new("article", content="a", title="a", recorded_at=T0),
                     [replace(_deal(Status.ANNOUNCED, "$900 million", "2026-05-30"), confidence=0.5)])
        [fact] = store.snapshot().facts()
    first, second = open_ledger(postgres_url), open_ledger(postgres_url)
    outcome: list = []

    def other_reviewer() -> None:
        try:
            second.review(fact.id, "correct", "bob", correction=replace(fact, amount=parse_money("$800 million")))
            outcome.append("recorded")
        except LedgerError as exc:
            outcome.append(str(exc))

    try:
        with first.backend.transaction():
            first.review(fact.id, "correct", "alice", correction=replace(fact, amount=parse_money("$950 million")))
            thread = threading.Thread(target=other_reviewer)
            thread.start()
            thread.join(0.5)
            assert thread.is_alive()  # waits for alice's review to land
        thread.join(10)
        assert len(outcome) == 1 and "superseded" in outcome[0]
        [kept] = first.snapshot().facts()
        assert str(kept.amount) == "$950M" and [r.reviewer for r in first.snapshot().reviews()] == ["alice"]
    finally:
        first.close()
        second.close()
