"""Extraction benchmark: quality on the evaluation files (overall, per genre, per event type), confidence
reliability, recall on two research corpora, speed on ~3 KB documents, linearity, memory.

Run: python -m benchmarks.bench_extract [--backend rules] [--docs N] [--skip-quality] [--skip-speed] [--genres]
     [--sentivent PATH/dataset_event_type.tsv] [--reuters DIR/reuters21578 [--split test|train] [--reuters-limit N]]

Quality is scored by ``../shared/eval/score_events.py``, run as a program on gold and predicted event
files: the reference article, the 65 news-dev documents together and in parts (dev-01..25, read while
the grammar was written; dev-26..65, added later), per genre (the genre column of
``news/SOURCES.md`` mapped to a short list by ``benchmarks/devset.py``) and per event type, each
by scoring gold and predictions filtered to those documents or that type. The reliability table
bins every extracted event by :func:`infraledger.extract.confidence.score` and gives the share the
scorer matches, on each part of the dev set.

``--sentivent`` and ``--reuters`` read two public research corpora from the paths given (see
``benchmarks/corpora.py``; they are not part of this repository): per-type recall on SENTiVENT's
annotated sentences and its false-event rate, and acquisition detection (stories with topic ``acq``)
on a ModApte split of Reuters-21578.

Speed is measured in this one process (one core): documents of 3 KiB are made by joining consecutive
news-dev documents, each read from text and extracted; CPU time is the figure (wall time also counts
waiting on a busy machine): one document at a time (``extract_events``), all of them at once
(``extract_many``, which parses the sentences of many documents together, as the ingest pipeline does
for a shard) and, in the same run, by the surface grammar alone. Linearity times the reference article repeated 1x..16x and generated
deal paragraphs with new company names in each; peak memory is traced with tracemalloc on long
documents (read in 200 KB windows).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from dataclasses import replace
from pathlib import Path

from infraledger.config import load_settings
from infraledger.extract import BATCHED, extract_events, extract_many, to_eval_record
from infraledger.extract.confidence import score as confidence
from infraledger.model.events import DEAL_TYPES
from infraledger.model.fuzzytime import FuzzyTime
from infraledger.sources.document import document_from_text, read_document

from .corpora import SENTIVENT_DEAL_TYPES, SENTIVENT_TYPES, read_reuters, read_sentivent
from .devset import (
    EVAL,
    SEED,
    dev_gold,
    dev_paths,
    document_genres,
    extract_deals,
    genre_descriptions,
    in_first_part,
    matched,
    print_reliability,
)

#: Settings from the environment (INFRALEDGER_EXTRACT_PARSE=off measures the surface grammar alone).
SETTINGS = load_settings()


def _write(records: list[dict]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records)
    return fh.name


def run_scorer(gold: list[dict] | Path, records: list[dict]) -> dict[str, str]:
    """The official scorer's figures for ``records`` against ``gold`` (a file, or gold events to write to one)."""
    gold_file = str(gold) if isinstance(gold, Path) else _write(gold)
    pred_file = _write(records)
    try:
        out = subprocess.run([sys.executable, str(EVAL / "score_events.py"), gold_file, pred_file],
                             capture_output=True, text=True, check=True).stdout
    finally:
        Path(pred_file).unlink()
        if not isinstance(gold, Path):
            Path(gold_file).unlink()
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
    figures.update(gold=events.group(1), predicted=events.group(2), matched=events.group(3),
                   P=events.group(4), R=events.group(5))
    return figures


_SHOWN = ("event F1", "counterparty F1", "dates right", "status right", "events")


def _print_figures(label: str, figures: dict[str, str]) -> None:
    print(f"{label}:")
    for key in _SHOWN:
        print(f"  {key:16} {figures[key]}")


def quality(backend: str) -> None:
    """Overall, per part, per genre and per type figures, and the confidence reliability table."""
    t0 = time.perf_counter()
    seed = read_document(SEED)
    seed_records = [to_eval_record(f) for f in extract_events(seed, backend=backend, settings=SETTINGS) if f.type in DEAL_TYPES]
    _print_figures("seed-gold (reference article)", run_scorer(EVAL / "seed-gold.jsonl", seed_records))

    gold = dev_gold()
    facts, records = [], []
    for path in dev_paths():
        for fact in extract_deals(path, backend):
            facts.append(fact)
            records.append(to_eval_record(fact, path.name))
    docs = [p.name for p in dev_paths()]
    _print_figures(f"news-dev-gold ({len(docs)} news documents)", run_scorer(EVAL / "news-dev-gold.jsonl", records))
    parts = {"dev-01..25": {d for d in docs if in_first_part(d)}, "dev-26..65": {d for d in docs if not in_first_part(d)}}
    for label, members in parts.items():
        _print_figures(f"news-dev-gold, {label} ({len(members)} documents)",
                       run_scorer([g for g in gold if g["doc"] in members], [r for r in records if r["doc"] in members]))

    genres = document_genres()
    print("per genre (genre column of news/SOURCES.md, keyword mapping in benchmarks/devset.py):")
    groups = {genre: {d for d in docs if genres.get(d) == genre} for genre in sorted(set(genres.values()))}
    _breakdown("genre", groups, lambda members, e: e["doc"] in members, gold, records, parts)
    print("per event type:")
    types = {t.value: t.value for t in sorted(DEAL_TYPES)}
    _breakdown("type", types, lambda t, e: e["type"] == t, gold, records, parts, count_docs=False)

    hits = matched(gold, records)
    scores = [confidence(f) for f in facts]
    print("confidence reliability (infraledger.extract.confidence, share of events the scorer matches; the shipped\n"
          "model is fitted on all 65 documents, so both parts are in sample; tools/fit_confidence.py prints\n"
          "held-out figures, each part scored by a fit on the other and five-fold by document):")
    for label, members in parts.items():
        chosen = [k for k, r in enumerate(records) if r["doc"] in members]
        print_reliability(label, [scores[k] for k in chosen], [hits[k] for k in chosen])
    print(f"quality figures took {time.perf_counter() - t0:.1f} s")


