"""``infraledger extract``, run in process with what a user of the command sees."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli_runner import Ran, run_in_process
from shared_data import needs_shared

from . import docs

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _run(*args: str) -> Ran:
    return run_in_process(list(args))


def test_jsonl_output_is_the_evaluation_shape_with_the_file_name_as_doc(tmp_path):
    a = tmp_path / "release.txt"
    a.write_text(docs.RELEASE, encoding="utf-8")
    b = tmp_path / "page.html"
    b.write_text(docs.PAGE, encoding="utf-8")
    proc = _run("extract", str(a), str(b))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["doc"] for r in records] == ["release.txt", "page.html", "page.html"]
    assert {"type", "subject", "counterparties", "amount_usd", "amount_qualifier", "date", "status", "evidence",
            "evidence_span"} <= set(records[0])
    assert records[0]["subject"] == "Halvorsen Grid" and records[0]["amount_usd"] == 120_000_000


@needs_shared("eval", "score_events.py")
def test_output_scores_with_the_shared_scorer(tmp_path):
    pred = tmp_path / "pred.jsonl"
    proc = _run("extract", str(SHARED / "seed" / "ai-infrastructure-boom-2026.txt"))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    for r in records:
        r.pop("doc")  # the seed gold file covers one document and names none
    pred.write_text("".join(json.dumps(r) + "\n" for r in records))
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score_events.py"),
                            str(SHARED / "eval" / "seed-gold.jsonl"), str(pred)], capture_output=True, text=True)
    assert float(score.stdout.strip().splitlines()[-1].split()[-1]) >= 0.92


def test_table_format_lists_the_events(tmp_path):
    a = tmp_path / "brief.txt"
    a.write_text(docs.NEWSLETTER, encoding="utf-8")
    proc = _run("extract", "--format", "table", str(a))
    assert proc.returncode == 0, proc.stderr
    assert "4 events" in proc.stdout and "Kestrel Photonics" in proc.stdout


def test_an_unreadable_file_is_one_line_and_no_partial_output(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(docs.RELEASE, encoding="utf-8")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    proc = _run("extract", str(good), str(bad))
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert "binary" in proc.stderr and "Traceback" not in proc.stderr
    missing = _run("extract", str(tmp_path / "absent.txt"))
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
