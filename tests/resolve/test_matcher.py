"""Name matching measured on real SEC name pairs, and its guards against false merges."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infraledger.resolve import NameMatcher

from .conftest import PAIRS


def _scores(matcher: NameMatcher, rows: list[dict]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for r in rows:
        predicted = matcher.same(r["name_a"], r["name_b"])
        gold = r["label"] == "same"
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    p, rec = tp / (tp + fp), tp / (tp + fn)
    return p, rec, 2 * p * rec / (p + rec)


@pytest.fixture(scope="module")
def pairs() -> list[dict]:
    with PAIRS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_precision_and_recall_on_sec_name_variants(directory, pairs):
    # Renames that share no word ("Facebook Inc" / "Meta Platforms") are out of reach of any name
    # matcher and are scored separately by the benchmark; measured here: P 0.98, R 0.87.
    variants = [r for r in pairs if not (r["label"] == "same" and r["shares_word"] == "no")]
    p, r, f1 = _scores(NameMatcher(directory), variants)
    assert p >= 0.96 and r >= 0.85 and f1 >= 0.90, (p, r, f1)


def test_precision_holds_over_every_pair_including_renames(directory, pairs):
    p, _, _ = _scores(NameMatcher(directory), pairs)
    assert p >= 0.96


def test_press_and_filing_forms_of_one_company_match(directory):
    m = NameMatcher(directory)
    assert m.same("NVIDIA CORP", "NVIDIA Corporation")
    assert m.same("Meta Platforms, Inc.", "META PLATFORMS INC")
    assert m.same("Palo Alto Networks, Inc.", "Palo Alto")  # a specific name plus a descriptive word
    assert not m.same("Palo Alto Networks, Inc.", "Palo")    # part of a two-word name
    assert m.same("Eaton Vance Tax-Advantaged Global Dividend Opportunities Fun",  # truncated by EDGAR
                  "Eaton Vance Tax-Advantaged Global Dividend Opportunities Fund")


def test_parent_and_sibling_utilities_do_not_match(directory):
    m = NameMatcher(directory)
    assert not m.same("SOUTHERN CO", "SOUTHERN POWER CO")
    assert not m.same("ALABAMA POWER CO", "GEORGIA POWER CO")
    assert not m.same("Apple Inc.", "Apple Hospitality REIT, Inc.")


def test_generic_short_and_numbered_names_never_match_fuzzily(directory):
    m = NameMatcher(directory)
    assert m.compare("Networks", "Palo Alto Networks").score == 0
    assert m.compare("Systems Inc", "Cisco Systems").score == 0
    assert m.compare("Arm", "Arma Services").score == 0
    assert m.compare("Upshot Real Estate Fund II", "Upshot Real Estate Fund III").score == 0
    assert not m.same("Carvana Co.", "Arvana Inc")  # one letter apart, two companies


def test_a_misspelt_long_word_still_matches_without_a_directory():
    m = NameMatcher()
    assert m.same("Chronosphere Technologies", "Chronosphhere Technologies")
    assert not m.same("Chronosphere", "Cronosphere Labs")


_names = st.sampled_from(["NVIDIA CORP", "Nvidia", "Southern Co", "Southern Power Co", "Palo Alto Networks",
                          "Palo Alto", "Networks", "Meta Platforms, Inc.", "Apple Inc.", "Apple Hospitality REIT",
                          "Upshot Real Estate Fund II, LP", "Core Weave", "CoreWeave"])


@given(_names, _names)
def test_scores_are_symmetric_and_bounded(a, b):
    m = NameMatcher()
    s = m.compare(a, b).score
    assert s == m.compare(b, a).score
    assert 0 <= s <= 100
    assert m.compare(a, a).score == 100
