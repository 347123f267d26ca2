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


pytest_plugins = ["postgres_server", "browsers"]

#: The ledger backends a module marked ``both_backends`` runs its ``make_ledger`` tests against.
BACKENDS = ("duckdb", "postgres")


def pytest_configure(config):
    config.addinivalue_line("markers", "both_backends: run the module's ledger tests on DuckDB and on PostgreSQL")


def pytest_generate_tests(metafunc):
    if "make_ledger" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_backends"):
        metafunc.parametrize("ledger_backend", BACKENDS, indirect=True)


@pytest.fixture
def ledger_backend(request) -> str:
    """The backend ``make_ledger`` opens: DuckDB unless the module runs on both."""
    return getattr(request, "param", "duckdb")


@pytest.fixture
def make_ledger(tmp_path, request, ledger_backend):
    """Factory: a fresh ledger on the test's backend.

    On DuckDB, a real file (``make_ledger()``) or memory (``make_ledger(':memory:')``); on PostgreSQL, a
    new database on the test server for every call (the argument is then ignored).
    """
    from infraledger.ledger import open_ledger

    opened = []
    server = request.getfixturevalue("postgres_server") if ledger_backend == "postgres" else None

    def factory(path: str | None = None):
        where = server.new_database() if server else (path or tmp_path / f"ledger{len(opened)}.duckdb")
        store = open_ledger(where)
        opened.append(store)
        return store

    yield factory
    for store in opened:
        try:
            store.close()
        except Exception:
            pass
