"""Fuzzing the command line's door and its printing: hostile data files through ``load``, then the listings.

Titles, names and values come from hypothesis (square-bracket markup, control characters, right-to-left
marks, huge and many-decimal figures, impossible dates). The property: ``load`` either adds the file or
refuses it in one line with the ledger unchanged; ``events``, ``entities`` and ``show`` then always
print, with every name as it was given.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infraledger.cli.main import cli

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))

_PIECES = st.one_of(st.sampled_from(["[bold]", "[/]", "[/video]", "[Exclusive]", "\u202e", "\x1b[31m", "|", "*_`", "<b>"]),
                    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8))
_TEXT = st.lists(_PIECES, min_size=1, max_size=5).map("".join)
_AMOUNT = st.one_of(st.sampled_from(["$85 million", "-$5 million", "$1.123456789123456789 million", "$" + "9" * 39,
                                     "$1e308", "more than $600 billion", "lots", ""]),
                    st.builds(lambda d: {"amount": str(d)}, st.decimals(allow_nan=True, allow_infinity=True)))
_TIME = st.one_of(st.sampled_from(["2025-06", "2025-02-30", "2025-Q5", "mid-2025", "2099-01-01", "", "0000"]),
                  st.text(max_size=12))


def _invoke(db: Path, *args: str):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=True)
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed, (args, repr(result.exception))
    return result


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=_TEXT, subject=_TEXT, party=_TEXT, amount=_AMOUNT, time=_TIME,
       span=st.one_of(st.none(), st.lists(st.integers(min_value=-2**40, max_value=2**40), min_size=2, max_size=2)))
def test_load_then_list_never_crashes_and_a_refusal_changes_nothing(title, subject, party, amount, time, span):
    with tempfile.TemporaryDirectory() as folder:
        db, path = Path(folder) / "l.duckdb", Path(folder) / "d.json"
        fact = {"source": "a", "type": "funding_round", "subject": subject, "amount": amount, "time": time,
                "counterparties": [{"name": party, "role": "lead_investor"}]}
        if span is not None:
            fact["span"] = span
        path.write_text(json.dumps({"format": "infraledger-data/1",
                                    "sources": [{"key": "a", "kind": "article", "title": title}],
                                    "facts": [fact]}), encoding="utf-8")
        _invoke(db, "init")
        before = _invoke(db, "events", "--json").stdout
        loaded = _invoke(db, "load", str(path))
        if loaded.exit_code != 0:
            assert len(loaded.stderr.strip().splitlines()) == 1 and str(path) in loaded.stderr
            assert _invoke(db, "events", "--json").stdout == before
            return
        events = _invoke(db, "events")
        assert events.exit_code == 0
        stored = json.loads(_invoke(db, "events", "--json").stdout)
        assert [e["subject"] for e in stored] == [subject] or not stored
        for args in (["entities"], ["show", stored[0]["subject_id"]] if stored else ["conflicts"]):
            assert _invoke(db, *args).exit_code == 0, args


RELEASE = (b"PALO VERDE, Calif., June 3, 2025 -- Quillfeather Systems, a maker of liquid-cooling racks, today "
           b"announced it has raised $85 million in a Series C funding round led by Bramblewood Ventures.\n")


@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=len(RELEASE)),
                          st.sampled_from([b"", b"\x00", b"[/x]", b"[bold]", b"$" + b"9" * 39, b"\xff\xfe", b"\n" * 3,
                                           b"$1.123456789123456789 million", b"<html>", b"\x1b[2J"])),
                max_size=4))
def test_ingest_of_a_damaged_document_adds_it_or_skips_it_and_always_prints(edits):
    data = bytearray(RELEASE)
    for at, chunk in edits:
        data[at:at] = chunk
    with tempfile.TemporaryDirectory() as folder:
        db, doc = Path(folder) / "l.duckdb", Path(folder) / "[x]release.txt"
        doc.write_bytes(bytes(data))
        _invoke(db, "init")
        ingested = _invoke(db, "ingest", str(doc))
        if ingested.exit_code != 0:
            assert ingested.stderr.strip().splitlines()[-1] == "Error: 0 read, 1 skipped, 0 failed"
            assert json.loads(_invoke(db, "events", "--json").stdout) == []
        else:
            assert "[x]release.txt" in ingested.stdout
        assert _invoke(db, "events").exit_code == 0
