"""Filings into ledger facts: sources, evidence locations, amendments superseding, companyfacts capex."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from infraledger.ledger import open_ledger
from infraledger.model.events import FactType, Role, Status
from infraledger.sources.edgar.ingest import ingest
from infraledger.sources.edgar.registry import read_filing, read_path

LIMIT = 50_000_000


def test_form_d_gives_a_sourced_private_raise(sec_dir):
    read = read_path(sec_dir / "form-d/D_Notion-Labs-Inc_2020-04-10.xml", max_bytes=LIMIT)
    (contribution,) = read.contributions
    (fact,) = contribution.facts
    assert fact.type is FactType.FUNDING_ROUND
    assert fact.subject == "Notion Labs, Inc."
    assert fact.subject_id == f"cik:{read.parsed.issuer.cik}"
    assert fact.amount.amount == read.parsed.total_amount_sold
    assert fact.attributes["total_offering_amount"] == str(read.parsed.total_offering_amount)
    assert fact.time.start == read.parsed.date_of_first_sale
    assert fact.attributes["evidence_location"]["element"].endswith("totalAmountSold")
    source = contribution.source
    assert source.kind.value == "sec_filing" and source.form_type == "D"
    assert source.filer_cik == read.parsed.issuer.cik


def test_form_d_in_a_full_submission_carries_accession_filed_date_and_url(sec_dir):
    read = read_path(sec_dir / "form-d/0001398344-24-000491_D-A_Investure-Opportunity-Fund.nc", max_bytes=LIMIT)
    source = read.contributions[0].source
    assert source.accession == "0001398344-24-000491"
    assert source.published == date(2024, 1, 11)
    assert source.url == (f"https://www.sec.gov/Archives/edgar/data/{source.filer_cik}/000139834424000491/"
                          "0001398344-24-000491.txt")
    assert read.contributions[0].facts[0].attributes["amendment"] is True


def _original_of(amendment: bytes) -> bytes:
    """The notice an amendment amends: same issuer and offering, earlier, smaller amount sold."""
    return (amendment.replace(b"<submissionType>D/A</submissionType>", b"<submissionType>D</submissionType>")
            .replace(b"<isAmendment>true</isAmendment>", b"<isAmendment>false</isAmendment>")
            .replace(b"<signatureDate>2023-01-31</signatureDate>", b"<signatureDate>2019-01-15</signatureDate>"))


def test_amended_form_d_supersedes_the_original_instead_of_adding_a_raise(sec_dir, tmp_path):
    amendment = (sec_dir / "form-d/D-A_Shepherds-Finance-LLC_2023-01-31.xml").read_bytes()
    original = read_filing(_original_of(amendment).replace(b"<totalAmountSold>", b"<totalAmountSold>1"), "orig.xml")
    amended = read_filing(amendment, "D-A.xml")
    store = open_ledger(tmp_path / "ledger.duckdb")
    first = ingest(store, original.contributions[0])
    second = ingest(store, amended.contributions[0])
    assert (first.facts_added, second.facts_added, second.superseded) == (1, 1, 1)
    facts = store.snapshot().facts(types=[FactType.FUNDING_ROUND])
    assert len(facts) == 1
    assert facts[0].amount.amount == amended.parsed.total_amount_sold
    assert facts[0].supersedes is not None
    everything = store.snapshot().facts(types=[FactType.FUNDING_ROUND], include_superseded=True)
    assert len(everything) == 2 and len({f.event_key for f in everything}) == 1


def test_ingesting_the_same_filing_twice_adds_nothing(sec_dir, tmp_path):
    read = read_path(sec_dir / "form-d/D_Notion-Labs-Inc_2020-04-10.xml", max_bytes=LIMIT)
    store = open_ledger(tmp_path / "ledger.duckdb")
    assert ingest(store, read.contributions[0]).facts_added == 1
    again = ingest(store, read.contributions[0])
    assert (again.facts_added, again.facts_skipped) == (0, 1)
    assert store.snapshot().count() == 1


def test_8k_item_201_gives_a_completed_acquisition_with_the_filer_as_acquirer(sec_dir):
    read = read_path(sec_dir / "8-k/0000891618-95-000727_8-K_Cisco-Systems.txt", max_bytes=LIMIT)
    (fact,) = read.contributions[0].facts
    assert fact.type is FactType.ACQUISITION and fact.status is Status.COMPLETED
    assert fact.subject == "Combinet, Inc."
    assert [(p.name, p.role) for p in fact.counterparties] == [("CISCO SYSTEMS INC", Role.ACQUIRER)]
    assert fact.time.start == date(1995, 9, 29)
    start, end = fact.span
    assert " ".join(read.parsed.text[start:end].split()) == "Combinet, Inc."
    assert fact.attributes["evidence_location"]["element"] == "Item 2.01"


def test_8k_item_502_gives_departures_and_appointments(sec_dir):
    read = read_path(sec_dir / "8-k/html/AFC-Gamma_8-K_2023-03-17.html", max_bytes=LIMIT)
    moves = {(f.people, f.attributes["move"]) for f in read.contributions[0].facts}
    assert moves == {(("Brett Kaufman",), "departure"), (("Brandon Hetzel",), "appointment")}
    read = read_path(sec_dir / "8-k/0000950137-05-004969_8-K_Exelon-Corp.txt", max_bytes=LIMIT)
    (fact,) = read.contributions[0].facts
    assert fact.people == ("Thomas J. Ridge",) and fact.attributes["move"] == "appointment"


def test_8k_without_a_named_person_makes_no_talent_fact(sec_dir):
    read = read_path(sec_dir / "8-k/0001045810-26-000024_8-K_NVIDIA-Corp.txt", max_bytes=LIMIT)
    assert read.contributions[0].facts == []
    assert any("5.02" in note for note in read.contributions[0].notes)


def test_424b4_gives_an_ipo_with_exchange_and_underwriters(sec_dir, tmp_path):
    read = read_path(sec_dir / "s-1/CAMP4-Therapeutics_424B4_IPO_2024.htm", max_bytes=LIMIT)
    (fact,) = read.contributions[0].facts
    assert fact.type is FactType.IPO and fact.status is Status.COMPLETED
    assert fact.amount.amount == Decimal(75020000)
    assert fact.attributes["shares"] == "6820000" and fact.attributes["offer_price"] == "11.00"
    assert fact.attributes["ticker"] == "CAMP"
    roles = {p.role for p in fact.counterparties}
    assert roles == {Role.EXCHANGE, Role.UNDERWRITER}
    store = open_ledger(tmp_path / "l.duckdb")
    ingest(store, read.contributions[0])
    (stored,) = store.snapshot().facts(types=[FactType.IPO])
    assert stored.attributes["ticker"] == "CAMP"


def test_companyfacts_give_annual_capex_actuals_per_annual_report(sec_dir, tmp_path):
    read = read_path(sec_dir / "other/companyfacts_CIK0001045810_NVIDIA.json", max_bytes=LIMIT)
    facts = [f for c in read.contributions for f in c.facts]
    assert facts and all(f.type is FactType.CAPEX_BUDGET and f.attributes["basis"] == "actual" for f in facts)
    assert all(c.source.accession and c.source.form_type.startswith("10-K") for c in read.contributions)
    periods = [f.attributes["period"] for f in facts]
    assert len(periods) == len(set(periods))
    store = open_ledger(tmp_path / "l.duckdb")
    for c in read.contributions:
        ingest(store, c)
    assert store.snapshot().count() == len(facts)


# A fictional press release, written for this test.
RELEASE = ("LAKEVIEW, Ore., August 12, 2025 -- Tindalo Networks today announced that it has completed its "
           "acquisition of Corvane Labs, a developer of optical interconnect software, for $410 million in cash.\n")


def test_press_release_exhibits_go_to_the_text_extractor_with_their_location():
    pytest.importorskip("infraledger.extract")
    from infraledger.sources.edgar.facts8k import press_release_facts

    notes: list[str] = []
    facts = press_release_facts(RELEASE, name="ex99-1.htm", notes=notes)
    assert notes == []
    deal = next(f for f in facts if f.type is FactType.ACQUISITION)
    assert deal.subject == "Corvane Labs"
    where = deal.attributes["evidence_location"]
    assert where["document"] == "ex99-1.htm"
    start, end = where["offset"]
    assert RELEASE[start:end] == deal.evidence or "Corvane Labs" in RELEASE[start:end]


def test_an_original_loaded_after_its_amendment_does_not_add_a_second_raise(sec_dir, tmp_path):
    amendment = (sec_dir / "form-d/D-A_Shepherds-Finance-LLC_2023-01-31.xml").read_bytes()
    original = read_filing(_original_of(amendment).replace(b"<totalAmountSold>", b"<totalAmountSold>1"), "orig.xml")
    amended = read_filing(amendment, "D-A.xml")
    store = open_ledger(tmp_path / "ledger.duckdb")
    ingest(store, amended.contributions[0])
    late = ingest(store, original.contributions[0])
    assert (late.facts_added, late.facts_skipped) == (0, 1)
    assert any("older than those already in the ledger" in n for n in original.contributions[0].notes)
    (fact,) = store.snapshot().facts(types=[FactType.FUNDING_ROUND])
    assert fact.amount.amount == amended.parsed.total_amount_sold
    assert len(store.snapshot().sources()) == 2


def test_8k_item_502_reads_the_verb_after_a_name_without_a_later_honorific(sec_dir):
    read = read_path(sec_dir / "8-k/html/0001193125-23-048785_BlackRock_8-K.html", max_bytes=LIMIT)
    moves = [(f.people, f.attributes["move"]) for f in read.contributions[0].facts]
    # "Gary S. Shedlin transitioned from the role of Chief Financial Officer to Vice Chairman" is a
    # change of role within the company, neither a departure nor an appointment.
    assert moves == [(("Martin Small",), "appointment")]