def _breakdown(kind: str, groups: dict, keep, gold: list[dict], records: list[dict], parts: dict,
               count_docs: bool = True) -> None:
    """One row per group: overall counts, P, R, F1, and the F1 on each part of the dev set."""
    header = f"  {kind:30} {'docs':>4} {'gold':>4} {'pred':>4} {'match':>5} {'P':>5} {'R':>5} {'F1':>5}"
    print(header + "".join(f" {'F1 ' + label:>14}" for label in parts))
    for name, key in groups.items():
        g = [e for e in gold if keep(key, e)]
        p = [e for e in records if keep(key, e)]
        figures = run_scorer(g, p)
        docs = len(key) if count_docs else len({e["doc"] for e in g} | {e["doc"] for e in p})
        row = (f"  {name:30} {docs:4} {figures['gold']:>4} {figures['predicted']:>4} {figures['matched']:>5} "
               f"{figures['P']:>5.5} {figures['R']:>5.5} {figures['event F1']:>5.5}")
        for members in parts.values():
            gp = [e for e in g if e["doc"] in members]
            pp = [e for e in p if e["doc"] in members]
            row += f" {run_scorer(gp, pp)['event F1'] if gp or pp else '-':>14}"
        print(row)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def sentivent(path: Path, backend: str) -> None:
    """Per-type recall on SENTiVENT sentences with a deal label, and the false-event rate on the others."""
    t0, c0 = time.perf_counter(), time.process_time()
    labelled: Counter = Counter()
    found: Counter = Counter()
    gold_labelled: Counter = Counter()
    gold_found: Counter = Counter()
    plain = plain_false = 0
    false_types: Counter = Counter()
    n = 0
    for sentence in read_sentivent(path):
        n += 1
        doc = document_from_text(sentence.text, name=f"{sentence.document}-{sentence.index}")
        types = {f.type for f in extract_events(doc, backend=backend, settings=SETTINGS) if f.type in DEAL_TYPES}
        for label, wanted in SENTIVENT_TYPES.items():
            if label in sentence.labels:
                labelled[label] += 1
                found[label] += bool(types & wanted)
                if sentence.dataset == "gold":
                    gold_labelled[label] += 1
                    gold_found[label] += bool(types & wanted)
        if not sentence.is_deal:
            plain += 1
            plain_false += bool(types)
            false_types.update(t.value for t in types)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"SENTiVENT ({path}): {n} sentences, each extracted as its own document")
    print(f"  {'label':22} {'our types':54} {'sentences':>9} {'found':>5} {'recall':>6}   "
          f"{'gold part':>9} {'found':>5} {'recall':>6}")
    for label, wanted in SENTIVENT_TYPES.items():
        r = found[label] / labelled[label] if labelled[label] else 0.0
        gr = gold_found[label] / gold_labelled[label] if gold_labelled[label] else 0.0
        print(f"  {label:22} {', '.join(sorted(t.value for t in wanted)):54} {labelled[label]:9} {found[label]:5} "
              f"{r:6.3f}   {gold_labelled[label]:9} {gold_found[label]:5} {gr:6.3f}")
    print(f"  false-event rate: {plain_false} of {plain} sentences with no deal label "
          f"({', '.join(sorted(SENTIVENT_DEAL_TYPES))}) gave a deal event: {plain_false / max(plain, 1):.4f}"
          + (f" ({', '.join(f'{t} {k}' for t, k in false_types.most_common())})" if false_types else ""))
    print(f"  time: {elapsed:.1f} s wall, {cpu:.1f} s CPU ({n / max(cpu, 1e-9):.0f} sentences/s); "
          f"peak RSS {_peak_rss_mb():.0f} MB")


