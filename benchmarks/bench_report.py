"""Report benchmark: build the HTML report of a synthetic 1,000,000-fact ledger.

Run: python -m benchmarks.bench_report [--facts N]
Prints the time to build the report (analyses, charts, template) from an open ledger file,
the size of the page and the number of charts. The ledger is generated column-wise and loaded
with ``append_arrow``; that set-up is not part of the figure.
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
from infraledger.model import Entity, Layer
from infraledger.render import build_report

from .synthetic import AS_OF, load_entities, synthetic_tables

FOOTNOTE = '<li id="fn-'
LAYERS = [x for x in Layer if x not in (Layer.VENTURE, Layer.EXCHANGE)]


def entities(n: int = 10_000) -> list[Entity]:
    """The synthetic companies, each in one or two layers so the layer analyses have work to do."""
    return [Entity(id=f"n:company-{i}", name=f"Company {i}",
                   layers=(LAYERS[i % len(LAYERS)],) + ((LAYERS[(i // 7) % len(LAYERS)],) if i % 3 == 0 else ()))
            for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")
    sources, facts = synthetic_tables(args.facts)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        store = open_ledger(path)
        load_entities(store, entities(), AS_OF.replace(year=2022))  # benchmark set-up, not timed
        store.append_arrow(sources, facts)
        store.close()
        times, cpu, html = [], [], ""
        for _ in range(args.repeat):
            # a fresh open each time: nothing cached between runs
            with open_ledger(path, read_only=True) as store:
                t0, c0 = time.perf_counter(), time.process_time()
                html = build_report(store.snapshot(AS_OF), fmt="html")
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ledger: {args.facts:,} facts, 10,000 companies")
    print(f"report build:  best {min(times):.2f} s, runs {', '.join(f'{t:.2f}' for t in times)} s  (target < 5 s)")
    print(f"CPU time:      best {min(cpu):.2f} s (all threads; unlike wall time, not inflated by other work)")
    print(f"report:        {len(html) / 1e6:.2f} MB HTML, {html.count('<svg ')} inline SVG charts, "
          f"{html.count(FOOTNOTE)} footnotes")
    print(f"peak memory:   {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
