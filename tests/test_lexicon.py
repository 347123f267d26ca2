"""The shared lexicon: every data file validates, malformed entries are refused, and extraction and the
audit read a deal's status from the same words and find the same company names (tables of made-up
sentences, both readers)."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from infraledger import lexicon
from infraledger.audit.claims import ClaimKind, find_claims
from infraledger.extract import extract_events
from infraledger.extract.mentions import is_exchange
from infraledger.model import FactType, Status
from infraledger.sources.document import document_from_text

_AGREED = "Quillon Systems agreed to acquire Brightwater Robotics for $400 million."

#: (text, the status both extraction and the audit must read for the deal it states)
STATUS_TABLE = [
    (f"{_AGREED} The purchase remains subject to regulatory approval.", Status.PENDING),
    (f"{_AGREED} The deal still needs antitrust clearance in two countries.", Status.PENDING),
    (f"{_AGREED} The transaction is pending.", Status.PENDING),
    (f"{_AGREED} The deal was cancelled in May.", Status.TERMINATED),
    (f"{_AGREED} Regulators blocked the deal in July.", Status.TERMINATED),
    (f"{_AGREED} Shareholders voted down the deal.", Status.TERMINATED),
    (f"{_AGREED} Quillon Systems walked away from the deal in May.", Status.TERMINATED),
    (f"{_AGREED} The takeover fell through.", Status.TERMINATED),
    (f"{_AGREED} The merger is awaiting shareholder approval.", Status.PENDING),
    (f"{_AGREED} The deal has not yet closed.", Status.PENDING),
    (f"{_AGREED} The deal closed on June 3.", Status.COMPLETED),
    ("Quillon Systems finalised its $400 million purchase of Brightwater Robotics.", Status.COMPLETED),
    (f"{_AGREED[:-1]}, but the agreement lapsed in June.", Status.TERMINATED),
    ("Quillon Systems called off its $400 million acquisition of Brightwater Robotics.", Status.TERMINATED),
    ("Quillon Systems closed the acquisition of Brightwater Robotics for $400 million.", Status.COMPLETED),
    ("Quillon Systems completed its $400 million acquisition of Brightwater Robotics in March.", Status.COMPLETED),
    ("Quillon Systems acquired Brightwater Robotics for $400 million in March.", Status.COMPLETED),
    ("Quillon Systems agreed to buy Brightwater Robotics for $400 million.", Status.ANNOUNCED),
    ("Quillon Systems will acquire Brightwater Robotics for $400 million.", Status.ANNOUNCED),
    (f"{_AGREED} The deal is expected to close in the third quarter, subject to regulatory approvals.",
     Status.ANNOUNCED),
]


def _extracted_status(text: str) -> Status | None:
    deals = [f for f in extract_events(document_from_text(text)) if f.type is FactType.ACQUISITION]
    assert len(deals) == 1, deals
    return deals[0].status


def _audited_status(text: str) -> Status | None:
    # The audit reads one status claim per sentence; the last one is where the text leaves the deal.
    statuses = [c.status for c in find_claims(text) if c.kind is ClaimKind.STATUS]
    return statuses[-1] if statuses else None


@pytest.mark.parametrize(("text", "status"), STATUS_TABLE,
                         ids=[f"{n}-{s.value}" for n, (_, s) in enumerate(STATUS_TABLE)])
def test_extraction_and_audit_read_the_same_status(text, status):
    assert _extracted_status(text) is status
    assert _audited_status(text) is status


#: (sentence, the company names both the extractor's and the audit's readers must find in it)
NAME_TABLE = [
    ("Norvale, Inc., a maker of inference chips, raised $350 million.", {"Norvale"}),
    ("Orvane Labs said Quillon Systems owns 20% of Brightwater Robotics.",
     {"Orvane Labs", "Quillon Systems", "Brightwater Robotics"}),
    ("Meanwhile, Quillon Systems and Brightwater Robotics grew revenue 30%.",
     {"Quillon Systems", "Brightwater Robotics"}),
    ("In March, Widget.ai said its sales doubled.", {"Widget.ai"}),
]


@pytest.mark.parametrize(("sentence", "names"), NAME_TABLE, ids=[" + ".join(sorted(n)) for _, n in NAME_TABLE])
def test_extraction_and_audit_find_the_same_company_names(sentence, names):
    from infraledger.audit.mentions import NameIndex
    from infraledger.audit.mentions import find_mentions as audit_names
    from infraledger.extract.mentions import find_mentions as extract_names
    from infraledger.extract.mentions import strip_legal

    extracted = {strip_legal(m.text) for m in extract_names(sentence) if m.kind != "person"}
    audited = {m.text for m in audit_names(sentence, 0, NameIndex())}
    assert extracted == audited == names


@pytest.mark.parametrize("load", [lexicon.status_words, lexicon.numbers, lexicon.legal, lexicon.citations,
                                  lexicon.currencies, lexicon.deal_nouns, lexicon.verb_forms, lexicon.titles,
                                  lexicon.exchanges])
def test_every_lexicon_file_validates(load):
    load.cache_clear()
    assert load()


@pytest.mark.parametrize(("model", "data"), [
    (lexicon.StatusWords, {"terminated": ["Cancelled"], "pending": [], "completed": [], "announced": []}),
    (lexicon.StatusWords, {"terminated": ["... lapsed"], "pending": [], "completed": [], "announced": []}),
    (lexicon.StatusWords, {"terminated": ["lapsed", "lapsed"], "pending": [], "completed": [], "announced": []}),
    (lexicon.StatusWords, {"terminated": [], "pending": [], "completed": [], "announced": [], "rumoured": []}),
    (lexicon.Numbers, {"cardinals": {"Two": 2}, "vague": {}, "fractions": {}, "days": {}}),
    (lexicon.Numbers, {"cardinals": {"two": -2}, "vague": {}, "fractions": {}, "days": {}}),
    (lexicon.DealNouns, {"acquisition": ["Deal"], "funding": [], "contract": [], "ipo": []}),
    (lexicon.LegalSuffixes, {"suffixes": ["Inc."]}),
    (lexicon.Citations, {"bracket_cues": ["source"], "prose_cues": [],
                         "datelines": {"dashes": ["~"], "tag_length": 30}}),
    (lexicon.Currencies, {"currencies": {"usd": {"symbols": ["$"], "words": []}}, "scales": {}}),
    (lexicon.Currencies, {"currencies": {"USD": {"symbols": ["$"], "words": []},
                                         "AUD": {"symbols": ["$"], "words": []}}, "scales": {}}),
    (lexicon.Currencies, {"currencies": {}, "scales": {"million": 60}}),
    (lexicon.Exchanges, {"abbreviations": ["ASX", "ASX"], "words": []}),
    (lexicon.Exchanges, {"abbreviations": ["(NYSE)"], "words": []}),
])
def test_a_malformed_entry_is_refused(model, data):
    with pytest.raises(ValidationError):
        model(**data)


def test_phrases_match_whole_words_with_any_spacing_and_a_gap():
    pending = lexicon.status_pattern("pending")
    assert pending.search("The deal still needs US antitrust approval").group(0) == "still needs"
    assert lexicon.phrase_pattern(["needs ... approval"]).search("it needs two more approval rounds") is not None
    assert lexicon.phrase_pattern(["needs ... approval"]).search("needs approval").group(0) == "needs approval"
    assert lexicon.phrase_pattern(["called off"]).search("the sale was called\n off") is not None
    assert lexicon.status_pattern("terminated").search("the unterminated string") is None


def test_a_longer_phrase_wins_over_its_first_word():
    assert lexicon.phrase_pattern(["closed", "closed on"]).search("it closed on Monday").group(0) == "closed on"


def test_number_words_digits_and_counts():
    assert lexicon.number_value("seven") == 7
    assert lexicon.number_value("a dozen") == 12
    assert lexicon.number_value("1,200") == 1200
    assert lexicon.number_value("many") is None
    assert lexicon.days_per("weeks") == 7


def test_legal_suffixes_dots_and_commas_are_optional():
    tail = re.compile(rf",?\s+(?:{lexicon.legal_suffix_alternation()})\.?$")
    for name in ("Halvora S.p.A.", "Halvora SpA", "Zentrix Co., Ltd.", "Zentrix Co. Ltd", "Orvane, Inc."):
        assert tail.search(name), name
    assert tail.search("Orvane Incubator") is None


def test_citation_in_round_or_square_brackets():
    m = lexicon.citation_pattern().search("Foo raised $5M [Source: Foo press release].")
    assert m.group("body") == "Foo press release"
    assert lexicon.citation_pattern().search("(According to: Bar Wire)").group("body") == "Bar Wire"


def test_currency_forms_name_one_code():
    forms = lexicon.currency_by_form()
    assert forms["dlrs"] == "USD" and forms["stg"] == "GBP" and forms["rs"] == "INR" and forms["hk$"] == "HKD"
    assert lexicon.scale_factors()["crore"] == 7 and lexicon.scale_factors()["mln"] == 6


def test_an_exchange_is_known_by_any_of_its_names():
    assert all(is_exchange(n) for n in ("ASX", "Nasdaq Stockholm", "Oslo Stock Exchange", "HKEX"))
    assert not any(is_exchange(n) for n in ("Quorvia Power", "AIM Robotics", "Asx Labs"))
