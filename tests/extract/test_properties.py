"""Properties of the rules backend on generated text: it never fails and its facts are well formed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from infraledger.extract import extract_events
from infraledger.sources.document import document_from_text

NAMES = ["Quill Systems", "Orla Semiconductor", "Tarrow Cloud", "Brisa Compute", "Nordlys Ventures", "Kestrel Labs"]
PIECES = ["raised", "acquired", "agreed to buy", "invested", "in", "from", "led by", "a round", "signed a deal with",
          "the company", "it", "its", "and", "was acquired by", "Series B", "on Monday", "in March 2025", "—", ",",
          "(Source: Quill 8-K)", "would", "reportedly", "left to join", "chief executive Ana Ruiz", "the startup",
          "$40 million", "€1.2bn", "up to $5 billion", "valued at about $2 billion", ".", "\n", "\n\n", "IPO"]

sentences = st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(PIECES), st.text(max_size=12)),
                     min_size=1, max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=6).map(lambda parts: "\n\n".join(parts)))
def test_generated_deal_prose_never_fails_and_gives_well_formed_facts(text):
    document = document_from_text(text, name="generated.txt")
    for fact in extract_events(document):
        start, end = fact.span
        assert 0 <= start < end <= len(document.text)
        assert document.text[start:end] == fact.evidence
        assert fact.subject.strip()
        assert all(p.name.strip() and p.name != fact.subject for p in fact.counterparties)
        if fact.amount is not None:
            assert fact.amount.amount > 0
