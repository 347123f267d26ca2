"""Ledger benchmark: bulk load, as-of queries and a company timeline on a 1,000,000-fact DuckDB file.

Run: python -m benchmarks.bench_ledger [--facts N]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

from infraledger.ledger import open_ledger

from .synthetic import AS_OF, entity_rows, load_entities, synthetic_tables


def timed(label: str, fn, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--facts", type=int, default=1_000_000)
    args = ap.parse_args()
    n = args.facts
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    t0 = time.perf_counter()
    sources, facts = synthetic_tables(n)
    gen = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        store = open_ledger(path)
        load_entities(store, entity_rows(), AS_OF.replace(year=2022))  # benchmark set-up, not timed
        t0 = time.perf_counter()
        added = store.append_arrow(sources, facts)
        load = time.perf_counter() - t0
        assert added == n, (added, n)
        reload_t0 = time.perf_counter()
        again = store.append_arrow(sources, facts)
        reload = time.perf_counter() - reload_t0
        snap = store.snapshot(AS_OF)
        q_count, count = timed("count", snap.count)
        q_type, table = timed("type", lambda: snap.table(types=["acquisition"]))
        q_tl, timeline = timed("timeline", lambda: snap.facts(entity="Company 42"))
        size_mb = path.stat().st_size / 1e6
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"synthetic facts generated: {n:,} in {gen:.2f} s (not part of the load figure)")
    print(f"bulk load:            {load:.2f} s  = {n / load:,.0f} facts/s  (file {size_mb:,.0f} MB)")
    print(f"idempotent reload:    {reload:.2f} s  (added {again})")
    print(f"as-of count:          {q_count * 1000:.0f} ms  ({count:,} facts visible as of {AS_OF.date()})")
    print(f"as-of query by type:  {q_type * 1000:.0f} ms  ({table.num_rows:,} acquisitions, Arrow)")
    print(f"company timeline:     {q_tl * 1000:.0f} ms  ({len(timeline)} facts, hydrated)")
    print(f"peak memory (RSS):    {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
