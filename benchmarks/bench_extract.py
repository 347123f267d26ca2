"""Extraction benchmark: quality on the evaluation files, speed on ~3 KB documents, linearity, memory.

Run: python -m benchmarks.bench_extract [--backend rules] [--docs N]

Quality is scored by ``../shared/eval/score_events.py`` (event F1 on the reference article and on
the news-dev folder, counterparty F1 and dates right on matched events). Speed is measured in
this one process (one core): documents of 3 KiB are made by joining consecutive news-dev
documents, each read from text and extracted; CPU time is the figure (wall time also counts
waiting on a busy machine). Linearity times the reference article repeated 1x..16x and generated
deal paragraphs with new company names in each; peak memory is traced with tracemalloc on long
documents (read in 200 KB windows).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from infraledger.extract import extract_events, to_eval_record
from infraledger.model.events import DEAL_TYPES
from infraledger.sources.document import document_from_text, read_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL = SHARED / "eval"
SEED = SHARED / "seed" / "ai-infrastructure-boom-2026.txt"


def score(gold: Path, records: list[dict]) -> dict[str, str]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records)
    out = subprocess.run([sys.executable, str(EVAL / "score_events.py"), str(gold), fh.name],
                         capture_output=True, text=True, check=True).stdout
    Path(fh.name).unlink()
    figures = {"event F1": re.search(r"event F1 ([\d.]+)", out).group(1)}
    cp = re.search(r"P/R/F1 = ([\d.]+) / ([\d.]+) / ([\d.]+)", out)
    figures["counterparty F1"] = cp.group(3) if cp else "n/a"
    dates = re.search(r"dates right on matched events: (\d+)/(\d+)", out)
    figures["dates right"] = f"{dates.group(1)}/{dates.group(2)} ({int(dates.group(1)) / int(dates.group(2)):.0%})" \
        if dates else "n/a"
    status = re.search(r"status right on matched events: (\d+)/(\d+)", out)
    figures["status right"] = f"{status.group(1)}/{status.group(2)}" if status else "n/a"
    events = re.search(r"events: gold (\d+), predicted (\d+), matched (\d+); P ([\d.]+) R ([\d.]+)", out)
    figures["events"] = (f"gold {events.group(1)}, predicted {events.group(2)}, matched {events.group(3)}, "
                         f"P {events.group(4)} R {events.group(5)}")
    return figures


def quality(backend: str) -> None:
    seed = read_document(SEED)
    seed_records = [to_eval_record(f) for f in extract_events(seed, backend=backend) if f.type in DEAL_TYPES]
    news_records = []
    for path in sorted((EVAL / "news").glob("dev-*")):
        doc = read_document(path)
        news_records += [to_eval_record(f, path.name) for f in extract_events(doc, backend=backend)
                         if f.type in DEAL_TYPES]
    for label, gold, records in (("seed-gold (reference article)", EVAL / "seed-gold.jsonl", seed_records),
                                 ("news-dev-gold (25 news documents)", EVAL / "news-dev-gold.jsonl", news_records)):
        print(f"{label}:")
        for key, value in score(gold, records).items():
            print(f"  {key:16} {value}")


def three_kb_documents(n: int) -> list[str]:
    texts = [read_document(p).text for p in sorted((EVAL / "news").glob("dev-*"))]
    out = []
    i = 0
    while len(out) < n:
        text = ""
        while len(text.encode()) < 3072:
            text += texts[i % len(texts)] + "\n\n"
            i += 1
        out.append(text.encode()[:3072].decode("utf-8", "ignore"))  # 3 KiB
    return out


def speed(backend: str, n: int) -> None:
    docs = three_kb_documents(n)
    size = sum(len(d.encode()) for d in docs) / len(docs)
    extract_events(document_from_text(docs[0], name="warm.txt"), backend=backend)
    t0, c0 = time.perf_counter(), time.process_time()
    events = 0
    for k, text in enumerate(docs):
        events += len(extract_events(document_from_text(text, name=f"d{k}.txt"), backend=backend))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    words = sum(len(d.split()) for d in docs)
    # CPU time is the figure for "one core": wall time also counts waiting for a busy machine.
    print(f"speed (one process, one core): {n} documents of {size / 1000:.1f} KB on average; "
          f"{n / cpu:.0f} docs/s of CPU time ({words / cpu:,.0f} words/s), {n / elapsed:.0f} docs/s wall clock "
          f"({events} events)")


def linearity(backend: str) -> None:
    base = SEED.read_text(encoding="utf-8")
    print("linearity (reference article repeated; best of 3, CPU time):")
    first = None
    for times in (1, 2, 4, 8, 16):
        text = "\n\n".join([base] * times)
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            extract_events(document_from_text(text, name="long.txt"), backend=backend)
            best = min(best, time.process_time() - t0)
        per_kb = best * 1000 / (len(text.encode()) / 1000)
        first = first or per_kb
        print(f"  {times:2}x {len(text.encode()) / 1000:7.1f} KB  {best * 1000:8.1f} ms  {per_kb:6.2f} ms/KB "
              f"(x{per_kb / first:.2f} of 1x)")
    # Repeating one article repeats its names; this series has new names in every paragraph.
    print("linearity (generated deal paragraphs, every company new; best of 3, CPU time):")
    first = None
    for times in (1, 2, 4, 8, 16):
        text = distinct_names_text(40 * times)
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            extract_events(document_from_text(text, name="generated.txt"), backend=backend)
            best = min(best, time.process_time() - t0)
        per_kb = best * 1000 / (len(text.encode()) / 1000)
        first = first or per_kb
        print(f"  {times:2}x {len(text.encode()) / 1000:7.1f} KB  {best * 1000:8.1f} ms  {per_kb:6.2f} ms/KB "
              f"(x{per_kb / first:.2f} of 1x)")
    # Long documents are read in windows, so the memory an extraction takes stops growing with length.
    for label, text in (("16x reference article", "\n\n".join([base] * 16)),
                        ("generated, 0.5 MB", distinct_names_text(2000)),
                        ("generated, 1 MB", distinct_names_text(4000))):
        document = document_from_text(text, name="long.txt")
        tracemalloc.start()
        events = extract_events(document, backend=backend)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"peak memory extracting {label} ({len(text.encode()) / 1e6:.2f} MB of text, {len(events)} events): "
              f"{peak / 1e6:.1f} MB traced")


def distinct_names_text(paragraphs: int) -> str:
    """Deal paragraphs about made-up companies, a new pair of names in each one."""
    syllables = ["bra", "vel", "tor", "quin", "mar", "dax", "lio", "sen", "ko", "ru", "fen", "tal"]

    def name(k: int, suffix: str) -> str:
        word = "".join(syllables[(k // len(syllables) ** i) % len(syllables)] for i in range(3))
        return f"{word.capitalize()} {suffix}"

    out = []
    for k in range(paragraphs):
        company, investor = name(2 * k, "Systems"), name(2 * k + 1, "Capital")
        out.append(f"{company}, a maker of network switches, said on Tuesday it raised ${10 + k % 90} million in a "
                   f"Series B round led by {investor}. The company will hire engineers. {investor} also backed "
                   f"other startups this year, and analysts expect more rounds.")
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="rules")
    parser.add_argument("--docs", type=int, default=300, help="number of ~3 KB documents for the speed figure")
    args = parser.parse_args()
    quality(args.backend)
    speed(args.backend, args.docs)
    linearity(args.backend)


if __name__ == "__main__":
    main()
