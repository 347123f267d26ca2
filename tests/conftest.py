"""Shared test fixtures: paths of the real data, and one ledger factory.

Small public data (SEC filings and EDGAR data files, public domain) is in ``tests/fixtures``. The
larger shared data set (the reference article, evaluation texts, the whole SEC filing set) is
``../shared`` beside the checkout; tests that need it are skipped, with the reason, without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_data import SHARED


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"needs the shared data folder beside the checkout: {SHARED}")
    return SHARED


@pytest.fixture
def make_ledger(tmp_path):
    """Factory: a fresh ledger in a real DuckDB file (``make_ledger()``) or in memory (``make_ledger(':memory:')``)."""
    from infraledger.ledger import open_ledger

    opened = []

    def factory(path: str | None = None):
        store = open_ledger(path or tmp_path / f"ledger{len(opened)}.duckdb")
        opened.append(store)
        return store

    yield factory
    for store in opened:
        try:
            store.close()
        except Exception:
            pass
