"""Matching keys: legal words, EDGAR suffixes, abbreviations and 'The' fold away; properties hold for any name."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from infraledger.resolve.names import LEGAL_WORDS, is_generic, match_key, numbers_in, squash


def test_edgar_conformed_names_and_press_names_share_a_key():
    assert match_key("NVIDIA CORP/DE") == match_key("NVIDIA Corporation") == "nvidia"
    assert match_key("The Buckle, Inc.") == match_key("BUCKLE INC") == "buckle"
    assert match_key("1-800-FLOWERS.COM, Inc.") == match_key("1 800 FLOWERS COM INC")
    assert match_key("INTL FLAVORS & FRAGRANCES INC") == match_key("International Flavors and Fragrances Inc.")
    assert match_key("JACK IN THE BOX INC /NEW/") == match_key("Jack in the Box Inc.")
    assert match_key("American BriVision (Holding) Corp") == "american brivision"


def test_distinct_companies_keep_distinct_keys():
    assert match_key("Alabama Power Co") != match_key("Georgia Power Co")
    assert match_key("Southern Co") != match_key("Southern Power Co")


def test_space_free_form_joins_split_brand_names():
    assert squash(match_key("Core Weave")) == squash(match_key("CoreWeave, Inc."))


def test_generic_names_and_numbers_are_recognised():
    assert is_generic(match_key("Networks"))
    assert is_generic(match_key("Systems, Inc."))
    assert not is_generic(match_key("Palo Alto Networks"))
    assert numbers_in(match_key("Upshot Real Estate Fund II, LP")) != numbers_in(match_key("Upshot Real Estate Fund III"))


_word = st.text(alphabet=st.characters(min_codepoint=97, max_codepoint=122), min_size=2, max_size=9).filter(
    lambda w: w not in LEGAL_WORDS)
_name = st.lists(_word, min_size=1, max_size=5).map(" ".join)


@given(_name)
def test_key_ignores_case_punctuation_and_an_added_legal_suffix(name):
    key = match_key(name)
    assert match_key(name.upper()) == key
    assert match_key(f"{name.title()}, Inc.") == key
    assert match_key(f"{name} Corp /DE/") == key


@given(st.text(max_size=60))
@example("0:CO")  # a legal word left at the end once punctuation is spaces
def test_key_is_lowercase_ascii_words_and_stable(text):
    key = match_key(text)
    assert key == key.strip() and "  " not in key
    assert all(c.islower() or c.isdigit() or c == " " for c in key)
    assert match_key(key) == key
