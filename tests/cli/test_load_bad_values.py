"""``load`` refuses bad values in one line naming the file and the field; the ledger is then unchanged."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

GOOD_FACT = {"source": "a", "type": "funding_round", "subject": "Quillfeather Systems", "amount": "$85 million",
             "time": "2025-06"}


def _file(tmp_path: Path, fact: dict | None = None, source: dict | None = None, entities=()) -> Path:
    data = {"format": "infraledger-data/1",
            "sources": [{"key": "a", "kind": "article", "title": "t", "published": "2025-06-03", **(source or {})}],
            "entities": list(entities), "facts": [{**GOOD_FACT, **(fact or {})}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("fact, source, entities, message", [
    ({"time": "2025-02-30"}, None, (), "facts[0]: time: not a date label: '2025-02-30'"),
    ({"amount": "-$5 million"}, None, (), "facts[0]: amount: amounts cannot be negative"),
    ({"valuation": "−$5 million"}, None, (), "facts[0]: valuation: amounts cannot be negative"),
    ({"amount": {"amount": "-5", "currency": "USD"}}, None, (), "facts[0]: amount:"),
    ({"amount": {"amount": "1e308", "currency": "USD"}}, None, (), "out of range (must be below 10^18)"),
    ({"amount": {"amount": "9" * 39}}, None, (), "out of range (must be below 10^18)"),
    ({"amount": "$1e999999999"}, None, (), "facts[0]"),
    ({"span": [0, 2**40]}, None, (), "facts[0]: span must be"),
    ({"confidence": 7}, None, (), "facts[0]: confidence must be between 0 and 1"),
    ({"subject": ""}, None, (), "facts[0]: subject: must be a non-empty name"),
    (None, {"published": "2025-13-01"}, (), "sources[0]: published: not a date"),
    (None, None, [{"name": "X", "cik": "9" * 30}], "entities[0]: cik: a CIK has at most ten digits"),
])
def test_bad_values_are_refused_naming_file_and_field(tmp_path, run, fact, source, entities, message):
    db = tmp_path / "l.duckdb"
    run("init", db=db)
    before = run("events", "--json", db=db).stdout
    result = run("load", _file(tmp_path, fact, source, entities), db=db, ok=False)
    assert result.code != 0 and result.exception is None
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "bad.json" in line and message in line, line
    assert run("events", "--json", db=db).stdout == before


def test_deeply_nested_json_is_one_line(tmp_path, run):
    path = tmp_path / "deep.json"
    path.write_text("[" * 200000, encoding="utf-8")
    result = run("load", path, db=tmp_path / "l.duckdb", ok=False)
    assert result.code != 0 and result.exception is None
    assert result.stderr.strip() == f"Error: {path}: arrays and objects nested more than 32 deep"


def test_nan_is_not_json(tmp_path, run):
    path = tmp_path / "nan.json"
    path.write_text('{"format": "infraledger-data/1", "sources": [], "facts": [{"confidence": NaN}]}')
    result = run("load", path, db=tmp_path / "l.duckdb", ok=False)
    assert "NaN is not a JSON value" in result.stderr and result.exception is None


def test_many_decimals_are_rounded_to_six_places(tmp_path, run):
    db = tmp_path / "l.duckdb"
    run("load", _file(tmp_path, {"type": "price_observation", "amount": {"amount": "0.12345678"}}), db=db)
    facts = json.loads(run("show", "Quillfeather Systems", "--json", db=db).stdout)["facts"]
    assert [Decimal(f["amount"]["amount"]) for f in facts] == [Decimal("0.123457")]
