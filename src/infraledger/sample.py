"""The bundled sample: the reference article's facts and the sourced market facts about its story."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .ledger import AppendResult, LedgerStore
from .ledger.datafile import load_datafile

SAMPLE_FILES = ("sample-article.json", "sample-market.json")


def sample_paths() -> list[Path]:
    """Paths of the bundled sample data files, article first."""
    base = resources.files("infraledger").joinpath("data")
    return [Path(str(base.joinpath(name))) for name in SAMPLE_FILES]


def load_sample(store: LedgerStore) -> list[AppendResult]:
    """Load the whole bundled sample into ``store`` (idempotent)."""
    results: list[AppendResult] = []
    for path in sample_paths():
        results += load_datafile(store, path)
    return results
