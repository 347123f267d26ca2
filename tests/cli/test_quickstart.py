"""``quickstart``: what it says about the sample agrees with ``load``, and its table reads in date order."""

from __future__ import annotations

import re

from infraledger.model import parse_label
from infraledger.sample import sample_text_paths


def test_quickstart_and_load_count_the_same_sources_and_the_table_is_in_date_order(tmp_path, run):
    out = run("quickstart", tmp_path / "q.duckdb", "--no-report").stdout
    quick = int(re.search(r"from (\d+) sources", out).group(1))
    loaded = run("load", "--sample", db=tmp_path / "l.duckdb").stdout
    # quickstart also reads the sample press releases: one source each
    assert int(re.search(r"from (\d+) sources", loaded).group(1)) + len(sample_text_paths()) == quick
    assert "3 sample press releases" in out
    days = re.findall(r"^│ (\d{4}(?:-[\dQH]+)*)", out, flags=re.M)
    starts = [parse_label(d).start for d in days]
    assert len(starts) >= 10 and starts == sorted(starts)


def test_quickstart_help_says_path_is_the_ledger_file(run):
    assert "PATH is the ledger file" in run("quickstart", "--help").stdout
