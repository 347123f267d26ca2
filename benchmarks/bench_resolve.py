"""Entity-resolution benchmark: precision, recall and F1 of name matching; resolutions per second.

Matching is scored on tests/resolve/name_pairs.csv (built from SEC data by
benchmarks/build_name_pairs.py; labels from CIKs). Headline figures leave out renames, same-CIK
pairs whose names share no word ("Facebook Inc" / "Meta Platforms, Inc."): no name matcher can
find them, former-name data does. Speed is measured on a resolver that knows every SEC registrant
(about 8,000 entities), resolving the names of the pairs file: names it knows, and names that go
through fuzzy matching.

Run: python -m benchmarks.bench_resolve [--threshold T]
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import time
from collections import defaultdict
from pathlib import Path

from infraledger.model import Entity
from infraledger.resolve import NameMatcher, Resolver, SecDirectory
from infraledger.resolve.matcher import THRESHOLD

REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO / "tests" / "resolve" / "name_pairs.csv"
TICKERS = REPO.parent / "shared" / "data" / "sec" / "other" / "company_tickers.json"


def prf(rows: list[dict], scores: list[float], threshold: float) -> tuple[float, float, float, int, int, int]:
    tp = fp = fn = 0
    for r, s in zip(rows, scores):
        predicted, gold = s >= threshold, r["label"] == "same"
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    p = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    return p, rec, f1, tp, fp, fn


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")

    t0 = time.perf_counter()
    directory = SecDirectory(TICKERS)
    n_registrants = len(directory)
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    directory.by_name("x")
    t_index = time.perf_counter() - t0
    print(f"SEC directory: {n_registrants} registrants read in {t_load * 1000:.0f} ms, "
          f"name index built in {t_index * 1000:.0f} ms (on first name lookup)")

    with PAIRS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    matcher = NameMatcher(directory, threshold=args.threshold)
    t0 = time.perf_counter()
    scores = [matcher.compare(r["name_a"], r["name_b"]).score for r in rows]
    t_pairs = time.perf_counter() - t0
    renames = [i for i, r in enumerate(rows) if r["label"] == "same" and r["shares_word"] == "no"]
    rename_set = set(renames)
    keep = [i for i in range(len(rows)) if i not in rename_set]
    same = sum(r["label"] == "same" for r in rows)
    print(f"\nname pairs: {len(rows)} ({same} same, {len(rows) - same} different; "
          f"{len(renames)} renames sharing no word)  threshold {args.threshold:g}")
    p, r, f1, tp, fp, fn = prf([rows[i] for i in keep], [scores[i] for i in keep], args.threshold)
    print(f"  name variants (renames left out): P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    p, r, f1, tp, fp, fn = prf(rows, scores, args.threshold)
    print(f"  all pairs:                        P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    found = sum(scores[i] >= args.threshold for i in renames)
    print(f"  renames found by name alone: {found} of {len(renames)}")

    print("\n  by kind (renames left out):")
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i in keep:
        by_kind[rows[i]["kind"]].append(i)
    for kind, idx in sorted(by_kind.items()):
        label = rows[idx[0]]["label"]
        hits = sum((scores[i] >= args.threshold) == (label == "same") for i in idx)
        print(f"    {kind:28s} {label:9s} {hits:4d}/{len(idx):<4d} right")

    print("\n  threshold sweep (renames left out):")
    for t in (70, 75, 80, 84, 86, 88, 90, 92, 95):
        p, r, f1, *_ = prf([rows[i] for i in keep], [scores[i] for i in keep], t)
        print(f"    {t:5.1f}  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    print(f"\n  pair scoring: {len(rows) / t_pairs:,.0f} pairs/s")

    # Speed: a resolver knowing every registrant, resolving every name of the pairs file. The first
    # pass builds lazy indexes and caches; the second, on a fresh resolver, is the steady state.
    entities = [Entity.new(e.title, cik=e.cik, tickers=tuple(e.tickers)) for e in directory.entries()]
    for label in ("first pass", "steady state"):
        t0 = time.perf_counter()
        resolver = Resolver(entities, directory=directory, matcher=matcher)
        t_build = time.perf_counter() - t0
        names = sorted({r["name_a"] for r in rows} | {r["name_b"] for r in rows})
        known = [n for n in names if resolver.lookup(n) is not None]
        unknown = [n for n in names if resolver.lookup(n) is None]
        t0 = time.perf_counter()
        for n in known:
            resolver.resolve(n)
        t_known = time.perf_counter() - t0
        methods: dict[str, int] = defaultdict(int)
        t0 = time.perf_counter()
        for n in unknown:
            methods[resolver.resolve(n).method] += 1
        t_unknown = time.perf_counter() - t0
        total = len(known) + len(unknown)
        print(f"\nresolver over {len(entities)} entities, {label} (built in {t_build:.2f} s):")
        print(f"  known names (exact, alias, ticker): {len(known) / t_known:,.0f} resolutions/s ({len(known)} names)")
        print(f"  other names (fuzzy, SEC, new):      {len(unknown) / t_unknown:,.0f} resolutions/s "
              f"({len(unknown)} names: {dict(sorted(methods.items()))})")
        print(f"  all:                                {total / (t_known + t_unknown):,.0f} resolutions/s")


if __name__ == "__main__":
    main()
