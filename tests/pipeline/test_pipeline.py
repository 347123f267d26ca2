"""The ingest pipeline: shards in one transaction each, resumable, the same ledger on one core or a cluster."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.synthetic_filings import form_d_templates, unique_form_d
from click.testing import CliRunner

from infraledger.cli.main import cli
from infraledger.errors import LedgerLockedError
from infraledger.ingest import ingest_files
from infraledger.ledger import open_ledger
from infraledger.pipeline import run_pipeline
from infraledger.pipeline.executor import DaskExecutor, ProcessExecutor
from shared_data import FIXTURES

ARTICLES = {
    "a.txt": "Brightwave Robotics raised $30 million in a Series A led by Larch Partners on May 4, 2026.\n",
    "b.txt": "Harbor Grid agreed to acquire Voltline Systems for $410 million, the companies said on June 1, 2026.\n",
    "c.txt": "Quarry Compute signed a $2 billion cloud contract with Meridian AI on April 9, 2026.\n",
}
WHEN = "2026-07-01"


def _articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    return folder


def _filings(folder: Path, n: int) -> Path:
    unique_form_d(form_d_templates([FIXTURES / "sec" / "form-d"]), n, folder)
    return folder


def _opener(path: Path):
    return lambda: open_ledger(path)


def _facts(path: Path) -> list[tuple]:
    with open_ledger(path, read_only=True) as store:
        return sorted(store.backend.query("SELECT id, event_key, source_id, supersedes FROM facts"))


def test_text_documents_land_as_ingest_files_would_put_them(tmp_path):
    docs = _articles(tmp_path / "docs")
    result = run_pipeline(_opener(tmp_path / "p.duckdb"), [docs], kind="text", max_bytes=10_000, shard_size=2,
                          recorded_at=WHEN)
    assert result.read == 3 and [f.path for f in result.skipped] == [str(docs / "empty.txt")]
    assert result.shards_written == 2 and result.facts_added > 0
    with open_ledger(tmp_path / "plain.duckdb") as store:
        ingest_files(store, sorted(docs / n for n in ARTICLES), recorded_at=WHEN)
    assert _facts(tmp_path / "p.duckdb") == _facts(tmp_path / "plain.duckdb")
    with open_ledger(tmp_path / "p.duckdb", read_only=True) as store:
        assert store.backend.query("SELECT count(*) FROM documents")[0][0] == 3  # texts kept for the spans


def test_a_rerun_skips_every_shard_and_adds_nothing(tmp_path):
    folder = _filings(tmp_path / "d", 40)
    first = run_pipeline(_opener(tmp_path / "l.duckdb"), [folder], kind="filing", max_bytes=10**6, shard_size=8)
    assert first.read == 40 and first.shards_written == 5 and len(first.rows) == 40
    before = _facts(tmp_path / "l.duckdb")
    again = run_pipeline(_opener(tmp_path / "l.duckdb"), [folder], kind="filing", max_bytes=10**6, shard_size=8)
    assert again.shards_resumed == 5 and again.shards_written == 0 and again.read == 0
    assert _facts(tmp_path / "l.duckdb") == before


def test_a_crash_half_way_loses_nothing_and_the_rerun_adds_nothing_twice(tmp_path):
    folder = _filings(tmp_path / "d", 48)
    opened = {"n": 0}

    def crashing():
        opened["n"] += 1
        if opened["n"] == 4:  # the ledger is opened once per shard written: the fourth shard never lands
            raise KeyboardInterrupt
        return open_ledger(tmp_path / "l.duckdb")

    with pytest.raises(KeyboardInterrupt):
        run_pipeline(crashing, [folder], kind="filing", max_bytes=10**6, shard_size=8)
    with open_ledger(tmp_path / "l.duckdb", read_only=True) as store:
        assert len(store.shards_done()) == 3
    rest = run_pipeline(_opener(tmp_path / "l.duckdb"), [folder], kind="filing", max_bytes=10**6, shard_size=8)
    assert rest.shards_resumed == 3 and rest.shards_written == 3
    run_pipeline(_opener(tmp_path / "clean.duckdb"), [folder], kind="filing", max_bytes=10**6, shard_size=8)
    assert _facts(tmp_path / "l.duckdb") == _facts(tmp_path / "clean.duckdb")


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def test_killed_with_sigkill_then_resumed(tmp_path):
    folder = _filings(tmp_path / "d", 600)
    db = tmp_path / "l.duckdb"
    exe = Path(sys.executable).with_name("infraledger")
    proc = subprocess.Popen([str(exe), "--db", str(db), "edgar", "ingest", str(folder), "--shard-size", "10",
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    done = 0
    while done < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        try:
            with open_ledger(db, read_only=True, wait=0.05) as store:
                done = len(store.shards_done())
        except (LedgerLockedError, Exception):  # noqa: BLE001 - not created yet, or being written
            continue
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert workers, "the ingest ran on worker processes"
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers), "the workers ended with their writer"
    with open_ledger(db, read_only=True) as store:
        landed = len(store.shards_done())
    assert 0 < landed < 60, "killed half way"
    result = CliRunner().invoke(cli, ["--db", str(db), "edgar", "ingest", str(folder), "--shard-size", "10"])
    assert result.exit_code == 0, result.output
    assert f"{landed} shards already in the ledger" in result.stderr
    run_pipeline(_opener(tmp_path / "clean.duckdb"), [folder], kind="filing", max_bytes=10**6, shard_size=10)
    facts = _facts(db)
    assert facts == _facts(tmp_path / "clean.duckdb") and len(facts) == len({f[0] for f in facts}) == 600


def test_local_processes_and_a_dask_cluster_write_the_ledger_a_single_process_writes(tmp_path):
    distributed = pytest.importorskip("distributed")
    docs = _articles(tmp_path / "docs")
    filings = _filings(tmp_path / "d", 30)
    for kind, inputs in (("text", [docs]), ("filing", [filings])):
        run_pipeline(_opener(tmp_path / f"{kind}-one.duckdb"), inputs, kind=kind, max_bytes=10**6, shard_size=4,
                     recorded_at=WHEN)
        with ProcessExecutor(2) as pool:
            run_pipeline(_opener(tmp_path / f"{kind}-pool.duckdb"), inputs, kind=kind, max_bytes=10**6,
                         shard_size=4, executor=pool, recorded_at=WHEN)
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc, \
                distributed.Client(lc) as client:
            run_pipeline(_opener(tmp_path / f"{kind}-dask.duckdb"), inputs, kind=kind, max_bytes=10**6,
                         shard_size=4, executor=DaskExecutor(client), recorded_at=WHEN)
        one = _facts(tmp_path / f"{kind}-one.duckdb")
        assert one and one == _facts(tmp_path / f"{kind}-pool.duckdb") == _facts(tmp_path / f"{kind}-dask.duckdb")


def test_the_pipeline_writes_a_postgresql_ledger_as_a_duckdb_one(tmp_path, postgres_url):
    filings = _filings(tmp_path / "d", 24)
    docs = _articles(tmp_path / "docs")
    for inputs, kind in (([filings], "filing"), ([docs], "text")):
        run_pipeline(lambda: open_ledger(postgres_url), inputs, kind=kind, max_bytes=10**6, shard_size=5,
                     recorded_at=WHEN)
        run_pipeline(_opener(tmp_path / "l.duckdb"), inputs, kind=kind, max_bytes=10**6, shard_size=5,
                     recorded_at=WHEN)
    assert _facts(tmp_path / "l.duckdb") == _facts(postgres_url)
    again = run_pipeline(lambda: open_ledger(postgres_url), [filings], kind="filing", max_bytes=10**6, shard_size=5)
    assert again.shards_resumed == 5 and again.shards_written == 0
