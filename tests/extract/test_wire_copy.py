"""Wire copy as news agencies file it: lines wrapped at a fixed width, paragraphs opened by an
indent, companies without a ticker in angle brackets, shares in "pct". All about fictional companies."""

from __future__ import annotations

from infraledger.extract import extract_events
from infraledger.extract.text import sentence_case_headline, split_sentences
from infraledger.lexicon import common_words
from infraledger.model.events import FactType, Role
from infraledger.sources.document import document_from_text


def _facts(text: str):
    return [(f.type, f.subject, {p.name: p.role for p in f.counterparties})
            for f in extract_events(document_from_text(text, name="wire.txt"))]


STORY = """ZENTRIX <ZTX> BUYS HALVORA UNIT

BRISTOL, March 4 - Zentrix Corp said it acquired
Quillon Bio Inc, a wholly owned subsidiary of Halvora Corp.
    Terms of the acquisition were not disclosed.
    Quillon makes enzymes for the food processing
industry, the company said.
"""


def test_a_story_with_indented_paragraphs_is_read_one_paragraph_a_sentence_across_its_wrapped_lines():
    sentences = [s.text for s in split_sentences(STORY)]
    assert sentences[1] == "BRISTOL, March 4 - Zentrix Corp said it acquired\nQuillon Bio Inc, a wholly owned subsidiary " \
                           "of Halvora Corp."
    assert sentences[2] == "Terms of the acquisition were not disclosed."
    assert (FactType.ACQUISITION, "Quillon Bio", {"Zentrix": Role.ACQUIRER}) in _facts(STORY)


def test_indented_lines_of_a_list_that_is_not_wrapped_stay_lines():
    text = "Deal notes\n  Zentrix bought Halvora.\n  Quillon Bio raised money.\n  Brellix hired staff."
    assert [s.text for s in split_sentences(text)][1:] == ["Zentrix bought Halvora.", "Quillon Bio raised money.",
                                                           "Brellix hired staff."]


def test_a_name_in_angle_brackets_is_one_company_whole_with_its_place_word():
    facts = _facts("Zentrix Corp said it sold its Halvora Tools unit to <Norwegian Quillon AS> for 12 mln dlrs.")
    assert facts == [(FactType.ACQUISITION, "Halvora Tools", {"Norwegian Quillon AS": Role.ACQUIRER})]


def test_a_stake_in_pct_above_half_is_control_and_below_half_a_stake():
    assert _facts("Zentrix Corp said it acquired a 60 pct stake in Halvora Ltd for undisclosed terms.") == [
        (FactType.ACQUISITION, "Halvora", {"Zentrix": Role.ACQUIRER})]
    assert [f[0] for f in _facts("Zentrix Corp said it bought 15 pct of Halvora Ltd.")] == [
        FactType.STRATEGIC_INVESTMENT]


def test_a_company_described_as_a_former_subsidiary_is_a_company_not_a_person():
    facts = _facts("Zentrix Corp said it sold Halvora Vineyards Inc to Quillon for 12 mln dlrs. Quillon, a former "
                   "subsidiary of Brellix Inc, was recently acquired by Ostrava PLC.")
    assert (FactType.ACQUISITION, "Halvora Vineyards", {"Quillon": Role.ACQUIRER}) in facts


def test_a_story_in_one_wrapped_paragraph_is_read_across_its_line_breaks():
    text = ("ZENTRIX <ZTX> TO MAKE PURCHASE\n\nOSLO, March 2 - Zentrix Corp of Santa\nBarbara said it has signed a "
            "definitive agreement to purchase\nHalvora Financial, the lending operations unit of mortgage\n"
            "banking company <Quillon Mortgage>, for undisclosed terms.")
    assert [f[:2] for f in _facts(text)] == [(FactType.ACQUISITION, "Halvora Financial")]


def test_a_common_word_the_story_capitalises_stays_a_name_word_in_its_capitals_headline():
    text = "ZENTRIX BANK TO BUY HALVORA\n\nOSLO, March 2 - Shares of Zentrix Bank rose."
    assert sentence_case_headline(text, common_words()).startswith("Zentrix Bank to buy Halvora")


def test_a_name_that_opens_with_a_few_small_letters_is_a_name():
    facts = _facts("Zentrix announced on Tuesday that it will buy benefit management company ovaCore for $3.6 billion.")
    assert facts == [(FactType.ACQUISITION, "ovaCore", {"Zentrix": Role.ACQUIRER})]


def test_a_short_code_in_angle_brackets_names_a_company_after_an_ordinary_word_and_is_a_ticker_after_a_name():
    facts = _facts("Zentrix SA agreed to buy boot manufacturer <QSB> from <Brellix Inc>.")
    assert [f[:2] for f in facts] == [(FactType.ACQUISITION, "QSB")]
    assert _facts("Zentrix Corp <ZTX> said it bought <Quillon Inc>.") == [
        (FactType.ACQUISITION, "Quillon", {"Zentrix": Role.ACQUIRER})]
