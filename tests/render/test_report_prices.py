"""Prices loaded from CSV feed the report's IPO figures; record time decides whether a report sees them."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from cli_runner import run_in_process
from infraledger.ledger import open_ledger
from infraledger.render import build_report
from infraledger.sample import load_sample
from shared_data import needs_shared

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def price_csv_from_market_facts(path: Path, tickers: dict[str, str]) -> int:
    """Write the closing prices of the shared market-facts file as a prices CSV; returns the row count."""
    rows = []
    with open(SHARED / "data" / "facts" / "market-facts.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["kind"] == "close_price" and r["subject"] in tickers and re.fullmatch(r"\d{4}-\d\d-\d\d", r["date"]):
                rows.append((r["date"], tickers[r["subject"]], r["value"]))
    path.write_text("date,ticker,close\n" + "".join(f"{d},{t},{v}\n" for d, t, v in rows), encoding="utf-8")
    return len(rows)


@needs_shared("data", "facts", "market-facts.csv")
def test_csv_prices_reach_the_report_only_for_reports_made_after_loading(tmp_path):
    db = tmp_path / "l.duckdb"
    with open_ledger(db) as store:
        load_sample(store)
    n = price_csv_from_market_facts(tmp_path / "prices.csv", {"CoreWeave": "CRWV", "Netskope": "NTSK"})
    assert n >= 4
    done = run_in_process(["--db", str(db), "prices", "load", str(tmp_path / "prices.csv")])
    assert done.returncode == 0, done.stderr
    with open_ledger(db, read_only=True) as store:
        now = build_report(store.snapshot(), as_of="2026-03-30")        # recorded by now, valid by 2026-03-30
        then = build_report(store.snapshot("2026-03-30"), as_of="2026-03-30")  # what was known on 2026-03-30
    quote = "2026-02-27,CRWV,79.56"
    assert f"<blockquote>{quote}</blockquote>" in now   # the CSV line is the evidence of its fact
    assert quote not in then
    assert "Share prices (prices.csv)" in now and "Share prices (prices.csv)" not in then
