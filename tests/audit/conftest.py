"""Shared fixtures for the audit tests: the reference article, the fixture ledger, small ledgers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from infraledger.ledger import open_ledger
from infraledger.ledger.datafile import load_datafile
from infraledger.model import CandidateFact, Entity, EntityKind, Source, SourceKind

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "ai-infrastructure-boom-2026.txt"
FIXTURES = HERE / "fixtures"
LEDGER_FILES = ("entities", "deals", "ipo", "prices", "capex")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("the shared reference article is not beside the checkout")
    return SEED


@pytest.fixture(scope="module")
def fixture_ledger(tmp_path_factory):
    """A DuckDB ledger file built only from the fixture documents (never from the article)."""
    path = tmp_path_factory.mktemp("audit") / "fixtures.duckdb"
    store = open_ledger(path)
    for name in LEDGER_FILES:
        load_datafile(store, FIXTURES / "ledger" / f"{name}.json")
    yield store
    store.close()


def source(title: str, *, kind: SourceKind = SourceKind.ARTICLE, day: str = "2026-01-01", url: str = "",
           content: str | None = None) -> Source:
    return Source.new(kind, title=title, url=url or f"https://example.test/{abs(hash(title))}", content=content,
                      recorded_at=datetime.fromisoformat(day))


def entities(*names: str, kind: EntityKind = EntityKind.COMPANY) -> list[Entity]:
    return [Entity.new(n, kind=kind) for n in names]


@pytest.fixture
def store():
    s = open_ledger(":memory:")
    yield s
    s.close()


def add(store, src: Source, *facts: CandidateFact, ents=()) -> None:
    store.append(src, list(facts), list(ents))
