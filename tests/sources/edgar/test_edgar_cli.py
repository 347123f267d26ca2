"""``infraledger edgar parse|ingest|fetch`` into a real DuckDB file: in process, and once through the console script."""

from __future__ import annotations

import json

from cli_runner import Ran, run_console_script, run_in_process, without_settings
from infraledger.ledger import open_ledger
from infraledger.model.events import FactType


def run(*args: str, env: dict | None = None, ok: bool = True, script: bool = False) -> Ran:
    """``infraledger ARGS`` with no settings of the test run's own; ``script``: the installed command."""
    ran = (run_console_script if script else run_in_process)(list(args), env=without_settings(**(env or {})))
    if ok:
        assert ran.returncode == 0, ran.stderr
    return ran


def test_parse_prints_what_a_form_d_says_as_json(sec_dir):
    proc = run("edgar", "parse", "--format", "json", str(sec_dir / "form-d/D_Notion-Labs-Inc_2020-04-10.xml"),
               script=True)
    (doc,) = json.loads(proc.stdout)
    assert doc["kind"] == "form_d" and doc["form_type"] == "D"
    assert doc["parsed"]["issuer"]["name"] == "Notion Labs, Inc."
    assert doc["contributions"][0]["facts"][0]["type"] == "funding_round"


def test_ingest_puts_sourced_facts_in_the_ledger(sec_dir, tmp_path):
    db = tmp_path / "l.duckdb"
    files = [sec_dir / "form-d/D_Notion-Labs-Inc_2020-04-10.xml", sec_dir / "8-k/0000891618-95-000727_8-K_Cisco-Systems.txt",
             sec_dir / "s-1/CAMP4-Therapeutics_424B4_IPO_2024.htm"]
    rows = json.loads(run("--db", str(db), "edgar", "ingest", "--json", *map(str, files)).stdout)
    assert sum(r["facts_added"] for r in rows) == 3
    with open_ledger(db) as store:
        snap = store.snapshot()
        types = sorted(f.type.value for f in snap.facts())
        assert types == ["acquisition", "funding_round", "ipo"]
        cisco = snap.facts(types=[FactType.ACQUISITION])[0]
        source = snap.source(cisco.source_id)
        assert (source.form_type, source.accession, source.filer_cik) == ("8-K", "0000891618-95-000727", 858877)
        assert source.url.endswith("/858877/000089161895000727/0000891618-95-000727.txt")


def test_with_strict_one_bad_file_gives_one_line_naming_it_and_nothing_enters_the_ledger(sec_dir, tmp_path):
    db = tmp_path / "l.duckdb"
    bad = tmp_path / "cut.xml"
    data = (sec_dir / "form-d/D_Notion-Labs-Inc_2020-04-10.xml").read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    proc = run("--db", str(db), "edgar", "ingest", "--strict",
               str(sec_dir / "form-d/D_1685-38th-REIT-LLC_2023-01-27.xml"), str(bad), ok=False)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2 and "cut.xml: truncated XML" in lines[0] and "Traceback" not in proc.stderr
    assert lines[1] == "Error: 1 read, 1 skipped, 0 failed; nothing was added (--strict)"
    if db.exists():
        with open_ledger(db) as store:
            assert store.snapshot().count() == 0


def test_unsupported_form_is_one_line(sec_dir, tmp_path):
    proc = run("--db", str(tmp_path / "l.duckdb"), "edgar", "ingest",
               str(sec_dir / "other/0001104659-25-002604_SC-TO-T-A_CVR-Energy.txt"), ok=False)
    assert proc.returncode == 1
    error, summary = proc.stderr.strip().splitlines()
    assert "form type SC TO-T/A is not read" in error and summary == "Error: 0 read, 1 skipped, 0 failed"


