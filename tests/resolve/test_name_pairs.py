"""The labelled name pairs are what the committed builder makes from the SEC data, and are sound."""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys

from shared_data import needs_shared

from .conftest import PAIRS, REPO, TICKERS

_spec = importlib.util.spec_from_file_location("build_name_pairs", REPO / "benchmarks" / "build_name_pairs.py")
builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(builder)


def _rows() -> list[dict]:
    with PAIRS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@needs_shared("data", "sec")
def test_the_fixture_is_exactly_what_the_builder_produces(tmp_path):
    out = tmp_path / "pairs.csv"
    subprocess.run([sys.executable, "-m", "benchmarks.build_name_pairs", "--out", str(out)], cwd=REPO,
                   check=True, capture_output=True, timeout=120)
    assert out.read_bytes() == PAIRS.read_bytes()


def test_enough_pairs_with_hard_negatives_and_labels_from_ciks():
    rows = _rows()
    assert len(rows) >= 200
    kinds = {r["kind"] for r in rows if r["label"] == "different"}
    assert {"co_filer", "shared_first_word", "similar_title"} <= kinds
    for r in rows:
        assert (r["label"] == "same") == (r["cik_a"] == r["cik_b"]), r
    # Hard negatives share a word, e.g. sibling utilities of one holding company.
    assert sum(r["label"] == "different" and r["shares_word"] == "yes" for r in rows) >= 100


def test_titles_in_the_pairs_are_real_sec_titles():
    titles = {r["title"] for r in json.loads(TICKERS.read_text()).values()}
    rows = _rows()
    assert sum(r["name_a"] in titles or r["name_b"] in titles for r in rows) >= 0.8 * len(rows)


def test_press_forms_follow_newspaper_conventions():
    assert builder.press_form("MICROSOFT CORP") == "Microsoft Corporation"
    assert builder.press_form("Alphabet Inc.") == "Alphabet"
    assert builder.press_form("Meta Platforms, Inc.") == "Meta Platforms"
