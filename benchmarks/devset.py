"""The news-dev evaluation set as the benchmarks and the confidence fit see it.

Reads ``../shared/eval`` at run time (its texts are never copied here): the documents, their gold
events, the genre each document was written in (the genre column of ``news/SOURCES.md``, mapped to a
short list of genres by :data:`GENRES`) and which predictions the official scorer would match.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
from functools import cache
from pathlib import Path
from types import ModuleType

from infraledger.config import load_settings
from infraledger.extract import extract_events, to_eval_record
from infraledger.model.events import DEAL_TYPES
from infraledger.model.facts import CandidateFact
from infraledger.sources.document import read_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL = SHARED / "eval"
NEWS = EVAL / "news"
SEED = SHARED / "seed" / "ai-infrastructure-boom-2026.txt"
#: The first 25 documents were read while the grammar was written; the rest came later.
FIRST_PART = {f"dev-{k:02d}" for k in range(1, 26)}

#: Genre by keyword, first match wins, tried on the lower-cased genre column of ``SOURCES.md``.
#: The order settles documents that name two genres: the carrier before the content ("press
#: release as HTML page" is an HTML page, "8-K exhibit press release" a filing exhibit, "markdown
#: article with a table of IPOs" a table), the form before the topic ("look-back feature; IPO
#: filing as non-event" is a feature, "executive-moves column with background IPOs" people moves).
GENRES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern)) for name, pattern in (
    ("social post", r"social"),
    ("table / markdown", r"\btable\b|markdown"),
    ("filing exhibit", r"\b8-k\b|exhibit|10-q|10-k"),
    ("HTML page", r"\bhtml\b"),
    ("people moves", r"executive|talent|people moves|licence-and-hire|acqui-hire"),
    ("analysis / feature", (r"analys|analyst|commentary|opinion|feature|look-back|retrospective|timeline|"
                           r"explainer|year-in-review|interview|earnings-call|rumour|speculation")),
    ("IPO news", r"\bipo\b|\bspac\b|listing|first-day-of-trading"),
    ("roundup / newsletter", r"newsletter|roundup|round-up|\bwrap\b|recap|deals this week"),
    ("press release / company post", r"press release|blog post|announcement"),
))

#: Settings from the environment (INFRALEDGER_EXTRACT_PARSE=off measures the surface grammar alone).
SETTINGS = load_settings()
#: What a document whose genre names none of the keywords is: short briefs, follow-ups, wire stories.
DEFAULT_GENRE = "news story"


def genre_of(description: str) -> str:
    """The genre for one genre description from ``SOURCES.md``."""
    text = description.lower()
    return next((name for name, pattern in GENRES if pattern.search(text)), DEFAULT_GENRE)


def genre_descriptions(sources_md: Path = NEWS / "SOURCES.md") -> dict[str, str]:
    """Document file name -> its genre description, from the tables in ``SOURCES.md``."""
    out = {}
    for line in sources_md.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| dev-"):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) >= 2:
            out[cells[0]] = cells[1]
    return out


def document_genres(sources_md: Path = NEWS / "SOURCES.md") -> dict[str, str]:
    """Document file name -> genre (see :data:`GENRES`)."""
    return {doc: genre_of(text) for doc, text in genre_descriptions(sources_md).items()}


def in_first_part(doc: str) -> bool:
    return doc.split(".")[0] in FIRST_PART


def dev_paths() -> list[Path]:
    return sorted(NEWS.glob("dev-*"))


def extract_deals(path: Path, backend: str = "rules") -> list[CandidateFact]:
    """The deal events the named backend extracts from one file."""
    return [f for f in extract_events(read_document(path), backend=backend, settings=SETTINGS) if f.type in DEAL_TYPES]


def dev_predictions(backend: str = "rules") -> list[tuple[CandidateFact, dict]]:
    """Every deal event extracted from the dev documents, with its evaluation record (``doc`` set)."""
    out = []
    for path in dev_paths():
        out += [(f, to_eval_record(f, path.name)) for f in extract_deals(path, backend)]
    return out


@cache
def scorer() -> ModuleType:
    """The official ``score_events.py``, imported from the shared folder."""
    spec = importlib.util.spec_from_file_location("score_events", EVAL / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def matched(gold: list[dict], pred: list[dict]) -> list[bool]:
    """For each prediction, whether the official scorer's one-to-one matching pairs it with a gold event.

    The loop is the scorer's own (``score_events.score``), which prints its figures instead of
    returning the pairs; its name, amount and date tests are used as they are.
    """
    se = scorer()
    unmatched = list(range(len(pred)))
    hit = [False] * len(pred)
    for g in sorted(gold, key=lambda e: e.get("amount_usd") in (None, 0)):
        candidates = [i for i in unmatched
                      if pred[i].get("type") == g.get("type")
                      and (g.get("doc") is None or pred[i].get("doc") == g.get("doc"))
                      and se.same_name(pred[i].get("subject"), g.get("subject"))
                      and se.amount_ok(g.get("amount_usd"), pred[i].get("amount_usd"))]
        candidates.sort(key=lambda i: ((pred[i].get("amount_usd") is None) != (g.get("amount_usd") is None),
                                       se.date_ok(g.get("date"), pred[i].get("date")) is False))
        if candidates:
            unmatched.remove(candidates[0])
            hit[candidates[0]] = True
    return hit


def dev_gold() -> list[dict]:
    return scorer().load(str(EVAL / "news-dev-gold.jsonl"))


#: Confidence bins of the reliability table: [0, 0.2), [0.2, 0.4), ..., [0.8, 1.0].
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def reliability(confidences: list[float], correct: list[bool]) -> list[tuple[str, int, float | None, float | None]]:
    """Per confidence bin: its label, how many facts fell in it, their mean confidence and the share correct."""
    rows = []
    for k, (low, high) in enumerate(itertools.pairwise(BINS)):
        last = k == len(BINS) - 2
        members = [ok for c, ok in zip(confidences, correct) if low <= c < high or (last and c == high)]
        inside = [c for c in confidences if low <= c < high or (last and c == high)]
        rows.append((f"{low:.1f}-{high:.1f}", len(members), sum(inside) / len(inside) if inside else None,
                     sum(members) / len(members) if members else None))
    return rows


def print_reliability(title: str, confidences: list[float], correct: list[bool], indent: str = "  ") -> None:
    """The reliability table, with the Brier score (mean squared gap between confidence and outcome)."""
    brier = sum((c - ok) ** 2 for c, ok in zip(confidences, correct)) / len(correct) if correct else float("nan")
    print(f"{indent}{title}: {len(correct)} facts, {sum(correct)} correct, Brier {brier:.3f}")
    print(f"{indent}  {'confidence':10} {'facts':>5} {'mean conf':>9} {'correct':>7}")
    for label, n, mean, share in reliability(confidences, correct):
        print(f"{indent}  {label:10} {n:5} {'' if mean is None else f'{mean:.2f}':>9} "
              f"{'' if share is None else f'{share:.2f}':>7}")