def test_fetch_without_user_agent_is_a_config_error(tmp_path):
    proc = run("--db", str(tmp_path / "l.duckdb"), "edgar", "fetch", "--cik", "1045810", ok=False,
               env={"INFRALEDGER_CACHE_DIR": str(tmp_path / "cache")})
    assert proc.returncode == 1
    assert "User-Agent with a contact e-mail" in proc.stderr and "Traceback" not in proc.stderr


def test_fetch_by_ticker_downloads_caches_and_ingests(edgar, tmp_path):
    edgar.faults[edgar.filing_path] = ["429"]
    env = {"INFRALEDGER_EDGAR_USER_AGENT": "Infraledger Tests tests@example.org",
           "INFRALEDGER_EDGAR_BASE_URL": edgar.url, "INFRALEDGER_EDGAR_DATA_URL": edgar.url,
           "INFRALEDGER_CACHE_DIR": str(tmp_path / "cache")}
    db = tmp_path / "l.duckdb"
    args = ("--db", str(db), "edgar", "fetch", "--ticker", "NVDA", "--forms", "8-K", "--since", "2026-03-01", "--json")
    rows = json.loads(run(*args, env=env).stdout)
    assert [r["accession"] for r in rows] == [edgar.accession]
    again = json.loads(run(*args, env=env).stdout)
    assert again[0]["facts_added"] == 0
    assert edgar.requests_to(edgar.filing_path) == 2  # one 429, one success; the second run used the cache
    cached = tmp_path / "cache" / "edgar"
    assert any(p.name == f"{edgar.accession}.txt" for p in cached.rglob("*.txt"))
    with open_ledger(db) as store:
        sources = store.snapshot().sources()
        assert [s.accession for s in sources] == [edgar.accession]
        assert sources[0].filer_cik == edgar.cik


def test_parse_with_text_exposes_press_release_exhibits(sec_dir):
    proc = run("edgar", "parse", "--format", "json", "--with-text",
               str(sec_dir / "8-k/0000320193-24-000005_8-K_Apple-Inc.txt"))
    (doc,) = json.loads(proc.stdout)
    (release,) = [e for e in doc["parsed"]["exhibits"] if "text" in e]
    assert release["type"] == "EX-99.1"
    assert "Apple reports first quarter results" in release["text"]


def test_parse_jsonl_prints_one_line_per_filing_with_what_json_prints(sec_dir, tmp_path):
    files = [str(sec_dir / "form-d/D_Notion-Labs-Inc_2020-04-10.xml"), str(tmp_path / "absent.xml"),
             str(sec_dir / "8-k/0000891618-95-000727_8-K_Cisco-Systems.txt")]
    lines = run("edgar", "parse", "--format", "jsonl", *files, ok=False)
    whole = run("edgar", "parse", "--format", "json", *files, ok=False)
    assert lines.returncode == whole.returncode == 1 and lines.stderr == whole.stderr
    assert lines.stderr.strip().splitlines()[-1] == "Error: 2 read, 1 skipped, 0 failed"
    rows = lines.stdout.splitlines()
    assert len(rows) == 2 and [json.loads(r) for r in rows] == json.loads(whole.stdout)
    assert json.loads(rows[1])["kind"] == "8-k"


def test_parse_json_is_the_indented_array_of_every_filing(sec_dir):
    from infraledger.cli.common import _default
    from infraledger.sources.edgar.registry import read_path
    from infraledger.sources.limits import DEFAULT_MAX_BYTES

    files = [sec_dir / "form-d/D_Notion-Labs-Inc_2020-04-10.xml", sec_dir / "s-1/CAMP4-Therapeutics_424B4_IPO_2024.htm"]
    out = run("edgar", "parse", "--format", "json", *map(str, files)).stdout
    expected = [read_path(str(f), max_bytes=DEFAULT_MAX_BYTES).to_json() for f in files]
    assert out == json.dumps(expected, indent=2, default=_default, ensure_ascii=False) + "\n"
    assert run("edgar", "parse", "--format", "json", str(sec_dir / "MANIFEST.md"), ok=False).stdout == "[]\n"
