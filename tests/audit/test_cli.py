"""``infraledger audit`` against a real DuckDB ledger file, run in process with what a user of the command sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_runner import Ran, run_in_process

from .conftest import FIXTURES, LEDGER_FILES


def run(*args: str, db: Path, ok: bool = True, env: dict | None = None) -> Ran:
    ran = run_in_process(["--db", str(db), *args], env=env)
    if ok:
        assert ran.returncode == 0, ran.stderr
    return ran


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "fixtures.duckdb"
    run("load", *[str(FIXTURES / "ledger" / f"{n}.json") for n in LEDGER_FILES], db=path)
    return path


def test_json_report_written_to_a_file(db, seed_path, tmp_path):
    out = tmp_path / "audit.json"
    proc = run("audit", str(seed_path), "--format", "json", "-o", str(out), db=db)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["counts"]["stale"] == 2 and data["counts"]["contradicted"] == 1
    claim = next(c for c in data["claims"] if c["text"] == "pending regulatory approval as of March 2026")
    assert set(claim) >= {"id", "span", "text", "kind", "subject", "value", "qualifier", "time", "cited_source",
                          "verdict", "explanation", "evidence"}
    assert claim["evidence"][0]["source"]["url"].startswith("https://")
    assert "37 claims" in proc.stderr


def test_markdown_to_stdout_and_as_of(db, seed_path):
    now = run("audit", str(seed_path), db=db).stdout
    assert "| stale | 2 |" in now
    before = run("audit", str(seed_path), "--as-of", "2026-03-10", db=db).stdout
    assert "| stale | 0 |" in before


def test_html_report_is_standalone(db, seed_path, tmp_path):
    out = tmp_path / "audit.html"
    run("audit", str(seed_path), "--format", "html", "-o", str(out), db=db)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "http-equiv=\"Content-Security-Policy\"" in page
    assert "<script" not in page and "<link" not in page


def test_errors_are_one_line_and_leave_no_file(db, tmp_path):
    out = tmp_path / "never.json"
    missing = run("audit", str(tmp_path / "missing.txt"), "-o", str(out), db=db, ok=False)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1 and not out.exists()
    bad_date = run("audit", str(FIXTURES / "README.md"), "--as-of", "soon", db=db, ok=False)
    assert bad_date.returncode != 0 and "soon" in bad_date.stderr and "Traceback" not in bad_date.stderr


def test_input_over_the_configured_limit_is_refused(db, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Acme raised $5 million. " * 100, encoding="utf-8")
    proc = run("audit", str(big), db=db, ok=False, env={"INFRALEDGER_MAX_INPUT_BYTES": "1000"})
    assert proc.returncode != 0 and "limit" in proc.stderr and "Traceback" not in proc.stderr


def test_url_option_keeps_the_published_copy_out_of_the_evidence(tmp_path):
    db = tmp_path / "own.duckdb"
    data = {"format": "infraledger-data/1",
            "sources": [{"key": "a", "kind": "article", "title": "Weekly notes", "url": "https://news.example/acme",
                         "recorded_at": "2026-03-11T00:00:00"}],
            "entities": [{"name": "Acme Robotics"}, {"name": "Zeta Ventures", "kind": "investor"}],
            "facts": [{"source": "a", "type": "funding_round", "subject": "Acme Robotics", "amount": "$120 million",
                       "time": "2025-04", "counterparties": [{"name": "Zeta Ventures", "role": "lead_investor"}]}]}
    (tmp_path / "data.json").write_text(json.dumps(data), encoding="utf-8")
    run("load", str(tmp_path / "data.json"), db=db)
    text = tmp_path / "draft.txt"
    text.write_text("Draft, edited\nAcme Robotics raised $120 million in April 2025 in a round led by Zeta Ventures.\n",
                    encoding="utf-8")
    plain = json.loads(run("audit", str(text), "--format", "json", db=db).stdout)
    assert plain["counts"]["supported"] == 1
    own = json.loads(run("audit", str(text), "--format", "json", "--url", "http://www.news.example/acme/", db=db).stdout)
    assert own["counts"]["supported"] == 0
    assert own["excluded_sources"][0]["reason"] == "URL"
