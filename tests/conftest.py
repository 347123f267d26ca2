"""Shared test fixtures: paths of the shared real data, and one ledger factory."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"shared data folder missing: {SHARED}")
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
