"""Ingest pipeline benchmark: Form D filings and news texts end to end into a DuckDB ledger.

Cases (each a fresh ledger, wall time of the whole run in process, the write included):
- unique Form D notices (synthetic copies of real ones, new CIK and issuer each) with 1 and 2 local
  workers, and on a Dask LocalCluster of 1, 2 and 4 worker processes;
- 8-K submissions with their exhibits (the shared ones under new accession numbers), 1 and 2 workers;
- news articles (the shared news texts, each copy made unique), with 1 and 2 workers;
- a simulated year of Form D filings (``--year`` filings), with peak memory, then the same run killed
  half way (SIGKILL) and resumed: nothing lost, nothing twice.

Run: python -m benchmarks.bench_pipeline [--filings N] [--eightk N] [--news N] [--year N] [--skip-dask] [--only-8k]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from infraledger.ledger import open_ledger
from infraledger.pipeline import run_pipeline
from infraledger.pipeline.executor import DaskExecutor, Executor, ProcessExecutor

from .synthetic_filings import form_d_templates, unique_8k, unique_form_d

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def timed(db: Path, folder: Path, kind: str, executor: Executor, shard_size: int = 256) -> tuple[float, int, int]:
    t0 = time.perf_counter()
    r = run_pipeline(lambda: open_ledger(db), [folder], kind=kind, max_bytes=50_000_000, executor=executor,
                     shard_size=shard_size)
    return time.perf_counter() - t0, r.read, r.facts_added


def news_corpus(folder: Path, n: int) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval" / "news").glob("*.txt"))]
    if not texts:
        raise SystemExit(f"needs the shared news texts in {SHARED / 'eval' / 'news'}")
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"n{i:06d}.txt").write_text(texts[i % len(texts)] + f"\n(copy {i})\n", encoding="utf-8")
    return folder


def kill_and_resume(folder: Path, tmp: Path, total: int) -> str:
    db = tmp / "killed.duckdb"
    exe = Path(sys.executable).with_name("infraledger")
    proc = subprocess.Popen([str(exe), "--db", str(db), "edgar", "ingest", str(folder), "--shard-size", "256",
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    half = total // 2
    while proc.poll() is None:
        time.sleep(0.2)
        try:
            with open_ledger(db, read_only=True, wait=0.05) as store:
                if sum(r[0] for r in store.backend.query("SELECT items FROM ingest_shards")) >= half:
                    break
        except Exception:  # noqa: BLE001 - being written: look again
            continue
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with open_ledger(db, read_only=True) as store:
        landed = sum(r[0] for r in store.backend.query("SELECT items FROM ingest_shards"))
    t0 = time.perf_counter()
    with ProcessExecutor(2) as pool:
        r = run_pipeline(lambda: open_ledger(db), [folder], kind="filing", max_bytes=50_000_000, executor=pool,
                         shard_size=256)
    resumed = time.perf_counter() - t0
    with open_ledger(db, read_only=True) as store:
        n, distinct, sources = store.backend.query(
            "SELECT count(*), count(DISTINCT id), count(DISTINCT source_id) FROM facts")[0]
    return (f"killed after {landed:,} of {total:,} filings; resumed: {r.shards_resumed} shards skipped, "
            f"{r.read:,} filings read in {resumed:.1f} s; ledger: {n:,} facts, {distinct:,} distinct, "
            f"{sources:,} sources ({'nothing lost, nothing twice' if n == distinct == sources == total else 'MISMATCH'})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--filings", type=int, default=5000)
    ap.add_argument("--news", type=int, default=300)
    ap.add_argument("--eightk", type=int, default=1000, help="8-K submissions (copies of the shared ones).")
    ap.add_argument("--only-8k", action="store_true", help="Run the 8-K case alone.")
    ap.add_argument("--year", type=int, default=60_000)
    ap.add_argument("--skip-dask", action="store_true")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    templates = form_d_templates([REPO / "tests" / "fixtures" / "sec" / "form-d", SHARED / "data" / "sec" / "form-d"])
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        filings = tmp / "formd"
        unique_form_d(templates, 0 if args.only_8k else args.filings, filings)
        for workers in () if args.only_8k else (1, 2):
            with (Executor() if workers == 1 else ProcessExecutor(workers)) as ex:
                secs, n, facts = timed(tmp / f"fd{workers}.duckdb", filings, "filing", ex)
            print(f"Form D, {workers} worker(s): {n:,} filings in {secs:.1f} s = {n / secs:,.0f} filings/s "
                  f"({n / secs / workers:,.0f} per core), {facts:,} facts")
        if not (args.skip_dask or args.only_8k):
            import distributed

            for workers in (1, 2, 4):
                with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                              dashboard_address=None) as lc, distributed.Client(lc) as client:
                    secs, n, _ = timed(tmp / f"dask{workers}.duckdb", filings, "filing", DaskExecutor(client))
                print(f"Form D on a LocalCluster of {workers}: {n / secs:,.0f} filings/s "
                      f"({secs / n * 1e3:.2f} ms per filing)")
        eightk = sorted((SHARED / "data" / "sec" / "8-k").glob("*.txt"))
        if eightk and args.eightk:
            unique_8k([p.read_bytes() for p in eightk], args.eightk, tmp / "8k")
            for workers in (1, 2):
                with (Executor() if workers == 1 else ProcessExecutor(workers)) as ex:
                    secs, n, facts = timed(tmp / f"8k{workers}.duckdb", tmp / "8k", "filing", ex, shard_size=32)
                print(f"8-K with exhibits, {workers} worker(s): {n:,} filings in {secs:.1f} s = {n / secs:,.0f} "
                      f"filings/s, {facts:,} facts")
        if args.only_8k:
            return
        news = news_corpus(tmp / "news", args.news)
        for workers in (1, 2):
            with (Executor() if workers == 1 else ProcessExecutor(workers)) as ex:
                secs, n, facts = timed(tmp / f"news{workers}.duckdb", news, "text", ex, shard_size=32)
            print(f"news, {workers} worker(s): {n:,} documents in {secs:.1f} s = {n / secs:,.1f} documents/s, "
                  f"{facts:,} facts")
        if args.year:
            year = tmp / "year"
            unique_form_d(templates, args.year, year, start=10_000_000)
            with ProcessExecutor(2) as pool:
                secs, n, facts = timed(tmp / "year.duckdb", year, "filing", pool)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"a year of Form D, 2 workers: {n:,} filings in {secs:.1f} s = {n / secs:,.0f}/s; peak memory "
                  f"{rss:,.0f} MB (writer), {kids:,.0f} MB (largest worker)")
            print(kill_and_resume(year, tmp, args.year))


if __name__ == "__main__":
    main()
