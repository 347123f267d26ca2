"""Backend benchmark: the same 1,000,000-fact ledger on DuckDB and on PostgreSQL, side by side.

Run: python -m benchmarks.bench_backends --postgres postgresql://user@127.0.0.1:5432/postgres [--facts N]

The PostgreSQL URL names a server whose user may create databases (a throwaway database is made and
dropped). For each backend it prints: bulk load (facts/s through ``append_arrow``: DuckDB's columnar
insert, PostgreSQL's COPY), an as-of read (the visible-fact count and the first page of events as of a
record date), a company timeline (``show`` of one company's facts), and the report build. On
PostgreSQL it also runs 8 writer processes at once, each appending small documents the way
``ingest`` does (one transaction per batch of documents), and prints their combined facts/s.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from infraledger.ledger import open_ledger
from infraledger.render import build_report

from .bench_report import entities
from .synthetic import AS_OF, load_entities, synthetic_tables

WRITER = textwrap.dedent("""
    import sys, time
    from infraledger.ledger import open_ledger
    from infraledger.model import CandidateFact, FactType, Participant, Role, Source, parse_money
    url, n, docs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    started = time.time()
    with open_ledger(url, wait=60) as store:
        for start in range(0, docs, 25):
            batch = [(Source.new("article", content=f"w{n} d{i}", title=f"Writer {n} document {i}"),
                      [CandidateFact(type=FactType.FUNDING_ROUND, subject=f"Company {(n * 7919 + i * 31 + k) % 10000}",
                                     amount=parse_money(f"${k + 1} million"), evidence="x", span=(0, 1),
                                     counterparties=(Participant(f"Fund {k}", Role.INVESTOR),)) for k in range(4)], [])
                     for i in range(start, min(start + 25, docs))]
            store.append_many(batch)
    print(started, time.time())
""")


def _timed(work) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = work()
    return time.perf_counter() - t0, out


def measure(address: str, sources, facts, label: str) -> None:
    with open_ledger(address) as store:
        load_entities(store, entities(), AS_OF.replace(year=2022))
        seconds, added = _timed(lambda: store.append_arrow(sources, facts))
    print(f"{label:10s} bulk load        {added:,} facts in {seconds:.1f} s = {added / seconds:,.0f} facts/s")
    with open_ledger(address, read_only=True) as store:
        seconds, n = _timed(lambda: store.snapshot(AS_OF).count())
        print(f"{label:10s} as-of count      {seconds:.2f} s ({n:,} facts visible as of {AS_OF.date()})")
        seconds, page = _timed(lambda: store.snapshot(AS_OF).event_page(limit=50))
        print(f"{label:10s} as-of events     {seconds:.2f} s (first page of {page.total:,} events)")
        seconds, timeline = _timed(lambda: store.snapshot().fact_page(entity="Company 42", limit=50))
        print(f"{label:10s} company timeline {seconds:.2f} s (first page of {timeline.total:,} facts of Company 42)")
        seconds, html = _timed(lambda: build_report(store.snapshot(AS_OF), fmt="html"))
        print(f"{label:10s} report build     {seconds:.2f} s ({len(html) / 1e6:.1f} MB HTML)")


def writers(address: str, processes: int, docs: int) -> None:
    open_ledger(address).close()
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, address, str(n), str(docs)], stdout=subprocess.PIPE, text=True)
             for n in range(processes)]
    spans = [tuple(map(float, p.communicate()[0].split())) for p in procs]
    if any(p.returncode for p in procs):
        raise SystemExit("a writer failed")
    seconds = time.perf_counter() - t0
    writing = max(end for _, end in spans) - min(start for start, _ in spans)  # without interpreter start-up
    with open_ledger(address, read_only=True) as store:
        n = store.snapshot().count()
    print(f"postgres   {processes} writers       {n:,} facts from {processes * docs:,} documents in {writing:.1f} s "
          f"of writing = {n / writing:,.0f} facts/s ({processes * docs / writing:,.0f} documents/s; {seconds:.1f} s "
          f"with starting the processes), nothing lost: {n == processes * docs * 4}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--postgres", help="URL of a PostgreSQL server whose user may create databases")
    ap.add_argument("--writer-docs", type=int, default=250, help="documents per concurrent writer")
    ap.add_argument("--writers-only", action="store_true", help="only the concurrent-writer figure")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    sources, facts = synthetic_tables(args.facts) if not args.writers_only else (None, None)
    if not args.writers_only:
        with tempfile.TemporaryDirectory() as tmp:
            measure(str(Path(tmp) / "bench.duckdb"), sources, facts, "duckdb")
    if not args.postgres:
        print("postgres   skipped: no --postgres URL")
        return
    import psycopg

    base = args.postgres.rsplit("/", 1)[0]
    runs = [("infraledger_bench", lambda url: measure(url, sources, facts, "postgres")),
            ("infraledger_bench_writers", lambda url: writers(url, 8, args.writer_docs))]
    for name, work in runs[1:] if args.writers_only else runs:
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        try:
            work(f"{base}/{name}")
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    main()
