"""Fixtures for the report tests: the bundled sample ledger and the reference article's text."""

from __future__ import annotations

import pytest

from infraledger.sample import load_sample

ARTICLE_SOURCE = "src:694530fe2f124e76"


@pytest.fixture(scope="module")
def sample_ledger(tmp_path_factory):
    from infraledger.ledger import open_ledger
    store = open_ledger(tmp_path_factory.mktemp("sample") / "sample.duckdb")
    load_sample(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def article_text():
    from pathlib import Path
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    return (shared / "seed" / "ai-infrastructure-boom-2026.txt").read_text(encoding="utf-8")
