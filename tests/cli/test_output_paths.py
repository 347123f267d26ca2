"""``-o``: never the ledger; atomic for regular files; straight through to FIFOs and devices; ``-`` is stdout."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

DATA = {"format": "infraledger-data/1",
        "sources": [{"key": "a", "kind": "article", "title": "Quillfeather raises", "published": "2025-06-03"}],
        "facts": [{"source": "a", "type": "funding_round", "subject": "Quillfeather Systems",
                   "amount": "$85 million", "time": "2025-06", "status": "completed"}]}

ARTICLE = "June 3, 2025 -- Quillfeather Systems raised $85 million in a Series C round.\n"


@pytest.fixture
def ledger(tmp_path, run) -> Path:
    data = tmp_path / "data.json"
    data.write_text(json.dumps(DATA), encoding="utf-8")
    db = tmp_path / "o.duckdb"
    run("load", data, db=db)
    return db


def _commands(target: str, tmp_path: Path) -> list[list[str]]:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return [["report", "-o", target], ["report", "--format", "md", "-o", target],
            ["export", "--format", "csv", "-o", target], ["export", "--format", "parquet", "-o", target],
            ["audit", str(article), "-o", target]]


@pytest.mark.parametrize("which", ["ledger", "wal", "symlink", "relative"])
def test_an_output_that_is_the_ledger_is_refused_and_the_ledger_is_untouched(ledger, tmp_path, run, which,
                                                                               monkeypatch):
    target = {"ledger": str(ledger), "wal": str(ledger) + ".wal", "symlink": str(tmp_path / "link"),
              "relative": "o.duckdb"}[which]
    if which == "symlink":
        os.symlink(ledger, target)
    monkeypatch.chdir(tmp_path)
    before = ledger.read_bytes()
    for args in _commands(target, tmp_path):
        result = run(*args, db=ledger, ok=False)
        assert result.code != 0 and result.exception is None, args
        assert "is the ledger file" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert ledger.read_bytes() == before


def test_a_symlink_output_writes_its_target_and_stays_a_symlink(ledger, tmp_path, run):
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.html"
    os.symlink(real, link)
    run("report", "-o", link, db=ledger)
    assert link.is_symlink() and "<html" in real.read_text(encoding="utf-8").lower()
    assert not list(tmp_path.glob("*.partial"))


def test_a_fifo_output_is_written_through_and_stays_a_fifo(ledger, tmp_path, run):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    run("export", "--format", "json", "-o", fifo, db=ledger)
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    lines = [json.loads(x) for x in received[0].decode().splitlines()]
    assert [f["subject"] for f in lines] == ["Quillfeather Systems"]


def test_dev_null_stays_a_device(ledger, run):
    run("report", "-o", os.devnull, db=ledger)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_dash_writes_to_standard_output(ledger, run):
    lines = run("export", "--format", "json", "-o", "-", db=ledger).stdout.splitlines()
    assert [json.loads(x)["subject"] for x in lines] == ["Quillfeather Systems"]
    assert run("report", "--format", "md", "-o", "-", db=ledger).stdout.lstrip().startswith("#")


def test_a_regular_output_is_replaced_atomically(ledger, tmp_path, run):
    out = tmp_path / "facts.csv"
    out.write_text("old", encoding="utf-8")
    run("export", "--format", "csv", "-o", out, db=ledger)
    assert "Quillfeather Systems" in out.read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.partial"))


def test_an_output_in_a_missing_folder_is_one_line(ledger, tmp_path, run):
    result = run("report", "-o", tmp_path / "nope" / "r.html", db=ledger, ok=False)
    assert result.code != 0 and "folder does not exist" in result.stderr and result.exception is None