def reuters(folder: Path, split: str, backend: str, limit: int | None = None) -> None:
    """Acquisition detection on a ModApte split: label = topic ``acq``, prediction = any acquisition event."""
    t0, c0 = time.perf_counter(), time.process_time()
    tp = fp = fn = tn = 0
    other_deals = 0
    # The topic also covers stake purchases, which the ledger types as strategic investments: the
    # same detection counting those too (a second figure; the first is the one targeted).
    stake = Counter()
    n = 0
    for story in read_reuters(folder, split):
        if limit is not None and n >= limit:
            break
        n += 1
        published = FuzzyTime.day(story.date.date(), text=story.date.strftime("%d %b %Y")) if story.date else None
        doc = document_from_text(story.text, name=f"reuters-{story.newid}.txt", title=story.title,
                                 published=published)
        types = {f.type.value for f in extract_events(doc, backend=backend, settings=SETTINGS) if f.type in DEAL_TYPES}
        predicted, actual = "acquisition" in types, "acq" in story.topics
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
        tn += not (predicted or actual)
        other_deals += bool(types - {"acquisition"}) and not actual
        either = predicted or "strategic_investment" in types
        stake["tp"] += either and actual
        stake["fp"] += either and not actual
        stake["fn"] += actual and not either
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"Reuters-21578 ({folder}), ModApte {split} split: {n} stories, {tp + fn} with topic acq")
    print(f"  acquisition detection: TP {tp}, FP {fp}, FN {fn}, TN {tn}; P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"  stories without topic acq that gave another deal event: {other_deals}")
    sp = stake["tp"] / max(stake["tp"] + stake["fp"], 1)
    sr = stake["tp"] / max(stake["tp"] + stake["fn"], 1)
    print(f"  counting strategic investments (stakes) as detections too: P {sp:.3f} R {sr:.3f} "
          f"F1 {2 * sp * sr / max(sp + sr, 1e-9):.3f}")
    print(f"  time: {elapsed:.1f} s wall, {cpu:.1f} s CPU ({n / max(cpu, 1e-9):.0f} stories/s); "
          f"peak RSS {_peak_rss_mb():.0f} MB")


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
    words = sum(len(d.split()) for d in docs)
    runs = [("", SETTINGS, False)]
    if backend in BATCHED:
        # The same documents given to extract_many at once (as the ingest pipeline gives a shard).
        runs.append(("the same documents read together (extract_many): ", SETTINGS, True))
    if SETTINGS.extract_parse and backend == "rules":
        # The same documents read by the surface grammar alone, in the same run: the ratio of the two
        # figures is what a change to the parse is judged by on a shared machine.
        runs.append(("surface grammar alone (no parse): ", replace(SETTINGS, extract_parse=False), False))
    for label, settings, together in runs:
        extract_events(document_from_text(docs[0], name="warm.txt"), backend=backend, settings=settings)
        t0, c0 = time.perf_counter(), time.process_time()
        documents = [document_from_text(text, name=f"d{k}.txt") for k, text in enumerate(docs)]
        if together:
            found = extract_many(documents, backend=backend, settings=settings)
        else:
            found = [extract_events(document, backend=backend, settings=settings) for document in documents]
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        events = sum(len(facts) for facts in found)
        # CPU time is the figure for "one core": wall time also counts waiting for a busy machine.
        print(f"{label or 'speed, one document at a time (one process, one core): '}{n} documents of "
              f"{size / 1000:.1f} KB on average; {n / cpu:.0f} docs/s of CPU time ({words / cpu:,.0f} words/s), "
              f"{n / elapsed:.0f} docs/s wall clock ({events} events)")


def linearity(backend: str) -> None:
    base = SEED.read_text(encoding="utf-8")
    print("linearity (reference article repeated; best of 3, CPU time):")
    first = None
    for times in (1, 2, 4, 8, 16):
        text = "\n\n".join([base] * times)
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            extract_events(document_from_text(text, name="long.txt"), backend=backend, settings=SETTINGS)
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
            extract_events(document_from_text(text, name="generated.txt"), backend=backend, settings=SETTINGS)
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
        events = extract_events(document, backend=backend, settings=SETTINGS)
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="rules")
    parser.add_argument("--docs", type=int, default=300, help="number of ~3 KB documents for the speed figure")
    parser.add_argument("--skip-quality", action="store_true", help="leave out the evaluation-set figures")
    parser.add_argument("--skip-speed", action="store_true", help="leave out speed, linearity and memory")
    parser.add_argument("--genres", action="store_true", help="print which genre each dev document was given")
    parser.add_argument("--sentivent", type=Path, metavar="PATH",
                        help="SENTiVENT's data/processed/dataset_event_type.tsv")
    parser.add_argument("--reuters", type=Path, metavar="DIR", help="folder of Reuters-21578's reut2-*.sgm files")
    parser.add_argument("--split", choices=("train", "test"), default="test", help="ModApte split (default test)")
    parser.add_argument("--reuters-limit", type=int, metavar="N", help="only the first N stories of the split")
    args = parser.parse_args(argv)
    if args.genres:
        descriptions = genre_descriptions()
        for doc, genre in document_genres().items():
            print(f"{doc:12} {genre:30} {descriptions[doc][:70]}")
    if not args.skip_quality:
        quality(args.backend)
    if args.sentivent:
        sentivent(args.sentivent, args.backend)
    if args.reuters:
        reuters(args.reuters, args.split, args.backend, args.reuters_limit)
    if not args.skip_speed:
        speed(args.backend, args.docs)
        linearity(args.backend)


if __name__ == "__main__":
    main()
