"""``infraledger resolve`` against a real ledger file: in process, and once through the console script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_runner import Ran, run_console_script, run_in_process

from .conftest import TICKERS


def run(db: Path, *args: str, ok: bool = True, script: bool = False) -> Ran:
    """``infraledger --db DB ARGS`` with the test directory of tickers; ``script``: the installed command."""
    env = {"INFRALEDGER_COMPANY_TICKERS": str(TICKERS), "INFRALEDGER_CONFIG": None}
    ran = (run_console_script if script else run_in_process)(["--db", str(db), *args], env=env)
    if ok:
        assert ran.returncode == 0, ran.stderr
    return ran


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("resolve") / "sample.duckdb"
    run(path, "load", "--sample")
    return path


def test_resolve_name_says_what_it_maps_to_and_why(db):
    out = json.loads(run(db, "resolve", "NVIDIA CORP/DE", "--json", script=True).stdout)
    assert (out["entity"], out["entity_id"], out["method"], out["new"]) == ("Nvidia", "cik:1045810", "name", False)
    fuzzy = json.loads(run(db, "resolve", "Core Weave Inc", "--json", script=True).stdout)
    assert (fuzzy["entity"], fuzzy["method"]) == ("CoreWeave", "fuzzy") and fuzzy["score"] >= 90
    text = run(db, "resolve", "Google", script=True).stdout
    assert "Google -> Alphabet (cik:1652044)" in text and "alias" in text


def test_names_from_the_sec_directory_and_unknown_names(db):
    apple = json.loads(run(db, "resolve", "APPLE INC", "--json").stdout)
    assert (apple["entity_id"], apple["method"], apple["new"]) == ("cik:320193", "sec_name", True)
    unknown = json.loads(run(db, "resolve", "Networks", "--json").stdout)
    assert unknown["new"] and unknown["method"] == "new"


def test_undo_then_decisions_show_the_history_and_the_name_no_longer_maps(tmp_path, db):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    assert "no resolution decisions recorded" in run(copy, "resolve", "decisions").stdout
    assert "no longer maps to cik:1652044" in run(copy, "resolve", "undo", "Google").stdout
    rows = json.loads(run(copy, "resolve", "decisions", "--json").stdout)
    assert [(r["name"], r["entity_id"], r["action"]) for r in rows] == [("Google", "cik:1652044", "undo")]
    assert json.loads(run(copy, "resolve", "Google", "--json").stdout)["entity_id"] != "cik:1652044"
    assert "now maps to cik:1652044" in run(copy, "resolve", "merge", "Google", "Alphabet").stdout


def test_errors_are_one_line_without_traceback(tmp_path, db):
    bad = run(db, "resolve", "undo", "Nvidia", ok=False)
    assert bad.returncode != 0 and "own name" in bad.stderr and "Traceback" not in bad.stderr
    missing = run(tmp_path / "none.duckdb", "resolve", "decisions", ok=False)
    assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1
