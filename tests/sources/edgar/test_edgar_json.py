"""EDGAR JSON readers on the real files: submissions, companyfacts, company_tickers."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infraledger.errors import NotFoundError, ParseError, UnsupportedInputError
from infraledger.sources.edgar.submissions import parse_company_facts, parse_submissions
from infraledger.sources.edgar.tickers import parse_tickers


@pytest.fixture(scope="module")
def tickers(sec_dir):
    return parse_tickers((sec_dir / "other/company_tickers.json").read_bytes())


def test_submissions_give_identity_and_filings_with_archive_urls(sec_dir):
    sub = parse_submissions((sec_dir / "other/submissions_CIK0001045810_NVIDIA.json").read_bytes())
    assert (sub.cik, sub.name, sub.tickers, sub.fiscal_year_end) == (1045810, "NVIDIA CORP", ("NVDA",), "0131")
    eight_ks = sub.select(["8-k"], since=date(2026, 1, 1))
    assert eight_ks and all(f.form == "8-K" and f.filed >= date(2026, 1, 1) for f in eight_ks)
    first = eight_ks[0]
    assert first.url == (f"https://www.sec.gov/Archives/edgar/data/1045810/{first.accession.replace('-', '')}/"
                         f"{first.accession}.txt")
    assert "2.02" in first.items
    assert sub.older_files and sub.older_files[0].startswith("CIK0001045810-submissions-")


def test_every_submissions_file_has_aligned_columns(sec_dir):
    for path in (sec_dir / "other").glob("submissions_*.json"):
        raw = json.loads(path.read_bytes())
        sub = parse_submissions(raw, source=path.name)
        assert len(sub.filings) == len(raw["filings"]["recent"]["accessionNumber"])
        assert all(f.cik == sub.cik for f in sub.filings)


def test_companyfacts_annual_values_are_full_years_one_per_year(sec_dir):
    facts = parse_company_facts((sec_dir / "other/companyfacts_CIK0001835632_Marvell-Technology.json").read_bytes())
    assert facts.cik == 1835632
    annual = facts.annual("PaymentsToAcquirePropertyPlantAndEquipment")
    assert len({v.end for v in annual}) == len(annual) >= 3
    assert all(350 <= v.days <= 380 and v.form.startswith("10-K") for v in annual)
    assert all(isinstance(v.value, Decimal) and v.value > 0 for v in annual)


def test_ticker_map_resolves_both_ways(tickers):
    assert len(tickers) == 9610
    assert tickers.cik_for("nvda") == 1045810
    assert tickers.cik_for("BRK.B") == tickers.cik_for("BRK-B")
    assert tickers.name_for(1045810) == "NVIDIA CORP"
    assert tickers.cik_for_name("NVIDIA Corporation") == 1045810
    with pytest.raises(NotFoundError):
        tickers.cik_for("NOT-A-TICKER")


def test_json_of_the_wrong_kind_or_broken_is_refused(sec_dir):
    with pytest.raises(UnsupportedInputError, match="not an EDGAR submissions"):
        parse_submissions(b'{"a": 1}', source="x.json")
    with pytest.raises(UnsupportedInputError, match="company_tickers"):
        parse_tickers(b'{"0": {"ticker": "X"}}', source="t.json")
    with pytest.raises(ParseError, match="HTML"):
        parse_company_facts(b"<html><body>Your request was throttled</body></html>", source="c.json")
    with pytest.raises(ParseError, match="not valid companyfacts JSON"):
        parse_company_facts(b'{"cik": 1, "facts": {', source="c.json")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=1, max_value=9_999_999_999),
                          st.from_regex(r"[A-Z]{1,5}", fullmatch=True)), min_size=1, max_size=20, unique_by=lambda r: r[1]))
def test_every_ticker_row_is_found_by_its_ticker(rows):
    doc = {str(i): {"cik_str": cik, "ticker": t, "title": f"Company {i}"} for i, (cik, t) in enumerate(rows)}
    tickers = parse_tickers(json.dumps(doc).encode())
    for cik, ticker in rows:
        assert tickers.cik_for(ticker.lower()) == cik
        assert ticker in tickers.tickers_for(cik)


def test_daily_form_index_lists_every_filing_with_its_accession(sec_dir):
    from infraledger.sources.edgar.listings import parse_daily_index

    refs = parse_daily_index((sec_dir / "other/form.20200318.idx").read_bytes())
    assert len(refs) == 4084
    assert refs[0].form == "1-A" and refs[0].cik == 1806014 and refs[0].accession == "0001140361-20-006155"
    assert refs[0].company == "DLP Positive Note Fund LLC"
    # The daily index lists what was disseminated that day; a few filings carry earlier filing dates.
    assert all(r.filed is not None and r.filed <= date(2020, 3, 18) for r in refs)
    assert sum(r.filed == date(2020, 3, 18) for r in refs) > 3900
    assert sum(r.form == "D" for r in refs) > 50


def test_atom_feed_of_latest_filings(sec_dir):
    from infraledger.sources.edgar.listings import parse_atom_feed

    refs = parse_atom_feed((sec_dir / "other/latest-filings-8-K_atom_2026-07-03.xml").read_bytes())
    assert len(refs) == 10 and all(r.form == "8-K" for r in refs)
    first = refs[0]
    assert (first.cik, first.accession, first.filed) == (1070050, "0001683168-26-005262", date(2026, 7, 2))
    assert first.items == ("1.01", "2.03", "9.01")
