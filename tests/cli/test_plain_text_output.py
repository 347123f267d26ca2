"""Text from sources and users is printed as text: square brackets are never read as markup."""

from __future__ import annotations

import json
from pathlib import Path

TITLE = "[Exclusive] Acmeflux raises $40 million [/video]"
NAME = "[bold]Acmeflux[/bold] Labs"


def _datafile(tmp_path: Path) -> Path:
    data = {"format": "infraledger-data/1",
            "sources": [{"key": "a", "kind": "article", "title": TITLE, "url": "https://example.com/[x]",
                         "published": "2025-06-03"}],
            "entities": [{"name": NAME}],
            "facts": [{"source": "a", "type": "funding_round", "subject": NAME, "amount": "$40 million",
                       "time": "2025-06", "counterparties": [{"name": "[red]Bramble[/] Ventures", "role": "lead_investor"}],
                       "status": "completed"}]}
    path = tmp_path / "brackets.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_listings_print_titles_and_names_with_square_brackets_as_they_are(tmp_path, run):
    db = tmp_path / "l.duckdb"
    run("load", _datafile(tmp_path), db=db)
    events = run("events", db=db).stdout
    assert "[Exclusive] Acmeflux raises" in events and NAME in events and "[red]Bramble[/] Ventures" in events
    shown = run("show", NAME, db=db).stdout
    assert shown.startswith(NAME) and "[Exclusive]" in shown
    assert NAME in run("entities", db=db).stdout


def test_ingest_of_a_file_under_a_folder_with_a_bracket_prints_its_summary(tmp_path, run):
    folder = tmp_path / "press["
    folder.mkdir()
    doc = folder / "closing].txt"
    doc.write_text("PALO VERDE, Calif., June 3, 2025 -- Quillfeather Systems today announced it has raised "
                   "$85 million in a Series C funding round led by Bramblewood Ventures.\n", encoding="utf-8")
    out = run("ingest", doc, db=tmp_path / "l.duckdb")
    assert "press[/closing].txt" in out.stdout
    assert "1 facts added from 1 documents" in out.stdout


def test_extract_table_prints_bracketed_names_as_text(tmp_path, run):
    doc = tmp_path / "[red]deal.txt"  # read as a style tag, the name would print as "deal.txt"
    doc.write_text("June 3, 2025 -- Quillfeather Systems today announced it has raised $85 million in a "
                   "Series C funding round led by Bramblewood Ventures.\n", encoding="utf-8")
    out = run("extract", "--format", "table", doc).stdout
    assert "[red]deal.txt" in out
