"""A ledger to serve: the bundled sample, shared news articles, a real Form D, and a hostile article.

The hostile article carries script and markup payloads in its title, its text and the names read from
it, so every page that shows sources can be checked to show them as text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from infraledger.cli.main import cli
from infraledger.ingest import ingest_files
from infraledger.ledger import open_ledger
from infraledger.ledger.tokens import create_token
from infraledger.sample import load_sample
from infraledger.web import ServerOptions, create_app
from shared_data import FIXTURES, SHARED

PAYLOAD = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HOSTILE = f"""Zentrix{PAYLOAD} Labs raises $40 million

March 3, 2026

Zentrix{PAYLOAD} Labs, a maker of liquid cooling for GPU racks, said on Tuesday it raised $40 million
in a Series B round led by Northvale Capital. The company plans to double its engineering staff.
"""
#: A text for the audit: one figure the ledger's sources state, one nothing in it bears on.
AUDITED = ("CoreWeave raised $1.5 billion in its Nasdaq IPO in March 2025, and OpenAI signed an $11.9 billion "
           "contract with CoreWeave.")
#: Shared news articles served beside the sample (the first ones, whatever they say).
NEWS = 6


def build_ledger(path: Path, tmp: Path) -> dict[str, str]:
    with open_ledger(path) as store:
        load_sample(store)
        hostile = tmp / "hostile.txt"
        hostile.write_text(HOSTILE, encoding="utf-8")
        paths = [hostile]
        news = sorted((SHARED / "eval" / "news").glob("dev-*.txt"))[:NEWS]
        ingest_files(store, paths + news)
        tokens = {"reviewer": create_token(store, "rita", "reviewer"), "reader": create_token(store, "ray", "reader"),
                  "admin": create_token(store, "ada", "admin"), "second": create_token(store, "sam", "reviewer")}
    form_d = sorted((FIXTURES / "sec" / "form-d").glob("*"))[:1]
    if form_d:
        result = CliRunner().invoke(cli, ["--db", str(path), "edgar", "ingest", *map(str, form_d)])
        assert result.exit_code == 0, result.output
    return tokens


@pytest.fixture(scope="session")
def served_ledger(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The ledger file and the tokens made in it (a session's worth: built once)."""
    tmp = tmp_path_factory.mktemp("served")
    path = tmp / "served.duckdb"
    return path, build_ledger(path, tmp)


@pytest.fixture
def ledger_copy(served_ledger, tmp_path) -> tuple[Path, dict[str, str]]:
    """A private copy of the served ledger, for tests that write."""
    import shutil

    path, tokens = served_ledger
    target = tmp_path / "ledger.duckdb"
    shutil.copy(path, target)
    return target, tokens


def client_for(path: Path, *, writes: bool):
    from fastapi.testclient import TestClient

    return TestClient(create_app(ServerOptions(address=str(path), writes=writes)), raise_server_exceptions=False)


@pytest.fixture(scope="session")
def client(served_ledger):
    """A read-only server over the shared ledger."""
    path, _tokens = served_ledger
    with client_for(path, writes=False) as c:
        yield c


@pytest.fixture
def writer(ledger_copy):
    """A server with writes on over a private copy, and its tokens."""
    path, tokens = ledger_copy
    with client_for(path, writes=True) as c:
        yield c, tokens, path
