"""Batches: one bad file is reported and the others are added; --strict is all or nothing; re-reading adds nothing."""

from __future__ import annotations

import json
from pathlib import Path

FORM_D = Path(__file__).resolve().parents[1] / "fixtures" / "sec" / "form-d"

RELEASE = ("PALO VERDE, Calif., June 3, 2025 -- Quillfeather Systems, a maker of liquid-cooling racks, today "
           "announced it has raised $85 million in a Series C funding round led by Bramblewood Ventures, with "
           "participation from Harrowgate Capital.\n")
DECIMALS = ("LAKEVIEW, Ore., August 12, 2025 -- Tindalo Networks today announced it has raised "
            "$1.123456789123456789 million in a seed round led by Corvane Capital.\n")


def _files(tmp_path: Path) -> dict[str, Path]:
    files = {"good": tmp_path / "good.txt", "empty": tmp_path / "empty.txt", "binary": tmp_path / "blob.txt",
             "decimals": tmp_path / "decimals.txt"}
    files["good"].write_text(RELEASE, encoding="utf-8")
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 8)
    files["decimals"].write_text(DECIMALS, encoding="utf-8")
    return files


def test_one_bad_file_does_not_stop_the_batch(tmp_path, run):
    f = _files(tmp_path)
    db = tmp_path / "l.duckdb"
    result = run("ingest", f["empty"], f["good"], f["binary"], f["decimals"], db=db, ok=False)
    assert result.code != 0 and result.exception is None
    lines = result.stderr.strip().splitlines()
    assert lines == [f"Error: {f['empty']}: empty file: no text to read",
                     f"Error: {f['binary']}: binary data, not a text document",
                     "Error: 2 read, 2 skipped, 0 failed"]
    subjects = {e["subject"] for e in json.loads(run("events", "--json", db=db).stdout)}
    assert subjects == {"Quillfeather Systems", "Tindalo Networks"}


def test_strict_adds_nothing_when_a_file_is_bad(tmp_path, run):
    f = _files(tmp_path)
    db = tmp_path / "l.duckdb"
    run("init", db=db)
    result = run("ingest", "--strict", f["good"], f["empty"], db=db, ok=False)
    assert result.stderr.strip().splitlines()[-1] == "Error: 1 read, 1 skipped, 0 failed; nothing was added (--strict)"
    assert json.loads(run("events", "--json", db=db).stdout) == []


def test_an_empty_file_alone_is_refused(tmp_path, run):
    f = _files(tmp_path)
    db = tmp_path / "l.duckdb"
    result = run("ingest", f["empty"], db=db, ok=False)
    assert result.code != 0 and "empty file" in result.stderr
    run("init", db=db)
    assert json.loads(run("events", "--json", db=db).stdout) == []


def test_reingesting_identical_files_records_no_new_decisions(tmp_path, run):
    db = tmp_path / "l.duckdb"
    data = {"format": "infraledger-data/1", "sources": [{"key": "a", "kind": "article", "title": "t"}],
            "entities": [{"name": "Quillfeather Holdings", "aliases": ["Quillfeather Systems"]}]}
    (tmp_path / "entities.json").write_text(json.dumps(data), encoding="utf-8")
    run("load", tmp_path / "entities.json", db=db)
    doc = tmp_path / "release.txt"
    doc.write_text(RELEASE, encoding="utf-8")
    run("ingest", doc, db=db)
    first = json.loads(run("resolve", "decisions", "--json", db=db).stdout)
    assert first  # the release's names were merged into the loaded entities
    run("ingest", doc, db=db)
    run("ingest", doc, db=db)
    assert json.loads(run("resolve", "decisions", "--json", db=db).stdout) == first


def test_edgar_ingest_reports_a_bad_filing_and_adds_the_others(tmp_path, run):
    db = tmp_path / "l.duckdb"
    bad = tmp_path / "truncated.xml"
    good = FORM_D / "D_Notion-Labs-Inc_2020-04-10.xml"
    bad.write_bytes(good.read_bytes()[:900])
    result = run("edgar", "ingest", good, bad, db=db, ok=False)
    assert result.code != 0 and result.exception is None
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"Error: {bad}: ") and lines[1] == "Error: 1 read, 1 skipped, 0 failed"
    assert "Notion Labs, Inc." in {e["subject"] for e in json.loads(run("events", "--json", db=db).stdout)}
    strict = run("edgar", "ingest", "--strict", good, bad, db=tmp_path / "s.duckdb", ok=False)
    assert strict.stderr.strip().endswith("nothing was added (--strict)")


def test_a_form_d_with_an_absurd_total_is_refused_naming_the_file(tmp_path, run):
    data = (FORM_D / "D_Notion-Labs-Inc_2020-04-10.xml").read_text(encoding="utf-8")
    absurd = tmp_path / "absurd.xml"
    absurd.write_text(data.replace("<totalAmountSold>48828287</totalAmountSold>",
                                   "<totalAmountSold>" + "9" * 39 + "</totalAmountSold>"), encoding="utf-8")
    assert "9" * 39 in absurd.read_text(encoding="utf-8")
    for command in ("parse", "ingest"):
        result = run("edgar", command, absurd, db=tmp_path / "l.duckdb", ok=False)
        assert result.exception is None
        error, summary = result.stderr.strip().splitlines()
        assert error.startswith(f"Error: {absurd}: money amount") and "out of range" in error
        assert summary == "Error: 0 read, 1 skipped, 0 failed"
