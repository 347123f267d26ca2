"""The test of which sentences are parsed passes over no sentence a syntactic frame reads from its parse.

Every frame's positive examples (fictional companies, in ``extract/syntax/frames/*.toml``) are read
both ways: parsed regardless, and through :func:`worth_parsing`; whenever the parse gives a draft,
the sentence must be one the filter sends to the parser.
"""

from __future__ import annotations

import pytest

from infraledger.extract.reading import read
from infraledger.extract.syntax import frames
from infraledger.extract.syntax.engine import parse_all, syntax_drafts, worth_parsing

EXAMPLES = [e.text for f in frames() for e in f.examples] + [t for f in frames() for t in f.negatives.texts]


@pytest.mark.parametrize("text", EXAMPLES, ids=lambda t: t[:40])
def test_every_sentence_a_frame_reads_is_parsed(text: str):
    reading = read(text)
    for an, parsed in zip(reading.sentences, parse_all(reading.sentences)):
        if syntax_drafts(an, reading, parsed):
            assert worth_parsing(an, []), an.abstract


def test_a_sentence_without_the_word_its_party_comes_by_is_not_parsed():
    # "pay-for" finds what is bought only by "for"; "sell-to" the buyer only by "to".
    assert worth_parsing(read("Zentrix paid $40 million for Halvora.").sentences[0], [])
    assert not worth_parsing(read("Zentrix paid $40 million, Halvora said.").sentences[0], [])
    assert not worth_parsing(read("Quorvia sold its chips, Halvora said.").sentences[0], [])
