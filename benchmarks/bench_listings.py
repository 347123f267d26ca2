"""Listing benchmark: the CLI's listings on a 1,000,000-fact ledger, each command as a user runs it.

Every figure is one whole command run in process (open the ledger read-only, query, print), the best
of three runs. The synthetic ledger has 10,000 entities, 1,000 sources, 333,334 events of three facts
each and hundreds of thousands of conflicts (its amounts are random).

Run: python -m benchmarks.bench_listings [--facts N] [--db PATH]
(``--db`` keeps the generated ledger at PATH and reuses it on the next run.)
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from infraledger.cli.main import cli
from infraledger.ledger import open_ledger
from infraledger.ledger.arrow_schema import RESOLUTION_SCHEMA, rows_to_table

from .synthetic import AS_OF, entity_rows, load_entities, synthetic_tables

COMMANDS = [
    ("events, first page (50 rows)", ["events"]),
    ("events, first page, --json", ["events", "--json"]),
    ("events, page at --offset 300000", ["events", "--offset", "300000"]),
    ("events --status pending, first page", ["events", "--status", "pending"]),
    ("events --company, first page", ["events", "--company", "Company 42"]),
    ("events --as-of, first page", ["events", "--as-of", AS_OF.date().isoformat()]),
    ("conflicts, first page", ["conflicts"]),
    ("show COMPANY, first page", ["show", "Company 42"]),
    ("entities, first page", ["entities"]),
    ("resolve decisions, first page", ["resolve", "decisions"]),
]


def build(path: Path, n: int, n_decisions: int) -> None:
    sources, facts = synthetic_tables(n)
    with open_ledger(path) as store:
        load_entities(store, entity_rows(), AS_OF.replace(year=2022))
        store.append_arrow(sources, facts)
        start = datetime(2024, 1, 1)
        decisions = [(f"Company {i} Inc.", f"n:company-{i}", "fuzzy", 90.0, "merge", None, start + timedelta(minutes=i))
                     for i in range(n_decisions)]
        with store.backend.transaction():
            store.backend.insert("resolutions", rows_to_table(decisions, RESOLUTION_SCHEMA))


def run(db: Path, args: list[str], repeat: int = 3) -> tuple[float, str]:
    runner = CliRunner()
    best, first_line = float("inf"), ""
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = runner.invoke(cli, ["--db", str(db), *args])
        best = min(best, time.perf_counter() - t0)
        if result.exit_code != 0:
            raise SystemExit(f"{' '.join(args)}: {result.output.strip()}")
        first_line = next((line.strip() for line in result.stdout.splitlines() if line.strip()), "")
    return best, first_line


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--decisions", type=int, default=10_000)
    ap.add_argument("--db", type=Path, help="Keep the ledger here (reused when it exists).")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "listings.duckdb"
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.facts, args.decisions)
            print(f"ledger of {args.facts:,} facts built in {time.perf_counter() - t0:.1f} s (not timed below)")
        for label, command in COMMANDS:
            seconds, title = run(db, command)
            print(f"{label:40s} {seconds:6.2f} s   {title[:70]}")
    print(f"peak memory (RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    main()
