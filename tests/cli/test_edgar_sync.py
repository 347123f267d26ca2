"""``infraledger edgar sync`` in process (click's CliRunner) against a real HTTP server on 127.0.0.1 serving
fixture index files (tests/fixtures/sec/bulk) and the recorded filings they list."""

from __future__ import annotations

import gzip
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from infraledger.cli.main import cli
from infraledger.ledger import open_ledger
from infraledger.model.events import FactType

SEC = Path(__file__).resolve().parents[1] / "fixtures" / "sec"
BULK = SEC / "bulk"
DAILY = "/Archives/edgar/daily-index/2024/QTR1/form.20240111.idx"
QUARTERLY = "/Archives/edgar/full-index/2019/QTR3/form.gz"
INVESTURE = "/Archives/edgar/data/1296490/000139834424000491/0001398344-24-000491.txt"
ORACLE = "/Archives/edgar/data/1341439/000119312519191922/0001193125-19-191922.txt"


class Archive:
    """A tiny EDGAR archive on 127.0.0.1: path -> bytes, 404 for anything else; every request path is logged."""

    def __init__(self, routes: dict[str, bytes]) -> None:
        self.routes, self.log = routes, []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                owner.log.append(self.path)
                body = owner.routes.get(self.path)
                self.send_response(200 if body is not None else 404)
                body = body if body is not None else b"not found"
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def count(self, path: str) -> int:
        return self.log.count(path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def archive():
    server = Archive({
        DAILY: (BULK / "form.20240111.idx").read_bytes(),
        QUARTERLY: gzip.compress((BULK / "form.2019QTR3.idx").read_bytes()),
        INVESTURE: (SEC / "form-d/0001398344-24-000491_D-A_Investure-Opportunity-Fund.nc").read_bytes(),
        ORACLE: (SEC / "8-k/0001193125-19-191922_8-K_Oracle-Corp.txt").read_bytes(),
    })
    yield server
    server.close()


@pytest.fixture()
def sync(archive, tmp_path, monkeypatch):
    for key in [k for k in os.environ if k.startswith("INFRALEDGER_")]:
        monkeypatch.delenv(key)
    env = {"INFRALEDGER_CONFIG": os.devnull, "INFRALEDGER_EDGAR_USER_AGENT": "Infraledger Tests tests@example.org",
           "INFRALEDGER_EDGAR_BASE_URL": archive.url, "INFRALEDGER_EDGAR_DATA_URL": archive.url,
           "INFRALEDGER_CACHE_DIR": str(tmp_path / "cache")}
    db = tmp_path / "l.duckdb"

    def run(*args: str, ok: bool = True, **extra):
        result = CliRunner().invoke(cli, ["--db", str(db), "edgar", "sync", *args], env={**env, **extra})
        if ok:
            assert result.exit_code == 0, (result.stderr, result.exception)
        return result

    run.db = db
    return run


def test_sync_from_daily_indexes_fetches_and_ingests_the_filings_of_the_forms(sync, archive):
    result = sync("--forms", "D,8-K", "--since", "2024-01-08", "--until", "2024-01-12", "--json")
    (row,) = json.loads(result.stdout)
    assert (row["form"], row["accession"], row["facts_added"]) == ("D/A", "0001398344-24-000491", 1)
    # Monday to Friday asked for; only Thursday's index exists here: the others are noted, not errors.
    assert "no index published for 2024-01-08, 2024-01-09, 2024-01-10, 2024-01-12" in result.stderr
    assert "1 filings of D, 8-K listed from 1 indexes; 1 downloaded, 0 from the cache" in result.stderr
    # The 4, 10-Q and S-1 in the same index are not fetched.
    assert [p for p in archive.log if "/Archives/edgar/data/" in p] == [INVESTURE]
    # Days long past without an index are remembered: a second run over them sends no request at all.
    sent = len(archive.log)
    again = sync("--forms", "D,8-K", "--since", "2024-01-08", "--until", "2024-01-12", "--json")
    assert json.loads(again.stdout) == [] and len(archive.log) == sent  # the filing's shard is in the ledger
    assert "1 shards already in the ledger" in again.stderr
    assert "no index published for 2024-01-08" in again.stderr
    with open_ledger(sync.db) as store:
        snap = store.snapshot()
        (fact,) = snap.facts(types=[FactType.FUNDING_ROUND])
        source = snap.source(fact.source_id)
        assert (source.accession, source.form_type, source.filer_cik) == ("0001398344-24-000491", "D/A", 1296490)


def test_a_rerun_fetches_nothing_again_and_adds_nothing(sync, archive):
    args = ("--forms", "D", "--since", "2024-01-11", "--until", "2024-01-11", "--json")
    first = json.loads(sync(*args).stdout)
    again = sync(*args)
    assert first[0]["facts_added"] == 1 and json.loads(again.stdout) == []
    assert "1 shards already in the ledger" in again.stderr
    assert "0 downloaded, 1 from the cache" in again.stderr
    assert archive.count(DAILY) == 1 and archive.count(INVESTURE) == 1 and len(archive.log) == 2
    with open_ledger(sync.db) as store:
        assert store.snapshot().count() == 1 and len(store.snapshot().sources()) == 1


def test_a_whole_past_quarter_is_read_from_its_quarterly_index(sync, archive):
    result = sync("--forms", "8-K,D", "--since", "2019-07-01", "--until", "2019-09-30", "--cik", "1341439", "--json")
    (row,) = json.loads(result.stdout)
    assert (row["form"], row["accession"]) == ("8-K", "0001193125-19-191922")
    assert archive.count(QUARTERLY) == 1 and not any("daily-index" in p for p in archive.log)
    with open_ledger(sync.db) as store:
        (source,) = store.snapshot().sources()
        assert source.filer_cik == 1341439 and source.published.isoformat() == "2019-07-10"


def test_filings_missing_from_the_archive_are_skipped_with_a_line_each(sync, archive):
    result = sync("--forms", "8-K,D", "--since", "2019-07-01", "--until", "2019-09-30", "--json")
    assert [r["accession"] for r in json.loads(result.stdout)] == ["0001193125-19-191922"]
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    # Oldest filing first.
    assert skipped == ["skipped 0009999006-19-000006 (D): not found on EDGAR",
                       "skipped 0009999005-19-000005 (8-K): not found on EDGAR"]


def test_years_of_quarters_and_days_are_read_and_ingested_in_chunks(sync, archive, monkeypatch):
    from infraledger.cli import edgar_sync

    monkeypatch.setattr(edgar_sync, "CHUNK", 1)
    result = sync("--forms", "D,8-K", "--since", "2019-07-01", "--until", "2024-01-11", "--cik", "1341439",
                  "--cik", "1296490", "--json")
    rows = json.loads(result.stdout)
    assert [(r["form"], r["accession"]) for r in rows] == [("8-K", "0001193125-19-191922"),
                                                          ("D/A", "0001398344-24-000491")]
    quarterly = [p for p in archive.log if "full-index" in p]
    daily = [p for p in archive.log if "daily-index" in p]
    assert len(quarterly) == 18 and quarterly[0] == QUARTERLY  # 2019 Q3 to 2023 Q4, one request each
    assert len(daily) == 9 and DAILY in daily  # the weekdays of 2024-01-01 to 2024-01-11


def test_no_amendments_takes_only_the_forms_named(sync, archive):
    result = sync("--forms", "D", "--no-amendments", "--since", "2024-01-11", "--until", "2024-01-11", "--json")
    assert json.loads(result.stdout) == []
    assert archive.count(INVESTURE) == 0


def test_no_ingest_only_fills_the_cache(sync, archive, tmp_path):
    result = sync("--forms", "D", "--since", "2024-01-11", "--until", "2024-01-11", "--no-ingest", "--json")
    assert [r["form"] for r in json.loads(result.stdout)] == ["D/A"]
    assert any(p.name == "0001398344-24-000491.txt" for p in (tmp_path / "cache").rglob("*.txt"))
    if sync.db.exists():
        with open_ledger(sync.db) as store:
            assert store.snapshot().count() == 0


def test_without_a_user_agent_it_is_one_line_and_nothing_is_sent(sync, archive):
    result = sync("--since", "2024-01-11", ok=False, INFRALEDGER_EDGAR_USER_AGENT="")
    assert result.exit_code == 1 and "User-Agent with a contact e-mail" in result.stderr
    assert "Traceback" not in result.stderr and archive.log == []


def test_until_before_since_is_refused(sync):
    result = sync("--since", "2024-01-11", "--until", "2024-01-01", ok=False)
    assert result.exit_code == 1 and "before --since" in result.stderr
