"""The ledger commands as a user runs them: in process (exit code, stdout, stderr), quickstart through the
installed console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, cli) -> Path:
    db = tmp_path_factory.mktemp("cli") / "sample.duckdb"
    cli("load", "--sample", db=db)
    return db


def test_quickstart_builds_a_ledger_and_shows_the_articles_deals_with_sources(tmp_path, console_script):
    proc = console_script("quickstart", str(tmp_path / "q.duckdb"))
    out = proc.stdout
    for name in ("CoreWeave", "Netskope", "Chronosphere", "DriveNets", "CAST AI", "Arrcus"):
        assert name in out
    assert "The $1 Trillion AI Infrastructure Boom" in out  # every deal shows its source
    assert (tmp_path / "q.duckdb").is_file()
    report = Path(next(line for line in out.splitlines() if line.startswith("report: ")).removeprefix("report: "))
    assert report.is_file() and "<svg" in report.read_text(encoding="utf-8")


def test_events_as_of_show_a_pending_deal_before_its_closing_and_completed_after(sample_db, cli):
    before = json.loads(cli("events", "--as-of", "2026-03-10", "--type", "acquisition", "--json", db=sample_db).stdout)
    after = json.loads(cli("events", "--as-of", "2026-03-20", "--type", "acquisition", "--json", db=sample_db).stdout)
    assert {e["subject"]: e["status"] for e in before}["Wiz"] == "pending"
    assert {e["subject"]: e["status"] for e in after}["Wiz"] == "completed"


def test_loading_a_later_source_that_closes_a_pending_deal(tmp_path, cli):
    db = tmp_path / "l.duckdb"
    base = {"format": "infraledger-data/1", "entities": [{"name": "Bigco", "layers": ["security"]}]}
    first = {**base, "sources": [{"key": "a", "kind": "press_release", "title": "Bigco to buy Tinyco",
                                  "recorded_at": "2026-01-05T09:00:00"}],
             "facts": [{"source": "a", "type": "acquisition", "subject": "Tinyco", "status": "pending",
                        "amount": "$2 billion", "time": "2026-01-05",
                        "counterparties": [{"name": "Bigco", "role": "acquirer"}]}]}
    later = {**base, "sources": [{"key": "b", "kind": "sec_filing", "title": "Bigco 8-K item 2.01",
                                  "recorded_at": "2026-02-10T16:00:00"}],
             "facts": [{"source": "b", "type": "acquisition", "subject": "Tinyco", "status": "completed",
                        "amount": "$2 billion", "time": "2026-02-09",
                        "counterparties": [{"name": "Bigco", "role": "acquirer"}]}]}
    for i, doc in enumerate((first, later)):
        (tmp_path / f"{i}.json").write_text(json.dumps(doc))
        cli("load", str(tmp_path / f"{i}.json"), db=db)
    def state(day):
        return json.loads(cli("events", "--as-of", day, "--json", db=db).stdout)[0]["status"]
    assert (state("2026-02-01"), state("2026-02-11")) == ("pending", "completed")
    again = cli("load", str(tmp_path / "1.json"), db=db).stdout
    assert "loaded 0 new facts" in again


def test_show_gives_a_company_timeline_with_sources(sample_db, cli):
    data = json.loads(cli("show", "CRWV", "--json", db=sample_db).stdout)
    assert data["entity"]["name"] == "CoreWeave"
    assert len(data["facts"]) >= 10
    assert all(f["source_id"] in data["sources"] for f in data["facts"])


def test_filters_on_events(sample_db, cli):
    sec = json.loads(cli("events", "--layer", "security", "--json", db=sample_db).stdout)
    assert {e["subject"] for e in sec} >= {"Wiz", "Netskope"}
    assert all(e["subject"] in {"Wiz", "Netskope", "Palo Alto Networks", "Zscaler", "Cisco"} for e in sec)
    since = json.loads(cli("events", "--since", "2026-01-01", "--type", "acquisition", "--json", db=sample_db).stdout)
    assert "Chronosphere" in {e["subject"] for e in since}


def test_entities_and_conflicts_listings(sample_db, cli):
    ents = json.loads(cli("entities", "--layer", "hyperscaler", "--json", db=sample_db).stdout)
    assert {e["name"] for e in ents} == {"Alphabet", "Amazon", "Meta Platforms", "Microsoft", "Oracle"}
    conflicts = json.loads(cli("conflicts", "--json", db=sample_db).stdout)
    assert any(c["subject"] == "Fermi" and c["field"] == "amount" for c in conflicts)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_export(sample_db, tmp_path, fmt, cli):
    out = tmp_path / f"x.{fmt}"
    proc = cli("export", "--format", fmt, "-o", str(out), db=sample_db)
    assert out.stat().st_size > 1000 and "wrote" in proc.stdout


@pytest.mark.parametrize("args, message", [
    (["show", "Nobody Inc"], "no company or entity named 'Nobody Inc'"),
    (["load", "/no/such/file.json"], "no such file"),
    (["events", "--since", "yesterday"], "--since: not a date"),
])
def test_errors_are_one_line_without_traceback(sample_db, args, message, cli):
    proc = cli(*args, db=sample_db, ok=False)
    assert proc.returncode != 0
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_a_bad_data_file_is_refused_in_one_line(tmp_path, cli):
    bad = tmp_path / "bad.json"
    bad.write_text("{\"format\": \"infraledger-data/1\", \"sources\": [}")
    proc = cli("load", str(bad), db=tmp_path / "x.duckdb", ok=False)
    assert "not valid JSON" in proc.stderr and "Traceback" not in proc.stderr


def test_a_missing_ledger_is_a_clear_error(tmp_path, cli):
    proc = cli("events", db=tmp_path / "none.duckdb", ok=False)
    assert "no ledger here" in proc.stderr


def test_a_file_that_is_not_a_ledger_is_a_clear_error(tmp_path, cli):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    proc = cli("events", db=junk, ok=False)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr


def test_a_locked_ledger_is_a_clear_error(tmp_path, cli):
    db = tmp_path / "locked.duckdb"
    cli("init", db=db)
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()",
                               str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        proc = cli("--wait", "0.2", "load", "--sample", db=db, ok=False)
        assert "in use by another process" in proc.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_the_articles_own_sample_never_supports_the_article(tmp_path, shared, cli):
    db = tmp_path / "article.duckdb"
    assert "from 1 sources" in cli("load", "--sample", "article", db=db).stdout
    report = json.loads(cli("audit", str(shared / "seed" / "ai-infrastructure-boom-2026.txt"), "--format", "json",
                            db=db).stdout)
    verdicts = [c["verdict"] for c in report["claims"]]
    assert len(verdicts) >= 20
    assert "supported" not in verdicts
    assert report["excluded_sources"]  # the article was recognised among the ledger's sources


def test_an_unknown_sample_part_is_refused(tmp_path, cli):
    proc = cli("load", "--sample", "everything", db=tmp_path / "x.duckdb", ok=False)
    assert proc.returncode != 0 and "everything" in proc.stderr
