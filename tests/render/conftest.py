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
    from shared_data import SEED
    if not SEED.is_file():
        pytest.skip(f"needs {SEED} (the shared data beside the checkout)")
    return SEED.read_text(encoding="utf-8")
