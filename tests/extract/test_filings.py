"""Extraction from real SEC 8-K filings in tests/fixtures/sec (hard-wrapped text and HTML)."""

from __future__ import annotations

from pathlib import Path

from infraledger.extract import extract_events
from infraledger.model.events import FactType, Role
from infraledger.sources.document import read_document

SEC = Path(__file__).resolve().parents[1] / "fixtures" / "sec" / "8-k"


def test_hard_wrapped_8k_with_its_press_release_gives_one_acquisition_with_the_buyer():
    doc = read_document(SEC / "0000891618-95-000727_8-K_Cisco-Systems.txt")
    facts = extract_events(doc)
    assert [(f.type, f.subject) for f in facts] == [(FactType.ACQUISITION, "Combinet")]
    f = facts[0]
    assert {p.name for p in f.counterparties if p.role is Role.ACQUIRER} == {"Cisco Systems"}
    assert int(f.amount.amount) == 114_200_000  # "indicated value of $114.2 million"
    # A wrapped sentence is one sentence: its evidence spans the line breaks.
    assert "\n" in f.evidence and doc.text[f.span[0]:f.span[1]] == f.evidence


def test_merger_agreement_in_an_8k_names_the_company_merged_into_the_other():
    doc = read_document(SEC / "html" / "0000887919-21-000012_Premier-Financial-Bancorp_8-K.html")
    facts = extract_events(doc)
    assert [(f.type, f.subject, [(p.name, p.role) for p in f.counterparties]) for f in facts] == [
        (FactType.ACQUISITION, "Premier Financial Bancorp", [("Peoples Bancorp", Role.ACQUIRER)])]


def test_8k_without_deals_gives_none():
    doc = read_document(SEC / "0001193125-19-191922_8-K_Oracle-Corp.txt")
    assert extract_events(doc) == []
