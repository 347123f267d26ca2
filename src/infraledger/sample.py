"""The bundled sample: the reference article's facts and the sourced market facts about its story."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from .ledger import AppendResult, LedgerStore

#: The sample's parts: the article's own facts, and market facts each from its own public source.
SAMPLE_PARTS = {"article": "sample-article.json", "market": "sample-market.json"}


def sample_paths(parts: str = "all") -> list[Path]:
    """Paths of the bundled sample data files of ``parts`` ("all", "article" or "market"), article first."""
    if parts != "all" and parts not in SAMPLE_PARTS:
        raise InputError(f"no sample part '{parts}' (choose all, {', '.join(SAMPLE_PARTS)})")
    base = resources.files("infraledger").joinpath("data")
    return [Path(str(base.joinpath(name))) for part, name in SAMPLE_PARTS.items() if parts in ("all", part)]


def sample_text_paths() -> list[Path]:
    """Made-up press releases that come with the tool: text for the extractor, the source page and the review queue."""
    base = resources.files("infraledger").joinpath("data", "sample-texts")
    return sorted(Path(str(base.joinpath(p.name))) for p in base.iterdir() if p.name.endswith(".txt"))


def load_sample(store: LedgerStore, parts: str = "all") -> list[AppendResult]:
    """Load the bundled sample (or one part of it) into ``store`` (idempotent)."""
    from .ledger.datafile import load_datafile  # imported on use: it loads the fact model

    results: list[AppendResult] = []
    for path in sample_paths(parts):
        results += load_datafile(store, path)
    return results
