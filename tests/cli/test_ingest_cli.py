"""``infraledger ingest``: documents through the console script into a real DuckDB ledger."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

# Fictional companies, written for these tests.
RELEASE = """\
PALO VERDE, Calif., June 3, 2025 -- Quillfeather Systems, a maker of liquid-cooling racks for AI data
centers, today announced it has raised $85 million in a Series C funding round led by Bramblewood
Ventures, with participation from Harrowgate Capital.

The company will use the funds to expand manufacturing.
"""

ACQUISITION = """\
LAKEVIEW, Ore., August 12, 2025 -- Tindalo Networks today announced that it has completed its
acquisition of Corvane Labs, a developer of optical interconnect software, for $410 million in cash.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _events(cli, db: Path) -> list[dict]:
    return json.loads(cli("events", "--json", db=db).stdout)


def test_ingest_adds_the_documents_deals_with_the_document_as_source(tmp_path, cli):
    db = tmp_path / "l.duckdb"
    files = [_write(tmp_path, "release.txt", RELEASE), _write(tmp_path, "deal.txt", ACQUISITION)]
    out = json.loads(cli("ingest", "--json", *map(str, files), db=db).stdout)
    assert [Path(r["file"]).name for r in out] == ["release.txt", "deal.txt"]
    assert all(r["added"] >= 1 for r in out)

    events = {e["type"]: e for e in _events(cli, db)}
    funding = events["funding_round"]
    assert funding["subject"] == "Quillfeather Systems"
    assert Decimal(funding["amount"]["amount"]) == Decimal("85000000")
    assert funding["sources"] == [out[0]["source"]]
    assert events["acquisition"]["status"] == "completed"
    assert events["acquisition"]["time"].startswith("2025-08")

    # Every fact keeps its evidence: the quote is in the document at the span given.
    facts = json.loads(cli("show", "Quillfeather Systems", "--json", db=db).stdout)["facts"]
    evidence = [f for f in facts if f.get("evidence")]
    assert evidence
    for f in evidence:
        start, end = f["span"]
        assert RELEASE[start:end] == f["evidence"]


def test_ingesting_the_same_document_twice_adds_nothing(tmp_path, cli):
    db = tmp_path / "l.duckdb"
    path = _write(tmp_path, "release.txt", RELEASE)
    first = json.loads(cli("ingest", "--json", str(path), db=db).stdout)
    assert first[0]["added"] >= 1
    # the second run finds the document's shard in the ledger and reads nothing again
    second = cli("ingest", "--json", str(path), db=db)
    assert json.loads(second.stdout) == [] and "1 shards already in the ledger" in second.stderr
    # with other documents beside it, the document is read again and adds nothing
    other = _write(tmp_path, "other.txt", "Nothing happened today.\n")
    third = json.loads(cli("ingest", "--json", str(path), str(other), db=db).stdout)
    assert [r["added"] for r in third if r["file"] == str(path)] == [0]
    assert [r["source"] for r in third if r["file"] == str(path)] == [first[0]["source"]]


def test_with_strict_a_file_that_cannot_be_read_stops_the_batch_with_one_line_and_adds_nothing(tmp_path, cli):
    db = tmp_path / "l.duckdb"
    good = _write(tmp_path, "release.txt", RELEASE)
    bad = tmp_path / "blob.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    proc = cli("ingest", "--strict", str(good), str(bad), db=db, ok=False)
    assert proc.returncode != 0
    error, summary = proc.stderr.strip().splitlines()
    assert "blob.txt" in error and summary.endswith("nothing was added (--strict)")
    assert "Traceback" not in proc.stderr
    assert cli("init", db=db).returncode == 0
    assert _events(cli, db) == []


def test_a_missing_file_is_one_line_error(tmp_path, cli):
    proc = cli("ingest", str(tmp_path / "nope.txt"), db=tmp_path / "l.duckdb", ok=False)
    assert proc.returncode != 0
    assert "nope.txt" in proc.stderr and "Traceback" not in proc.stderr
