"""Moving a ledger between backends: every row copied with its record time, and checked."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from infraledger.cli.main import cli
from infraledger.ledger import open_ledger
from infraledger.ledger.copy import copy_ledger
from infraledger.sample import load_sample

pytestmark = pytest.mark.both_backends


def _answers(store) -> tuple:
    """What a user reads off a ledger: as-of counts, events, conflicts, decisions."""
    snap, early = store.snapshot(), store.snapshot("2026-01-15")
    return (snap.count(), early.count(), [(e.key, e.status, len(e.facts)) for e in snap.events()],
            [(c.key, c.field) for c in snap.conflicts()], len(store.resolutions()), len(snap.entities()))


def test_a_copied_ledger_gives_the_same_answers(make_ledger):
    source, target = make_ledger(), make_ledger()
    load_sample(source)
    result = copy_ledger(source, target)
    assert result.same and result.rows["facts"] == len(source.snapshot().facts(include_superseded=True)) > 0
    assert _answers(target) == _answers(source)


def test_copy_refuses_a_destination_that_holds_a_ledger(tmp_path):
    runner = CliRunner()
    src, dst = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    assert runner.invoke(cli, ["--db", str(src), "load", "--sample"]).exit_code == 0
    first = runner.invoke(cli, ["copy", str(src), str(dst)])
    assert first.exit_code == 0 and "both hold the same rows" in first.output
    again = runner.invoke(cli, ["copy", str(src), str(dst)])
    assert again.exit_code != 0 and "not empty" in again.output
    with open_ledger(dst, read_only=True) as copied, open_ledger(src, read_only=True) as original:
        assert _answers(copied) == _answers(original)  # the refused second copy added nothing
