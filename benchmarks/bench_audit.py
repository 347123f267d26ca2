"""Audit benchmark: claims audited per second on a long text against a 1,000,000-fact ledger.

The ledger is a DuckDB file holding N synthetic facts about 10,000 companies (bulk-loaded with
``append_arrow``) plus the audit test fixture documents; the text is the reference article followed
by generated paragraphs about the synthetic companies, so most claims have ledger facts to check.

Run: python -m benchmarks.bench_audit [--facts N] [--paragraphs P]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import tempfile
import time
from pathlib import Path

from infraledger.audit.api import audit_document
from infraledger.audit.reading import document_from_text
from infraledger.ledger import open_ledger
from infraledger.ledger.datafile import load_datafile

from .synthetic import entity_rows, load_entities, synthetic_tables

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "ai-infrastructure-boom-2026.txt"
FIXTURES = ROOT / "tests" / "audit" / "fixtures" / "ledger"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def long_text(paragraphs: int, seed: int = 3) -> str:
    """The reference article plus generated paragraphs of deal claims about the synthetic companies."""
    rng = random.Random(seed)
    parts = [SEED.read_text(encoding="utf-8") if SEED.exists() else "Published March 10, 2026"]
    for _ in range(paragraphs):
        a, b, c = (rng.randrange(10_000) for _ in range(3))
        year, month = rng.choice([2022, 2023, 2024, 2025]), rng.choice(MONTHS)
        parts.append(
            f"Company {a} raised ${rng.randint(5, 900)} million in {month} {year} in a round led by Company {b} "
            f"(Source: Company {a} press release). Company {c} completed its acquisition of Company {b} for "
            f"${rng.randint(1, 40)}.{rng.randint(1, 9)} billion in {year} (Source: Company {c} 8-K). "
            f"Shares of Company {a} were trading around ${rng.randint(5, 300)} by {month} {year + 1}.")
    return "\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--paragraphs", type=int, default=200)
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    sources, facts = synthetic_tables(args.facts)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_ledger(Path(tmp) / "bench.duckdb")
        load_entities(store, entity_rows(), facts.column("recorded_at")[0].as_py().replace(year=2022))  # set-up
        t0 = time.perf_counter()
        store.append_arrow(sources, facts)
        for f in sorted(FIXTURES.glob("*.json")):
            load_datafile(store, f)
        load = time.perf_counter() - t0
        snap = store.snapshot()
        total = snap.count()
        text = long_text(args.paragraphs)
        doc = document_from_text(text)
        t0 = time.perf_counter()
        report = audit_document(doc, snap)
        elapsed = time.perf_counter() - t0
        store.close()
    n = len(report.verdicts)
    with_evidence = sum(1 for cv in report.verdicts if cv.evidence)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ledger: {total:,} facts (bulk load {load:.1f} s, not part of the figure)")
    print(f"text: {len(text):,} characters, {n} claims ({with_evidence} with ledger evidence), "
          f"{len(report.opinions)} opinions")
    print(f"audit: {elapsed:.2f} s = {n / elapsed:,.1f} claims/s")
    print("verdicts: " + ", ".join(f"{k} {v}" for k, v in report.counts().items()))
    print(f"peak memory (RSS): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
