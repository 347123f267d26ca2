"""Price CSV reader: strict validation with file:line errors, evidence lines, bounded size; the CLI load."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli_runner import Ran, run_console_script, run_in_process
from infraledger.errors import InputTooLargeError, ParseError
from infraledger.sources.prices import parse_price_csv, read_price_csv

GOOD = b"date,ticker,close,open,high,low,volume\n2026-02-27,CRWV,79.56,80.10,82.00,78.90,31000000\n2026-02-27,ntsk,14.76,,,,\n"


def test_rows_become_price_observations_with_the_line_as_evidence(tmp_path):
    path = tmp_path / "prices.csv"
    path.write_bytes(GOOD)
    pf = read_price_csv(path)
    assert pf.tickers == ("CRWV", "NTSK")
    first, second = pf.candidates
    assert first.type.value == "price_observation" and first.subject == "CRWV"
    assert first.amount.amount == Decimal("79.56") and first.time.start == date(2026, 2, 27)
    assert first.attributes == {"ticker": "CRWV", "open": "80.10", "high": "82.00", "low": "78.90", "volume": "31000000"}
    assert first.evidence == "2026-02-27,CRWV,79.56,80.10,82.00,78.90,31000000"
    assert GOOD.decode()[first.span[0]:first.span[1]] == first.evidence
    assert second.attributes == {"ticker": "NTSK"}
    assert pf.source.kind.value == "market_data" and pf.source.published == date(2026, 2, 27)


@pytest.mark.parametrize("body, message", [
    (b"day,ticker,close\n2026-01-01,A,1\n", "line 1: header"),
    (b"date,ticker,close,colour\n2026-01-01,A,1,red\n", "line 1: header"),
    (b"date,ticker,close\n2026-02-30,A,1\n", "line 2: date must be YYYY-MM-DD"),
    (b"date,ticker,close\n2026-01-02,A,1\n2026-01-02,A,2\n", "line 3: A on 2026-01-02 already given on line 2"),
    (b"date,ticker,close\n2026-01-02,A,abc\n", "line 2: close is not a number"),
    (b"date,ticker,close\n2026-01-02,A,-3\n", "line 2: close must be a non-negative number"),
    (b"date,ticker,close\n2026-01-02,<script>,3\n", "line 2: not a ticker"),
    (b"date,ticker,close,high,low\n2026-01-02,A,3,2,1\n", "line 2: close 3 is outside"),
    (b"date,ticker,close\n2026-01-02,A\n", "line 2: expected 3 fields"),
    (b"date,ticker,close\n", "no price rows"),
    (b"", "empty file"),
    (b"date,ticker,close\n2099-01-02,A,3\n", "line 2: a price cannot be dated after today"),
    (b"date,ticker,close\n2026-01-02,A,1e308\n", "line 2: close must be a non-negative number below 10^18"),
    (b"date,ticker,close\n2026-01-02,A," + b"9" * 39 + b"\n", "line 2: close must be a non-negative number below"),
    (b"date,ticker,close,volume\n2026-01-02,A,3,1e999999999\n", "line 2: volume must be a non-negative number"),
])
def test_bad_files_are_refused_with_file_and_line(body, message):
    with pytest.raises(ParseError) as err:
        parse_price_csv(body, name="p.csv")
    assert str(err.value).startswith("p.csv: ") and message in str(err.value)


def test_a_price_with_many_decimals_is_kept_to_six_places():
    pf = parse_price_csv(b"date,ticker,close\n2026-01-02,A,0.12345678\n", name="p.csv")
    assert pf.candidates[0].amount.amount == Decimal("0.123457")


def test_size_is_bounded(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(GOOD)
    with pytest.raises(InputTooLargeError):
        read_price_csv(path, max_bytes=10)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.dates(min_value=date(1990, 1, 1), max_value=date.today()),
                          st.sampled_from(["AAA", "BB.B", "C-1"]),
                          st.decimals(min_value=Decimal("0.01"), max_value=Decimal(99999), places=2)),
                min_size=1, max_size=20, unique_by=lambda r: (r[0], r[1])))
def test_any_valid_file_reads_back_exactly(rows):
    body = "date,ticker,close\n" + "".join(f"{d.isoformat()},{t},{c}\n" for d, t, c in rows)
    pf = parse_price_csv(body.encode())
    assert [(c.time.start, c.subject, c.amount.amount) for c in pf.candidates] == [(d, t, c) for d, t, c in rows]


@given(st.binary(max_size=300))
@settings(max_examples=100, deadline=None)
def test_arbitrary_bytes_never_crash_the_reader(data):
    try:
        parse_price_csv(b"date,ticker,close\n" + data)
    except ParseError:
        pass


def _cli(*args: str, cwd: Path, script: bool = False) -> Ran:
    """``infraledger ARGS`` run in ``cwd``: in process, or (``script``) the installed command."""
    return (run_console_script if script else run_in_process)(list(args), cwd=cwd)


def test_cli_loads_prices_onto_known_companies_and_is_idempotent(tmp_path):
    db = tmp_path / "l.duckdb"
    from infraledger.ledger import open_ledger
    from infraledger.sample import load_sample
    with open_ledger(db) as store:
        load_sample(store)
    (tmp_path / "p.csv").write_bytes(GOOD)
    first = _cli("--db", str(db), "prices", "load", "p.csv", cwd=tmp_path, script=True)
    assert first.returncode == 0, first.stderr
    assert "2 price observations added" in first.stdout and "new companies" not in first.stdout
    again = _cli("--db", str(db), "prices", "load", "p.csv", cwd=tmp_path, script=True)
    assert "0 price observations added (2 already" in again.stdout
    with open_ledger(db, read_only=True) as store:
        prices = store.snapshot().facts(types=["price_observation"], entity="Netskope", valid_from=date(2026, 2, 27))
        assert [str(f.amount.amount) for f in prices if f.time.start == date(2026, 2, 27)] == ["14.76"]
    (tmp_path / "bad.csv").write_text("date,ticker,close\n2026-01-01,A,x\n")
    bad = _cli("--db", str(db), "prices", "load", "bad.csv", cwd=tmp_path, script=True)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert bad.stderr.strip().splitlines()[-1] == "Error: bad.csv: line 2: close is not a number: 'x'"


def test_an_unknown_ticker_is_refused_unless_new_companies_are_asked_for(tmp_path):
    db = tmp_path / "l.duckdb"
    (tmp_path / "p.csv").write_bytes(b"date,ticker,close\n2026-01-02,ZZZQ,3\n")
    refused = _cli("--db", str(db), "prices", "load", "p.csv", cwd=tmp_path)
    assert refused.returncode != 0
    assert refused.stderr.strip() == ("Error: p.csv: no company in the ledger has the ticker ZZZQ "
                                      "(load the companies first, or pass --new-companies)")
    added = _cli("--db", str(db), "prices", "load", "--new-companies", "p.csv", cwd=tmp_path)
    assert added.returncode == 0 and "new companies: ZZZQ" in added.stdout


def test_price_download_without_the_extra_says_how_to_install_it(tmp_path, monkeypatch):
    import builtins

    from infraledger.errors import InputError
    from infraledger.sources.prices import fetch_yfinance

    real_import = builtins.__import__

    def no_yfinance(name, *args, **kwargs):
        if name == "yfinance":
            raise ImportError("No module named 'yfinance'")
        return real_import(name, *args, **kwargs)

    # simulates an install without the optional 'prices' extra; nothing is fetched
    monkeypatch.setattr(builtins, "__import__", no_yfinance)
    with pytest.raises(InputError, match=r"pip install 'infraledger\[prices\]'"):
        fetch_yfinance(["CRWV"], date(2025, 3, 28), date(2025, 4, 30), tmp_path)
    assert list(tmp_path.iterdir()) == []
