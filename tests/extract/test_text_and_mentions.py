"""Sentence splitting and name finding, the ground floor of the rules backend."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infraledger.extract.mentions import build_table, find_mentions
from infraledger.extract.text import is_heading, split_sentences


def test_abbreviations_do_not_end_sentences():
    text = ("Orrin Corp. and J.P. Morgan advised. SANTA ROSA, Calif., Dec. 2, 2025 -- The U.S. unit of "
            "Kelda Inc. grew. It raised money.")
    sentences = [s.text for s in split_sentences(text)]
    assert sentences == ["Orrin Corp. and J.P. Morgan advised.",
                         "SANTA ROSA, Calif., Dec. 2, 2025 -- The U.S. unit of Kelda Inc. grew.",
                         "It raised money."]


def test_titles_and_section_headings_are_flagged():
    text = "Vesper Labs Raises $30 Million\n\nVesper Labs raised $30 million.\n\nAbout Vesper Labs\nIt makes chips."
    flags = [(s.text, s.heading) for s in split_sentences(text)]
    assert flags[0] == ("Vesper Labs Raises $30 Million", True)
    assert ("About Vesper Labs", True) in flags
    assert ("Vesper Labs raised $30 million.", False) in flags
    assert is_heading("Quarterly Deal Review") and not is_heading("the deal closed on time")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab c.D,\n!?$1 Inc. U.S. ")), max_size=300))
def test_sentence_offsets_always_slice_the_text(text):
    last = 0
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
        assert s.start >= last and s.text == s.text.strip() and s.text
        last = s.end


def _names(sentence: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in find_mentions(sentence)]


def test_company_names_with_suffixes_digits_lowercase_starts_and_ampersands():
    names = _names("Talbot & Rhys LLC, 1Stone, eQuant and Morrow Capital Partners backed Quill Systems, Inc. in 2024.")
    assert [n for n, _ in names] == ["Talbot & Rhys LLC", "1Stone", "eQuant", "Morrow Capital Partners",
                                     "Quill Systems, Inc."]


def test_leading_non_name_words_are_trimmed():
    names = _names("On Monday, Dutch chipmaker Veldhoven Optics and Austin-based Larkspur said in June they agree.")
    assert [n for n, _ in names] == ["Veldhoven Optics", "Larkspur"]


def test_people_are_told_apart_by_their_roles():
    names = dict(_names("Ortwin Basq, chief executive of Calloway Networks, said Calloway Networks hired "
                        "former Veltrane president Ama Okafor."))
    assert names["Ortwin Basq"] == "person" and names["Ama Okafor"] == "person"
    assert names["Calloway Networks"] == "org"


def test_possessives_and_ticker_cues():
    ms = find_mentions("Renfrew Energy Inc. (NYSE: RNFW) said Halden's unit grew.")
    assert [(m.text, m.ticker, m.possessive) for m in ms] == [("Renfrew Energy Inc.", "RNFW", False),
                                                              ("Halden", "", True)]


def test_short_forms_and_tickers_map_to_the_full_name_written_first():
    first = find_mentions("Palisade Compute Group (NASDAQ: PLCG) met Orla Semiconductor.")
    later = find_mentions("Palisade Compute said PLCG and Orla agreed.")
    table, surfaces = build_table([first, later])
    assert surfaces["Palisade Compute"] == "Palisade Compute Group"
    assert surfaces["PLCG"] == "Palisade Compute Group"
    assert surfaces["Orla"] == "Orla Semiconductor"


def test_hard_wrapped_lines_are_joined_into_sentences_and_names_across_a_break_are_one_name():
    text = ("LAKEVIEW, Ore., August 12, 2025 -- Tindra Networks today announced that it has completed its\n"
            "acquisition of Corvale Labs, in a round of deals advised by Bramblewick\n"
            "Ventures and others.\n\nA second paragraph.")
    sentences = split_sentences(text)
    assert len(sentences) == 2 and "\n" in sentences[0].text
    names = [m.text for m in find_mentions(sentences[0].text)]
    assert "Bramblewick Ventures" in names and "Corvale Labs" in names


def test_unwrapped_lines_stay_paragraphs():
    text = "Quarterly Deal Review\nPublished March 2, 2026\nOrla Semiconductor bought Brisa Labs."
    assert [s.text for s in split_sentences(text)] == ["Quarterly Deal Review", "Published March 2, 2026",
                                                        "Orla Semiconductor bought Brisa Labs."]


def test_accented_names_and_names_that_start_with_a_place_are_whole_while_places_alone_are_not_names():
    def names(sentence: str) -> list[str]:
        return [m.text for m in find_mentions(sentence)]

    assert names("Meanwhile, Lisbon's Atlântico Cloud raised money from Škoda Ventures.") == [
        "Atlântico Cloud", "Škoda Ventures"]
    assert names("Shares of Texas Instruments and Taiwan Semiconductor Manufacturing Co rose.") == [
        "Texas Instruments", "Taiwan Semiconductor Manufacturing Co"]
    assert names("In London, Orla said it would open an office in Texas.") == ["Orla"]
    assert names("Abu Dhabi's Orvane Capital and Saudi Arabia's Kilnworth Holding joined; Quill listed in "
                 "Hong Kong.") == ["Orvane Capital", "Kilnworth Holding", "Quill"]


def test_a_round_letter_before_a_capitalised_word_ends_the_sentence():
    assert [s.text for s in split_sentences("Orla raised a $5M Series B. Kestrel Ventures led.")] == [
        "Orla raised a $5M Series B.", "Kestrel Ventures led."]


def test_the_company_in_a_new_paragraph_is_the_company_the_text_is_about_not_the_last_one_named():
    from infraledger.extract.reading import read

    reading = read("Kestrel Optics raises $75M\n\n"
                   "Kestrel Optics has raised $75 million in a round led by Granite Arch Ventures.\n\n"
                   "Existing investors Talon Capital and Brightfield also participated.\n\n"
                   "The company said it would hire.")
    last = reading.sentences[-1]
    assert [reading.table.names[i] for i in last.entity_ids][:1] == ["Kestrel Optics"]


def test_a_short_name_with_a_ticker_cue_is_a_name_and_a_short_figure_is_not():
    assert [(m.text, m.ticker) for m in find_mentions("3M (NYSE: MMM) today announced a spin-off.")] == [("3M", "MMM")]
    assert find_mentions("Output rose by 3M units.") == []


@pytest.mark.parametrize(("sentence", "names"), [
    ("F5 agreed to acquire Brellix.", ["F5", "Brellix"]),
    ("3M bought Quorvia's sensor unit.", ["3M", "Quorvia"]),
    ("Then Q3 raised margins at Brellix.", ["Brellix"]),
    ("Brellix bought H100 chips from Zentrix.", ["Brellix", "Zentrix"]),
])
def test_a_short_code_is_a_name_when_it_does_what_companies_do(sentence, names):
    assert [m.text for m in find_mentions(sentence)] == names


def test_the_founders_a_company_was_founded_by_are_people():
    found = find_mentions("Brellix, the observability company founded by Dana Whitcombe and Ken Obi, "
                          "has been acquired by Quorvia.")
    assert {m.text: m.kind for m in found} == {"Brellix": "org", "Dana Whitcombe": "person", "Ken Obi": "person",
                                               "Quorvia": "org"}
