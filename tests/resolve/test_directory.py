"""The SEC directory read from the real company_tickers.json and submissions files."""

from __future__ import annotations

import json

import pytest

from infraledger.errors import InputError, InputTooLargeError, NotFoundError
from infraledger.resolve import SecDirectory

from .conftest import SEC_OTHER


def test_tickers_ciks_and_titles_of_real_registrants(directory):
    assert directory.by_ticker("NVDA").cik == 1045810
    assert directory.by_ticker("$goog").title == "Alphabet Inc."
    assert set(directory.by_cik(1652044).tickers) >= {"GOOGL", "GOOG"}
    assert directory.by_cik("CIK0000320193").title == "Apple Inc."
    assert directory.by_name("Nvidia Corporation").cik == 1045810
    assert directory.by_name("Meta Platforms") .cik == 1326801
    assert len(directory) > 7000


def test_a_name_shared_by_several_registrants_finds_none(directory):
    # Two registrants are titled "Rubicon Technology"/"Rubicon Technologies": the name is ambiguous.
    assert directory.by_name("Rubicon Technology") is None
    # A name is looked up by its whole key: "Southern" is Southern Co, though a dozen titles contain it.
    assert directory.by_name("Southern").cik == 92122
    assert directory.registrants_with(("southern",)) > 5
    assert directory.registrants_with(("palo", "alto")) == 1


def test_former_names_from_a_submissions_file_resolve_to_the_renamed_company():
    d = SecDirectory(SEC_OTHER / "company_tickers.json")
    assert d.by_name("CREE INC") is None
    entry = d.add_former_names(SEC_OTHER / "submissions_CIK0000895419_Wolfspeed.json")
    assert "CREE INC" in entry.former_names
    assert d.by_name("Cree, Inc.").cik == 895419 == d.by_ticker("WOLF").cik


def test_the_file_is_read_only_when_first_needed(tmp_path):
    missing = SecDirectory(tmp_path / "nope.json")  # constructing reads nothing
    with pytest.raises(NotFoundError):
        missing.by_ticker("X")


def test_malformed_and_oversized_files_are_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(InputError, match="not a company tickers JSON"):
        SecDirectory(bad).by_cik(1)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"0": {"ticker": "X"}}))
    with pytest.raises(InputError, match="unexpected row"):
        SecDirectory(wrong).by_cik(1)
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"0": {"cik_str": 1, "ticker": "X", "title": "X Corp"}}))
    with pytest.raises(InputTooLargeError):
        SecDirectory(big, max_bytes=10).by_cik(1)
