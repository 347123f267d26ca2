"""Fixtures for resolution tests: the SEC directory and the bundled sample's entities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infraledger.model import Entity
from infraledger.resolve import SecDirectory

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEC_OTHER = REPO / "tests" / "fixtures" / "sec" / "other"  # public EDGAR data files, copied from ../shared
TICKERS = SEC_OTHER / "company_tickers.json"
PAIRS = Path(__file__).with_name("name_pairs.csv")


@pytest.fixture(scope="session")
def directory() -> SecDirectory:
    return SecDirectory(TICKERS)


@pytest.fixture(scope="session")
def sample_entities() -> list[Entity]:
    data = json.loads((REPO / "src" / "infraledger" / "data" / "sample-article.json").read_text())
    return [Entity.from_json(e) for e in data["entities"]]
