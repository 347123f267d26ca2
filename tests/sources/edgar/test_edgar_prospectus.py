"""Prospectus cover reading on real 424B4/S-1/424B5 filings: shares, price, proceeds, exchange, underwriters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from infraledger.errors import UnsupportedInputError
from infraledger.sources.edgar.prospectus import parse_prospectus


def _read(sec_dir, name, **kw):
    return parse_prospectus((sec_dir / name).read_bytes(), source=name, **kw)


def test_ipo_final_prospectus_cover(sec_dir):
    c = _read(sec_dir, "s-1/CAMP4-Therapeutics_424B4_IPO_2024.htm")
    assert c.form_type == "424B4"
    assert c.is_ipo
    assert c.shares == Decimal(6820000)
    assert c.price_per_share == Decimal("11.00")
    assert c.gross_proceeds == Decimal(75020000)
    assert (c.exchange, c.ticker) == ("Nasdaq", "CAMP")
    assert c.underwriters[:2] == ("J.P. Morgan", "Leerink Partners")
    assert c.prospectus_date == date(2024, 10, 10)
    start, end = c.spans["gross_proceeds"]
    assert c.text[start:end] == "75,020,000"


def test_424b4_full_submission_cover_and_filer(sec_dir):
    c = _read(sec_dir, "s-1/0001104659-24-132924_424B4_Traws-Pharma.txt")
    assert c.form_type == "424B4" and c.cik == 1130598
    assert c.ticker == "TRAW" and c.exchange == "Nasdaq"
    start, end = c.spans["ticker"]
    assert c.text[start:end] == "TRAW"


def test_spac_registration_reads_units_price_and_exchange(sec_dir):
    c = _read(sec_dir, "s-1/0001140361-21-010426_S-1_Learn-CW-Investment-Corp.txt")
    assert c.form_type == "S-1" and c.is_ipo
    assert c.price_per_share == Decimal("10.00")
    assert c.exchange == "NYSE"


def test_blank_figures_of_a_preliminary_prospectus_stay_empty(sec_dir):
    c = _read(sec_dir, "s-1/Flushing-Financial_424B5-preliminary_2024-12-12.html")
    assert c.price_per_share is None and c.gross_proceeds is None
    assert c.ticker == "FFIC"


def test_fee_exhibit_alone_is_not_a_prospectus(sec_dir):
    with pytest.raises(UnsupportedInputError, match="not a prospectus"):
        _read(sec_dir, "s-1/0001193125-25-155880_EX-FILING-FEES_MicroStrategy.html")


def test_8k_submission_is_not_a_prospectus(sec_dir):
    with pytest.raises(UnsupportedInputError, match="8-K is not a prospectus"):
        _read(sec_dir, "8-k/0000891020-98-001352_8-K_Amazon-com.txt")
