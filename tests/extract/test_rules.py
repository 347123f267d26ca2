"""The rules backend on documents in several styles (press release, newsletter, article, HTML page,
commentary), all about fictional companies written for these tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from infraledger.errors import InputError
from infraledger.extract import extract_events, to_eval_record
from infraledger.model.events import FactType, Role, Status
from infraledger.model.money import Qualifier
from infraledger.sources.document import document_from_bytes, document_from_text

from . import docs


def _events(text: str, name: str = "doc.txt"):
    document = document_from_bytes(text.encode("utf-8"), name=name)
    return document, extract_events(document)


def _one(facts, type_: FactType, subject: str):
    found = [f for f in facts if f.type is type_ and f.subject == subject]
    assert len(found) == 1, [(f.type.value, f.subject) for f in facts]
    return found[0]


def _roles(fact) -> dict[str, Role]:
    return {p.name: p.role for p in fact.counterparties}


def test_press_release_funding_round_with_leads_participants_valuation_and_dateline_date():
    _, facts = _events(docs.RELEASE)
    assert len(facts) == 1
    f = _one(facts, FactType.FUNDING_ROUND, "Halvorsen Grid")
    assert f.amount.amount == Decimal(120_000_000) and f.amount.currency == "USD"
    assert _roles(f) == {"Nordlys Ventures": Role.LEAD_INVESTOR, "Brightpeak Capital": Role.LEAD_INVESTOR,
                         "Fjord Partners": Role.INVESTOR, "Ravnsborg Capital": Role.INVESTOR}
    assert f.valuation.amount == Decimal(900_000_000) and f.valuation.qualifier is Qualifier.MORE_THAN
    assert f.time.start == date(2025, 4, 8)
    assert f.status is Status.COMPLETED
    assert f.attributes["round"] == "Series C"


def test_newsletter_items_contract_direction_up_to_investment_citation_and_talent_move():
    _, facts = _events(docs.NEWSLETTER)
    assert len(facts) == 4
    supply = _one(facts, FactType.COMMERCIAL_CONTRACT, "Tarrow Cloud")
    assert _roles(supply) == {"Quintessa Labs": Role.CUSTOMER}
    assert supply.amount.amount == Decimal(2_200_000_000) and supply.amount.qualifier is Qualifier.ABOUT
    assert supply.time.label() == "2025-05-12"  # "on Monday" before the Friday, May 16 issue
    bought = _one(facts, FactType.COMMERCIAL_CONTRACT, "Norrland Compute")  # the seller supplies
    assert _roles(bought) == {"Pelagos AI": Role.CUSTOMER}
    stake = _one(facts, FactType.STRATEGIC_INVESTMENT, "Kestrel Photonics")
    assert _roles(stake) == {"Orvieto Systems": Role.INVESTOR}
    assert stake.amount.qualifier is Qualifier.UP_TO
    assert stake.cited_source == "Orvieto 8-K"
    move = _one(facts, FactType.TALENT_MOVE, "Tarrow Cloud")
    assert move.people == ("Mara Lindqvist",) and _roles(move) == {"Pelagos AI": Role.HIRER}


def test_article_statuses_completed_terminated_pending_and_repeated_mentions_merged():
    _, facts = _events(docs.ARTICLE)
    assert len(facts) == 3  # "first agreed to buy Ostrava Data in June" is the same deal
    done = _one(facts, FactType.ACQUISITION, "Ostrava Data")
    assert _roles(done) == {"Brennan Software": Role.ACQUIRER}
    assert done.status is Status.COMPLETED and done.time.start == date(2025, 11, 3)
    assert done.amount.amount == Decimal(780_000_000) and done.amount.qualifier is Qualifier.ABOUT
    dead = _one(facts, FactType.ACQUISITION, "Calder Robotics")
    assert dead.status is Status.TERMINATED and _roles(dead) == {"Wexley Industries": Role.ACQUIRER}
    pending = _one(facts, FactType.ACQUISITION, "Sorrel Security")
    assert pending.status is Status.PENDING and pending.amount.amount == Decimal(310_000_000)


def test_rumours_hypotheticals_forecasts_buybacks_earnings_launches_and_ipo_filings_are_not_events():
    _, facts = _events(docs.COMMENTARY)
    assert facts == []


def test_html_page_ipo_with_exchange_and_underwriters_and_a_hire_without_boilerplate():
    _, facts = _events(docs.PAGE, name="page.html")
    ipo = _one(facts, FactType.IPO, "Brisa Compute")
    assert ipo.amount.amount == Decimal(410_000_000)  # not the $20.50 share price
    assert _roles(ipo) == {"New York Stock Exchange": Role.EXCHANGE, "Morgan Halvard": Role.UNDERWRITER,
                           "Clearwater Securities": Role.UNDERWRITER}
    hire = _one(facts, FactType.TALENT_MOVE, "Valdane Networks")
    assert hire.people == ("Tomas Eriksen",) and _roles(hire) == {"Brisa Compute": Role.HIRER}
    assert len(facts) == 2


def test_descriptive_noun_phrase_refers_back_to_the_company_and_other_currencies_stay_as_stated():
    _, facts = _events(docs.COREFERENCE)
    f = _one(facts, FactType.STRATEGIC_INVESTMENT, "Sardinha Labs")
    assert _roles(f) == {"Tagus Telecom": Role.INVESTOR}
    assert f.amount.currency == "EUR" and f.amount.amount == Decimal(40_000_000)
    assert f.time.label() == "2026-02"  # "last month" against the March 3, 2026 date line
    record = to_eval_record(f, "c.txt")
    assert record["amount_usd"] is None and record["amount_original"]


@pytest.mark.parametrize("name", ["RELEASE", "NEWSLETTER", "ARTICLE", "PAGE", "COREFERENCE", "FEATURE"])
def test_every_fact_carries_evidence_that_is_its_span_in_the_document_text(name):
    document, facts = _events(getattr(docs, name), name=name.lower() + (".html" if name == "PAGE" else ".txt"))
    assert facts
    for f in facts:
        start, end = f.span
        assert document.text[start:end] == f.evidence
        assert f.evidence.strip()


def test_acquired_by_names_the_target_as_subject_not_the_buyer():
    _, facts = _events("Glenrock Data, a storage startup, was acquired by Ashdown Systems in 2024.")
    assert [(f.subject, _roles(f)) for f in facts] == [("Glenrock Data", {"Ashdown Systems": Role.ACQUIRER})]
    assert facts[0].time.label() == "2024"


def test_sale_to_a_buyer_makes_the_buyer_the_acquirer():
    _, facts = _events("Tamsin Group agreed to sell its cable unit Brora Fibre to Kilnworth Partners for "
                       "$1.2bn, the companies said on 5 May 2025.")
    f = _one(facts, FactType.ACQUISITION, "Brora Fibre")
    assert _roles(f) == {"Kilnworth Partners": Role.ACQUIRER}
    assert f.amount.amount == Decimal(1_200_000_000) and f.status is Status.ANNOUNCED


def test_ticker_cue_links_the_ticker_to_the_company():
    text = ("DENVER, Jan. 14, 2026 -- Mesa Fabric Inc. (NASDAQ: MSFB) today announced that it has signed a "
            "five-year supply agreement with Corran Mills. MSFB expects the contract to be worth US$350m.")
    _, facts = _events(text)
    f = _one(facts, FactType.COMMERCIAL_CONTRACT, "Mesa Fabric")
    assert _roles(f) == {"Corran Mills": Role.CUSTOMER}
    assert f.time.label() == "2026-01-14"


def test_unknown_backend_is_an_input_error():
    with pytest.raises(InputError, match="unknown extraction backend"):
        extract_events(document_from_text("Nothing.", name="x.txt"), backend="nope")


def test_empty_and_dealless_documents_give_no_events():
    assert extract_events(document_from_text("", name="empty.txt")) == []
    assert extract_events(document_from_text("The weather was fine. Markets were calm.", name="x.txt")) == []


def test_wire_briefs_each_give_their_deal_and_talks_or_considerations_give_none():
    _, facts = _events(docs.BRIEFS)
    got = {(f.type, f.subject): f for f in facts}
    assert set(got) == {
        (FactType.FUNDING_ROUND, "Zephyr Compute"), (FactType.ACQUISITION, "Brightline Robotics"),
        (FactType.COMMERCIAL_CONTRACT, "Nimbus Cloud"), (FactType.TALENT_MOVE, "Quasar Devices"),
        (FactType.STRATEGIC_INVESTMENT, "Apex Power"), (FactType.IPO, "Cirrus Data"),
        (FactType.FUNDING_ROUND, "Sable Compute"), (FactType.COMMERCIAL_CONTRACT, "Mistwood Energy"),
        (FactType.TALENT_MOVE, "Lattice Labs"),
    }
    assert _roles(got[(FactType.FUNDING_ROUND, "Zephyr Compute")]) == {"Acorn Capital": Role.INVESTOR,
                                                                       "Birch Ventures": Role.INVESTOR}
    assert got[(FactType.FUNDING_ROUND, "Zephyr Compute")].time.label() == "2025-07-08"  # "on Tuesday"
    assert got[(FactType.ACQUISITION, "Brightline Robotics")].status is Status.ANNOUNCED  # "agreed to be acquired"
    assert _roles(got[(FactType.STRATEGIC_INVESTMENT, "Apex Power")]) == {"Vega Holdings": Role.INVESTOR}
    assert _roles(got[(FactType.IPO, "Cirrus Data")]) == {"Nasdaq": Role.EXCHANGE}
    assert got[(FactType.IPO, "Cirrus Data")].amount.amount == Decimal(220_000_000)
    assert _roles(got[(FactType.FUNDING_ROUND, "Sable Compute")]) == {"Ridge Partners": Role.LEAD_INVESTOR}
    assert got[(FactType.TALENT_MOVE, "Lattice Labs")].people == ("Omar Reyes",)
    assert _roles(got[(FactType.TALENT_MOVE, "Quasar Devices")]) == {"Helix Semiconductor": Role.HIRER}


def test_a_very_long_document_is_read_in_windows_with_spans_into_the_whole_text(monkeypatch):
    from infraledger.extract import rules

    monkeypatch.setattr(rules, "WINDOW_CHARS", 2_000)  # small windows, to exercise the cutting
    filler = "Markets were calm and nothing else happened that week.\n\n" * 60
    text = docs.RELEASE + "\n\n" + filler + docs.ARTICLE + "\n\n" + filler + docs.RELEASE
    document = document_from_text(text, name="long.txt")
    facts = extract_events(document)
    subjects = sorted(f.subject for f in facts)
    assert subjects == ["Calder Robotics", "Halvorsen Grid", "Ostrava Data", "Sorrel Security"]  # repeat merged
    for f in facts:
        assert document.text[f.span[0]:f.span[1]] == f.evidence


def test_blog_post_money_in_words_and_codes_relative_dates_pending_status_and_non_events():
    _, facts = _events(docs.BLOG)
    assert sorted((f.type.value, f.subject) for f in facts) == [
        ("acquisition", "Penrose Fabric"), ("commercial_contract", "Estrella Silicon"),
        ("funding_round", "Corvid Compute")]
    round_ = _one(facts, FactType.FUNDING_ROUND, "Corvid Compute")
    assert round_.amount.amount == Decimal(1_500_000_000)  # "1.5 billion dollars"
    assert _roles(round_) == {"Tallis Growth": Role.LEAD_INVESTOR, "Moreau Partners": Role.INVESTOR,
                              "Ashgrove Capital": Role.INVESTOR}
    assert round_.valuation.amount == Decimal(9_000_000_000) and round_.valuation.qualifier is Qualifier.ABOUT
    assert round_.time.label() == "2026-05/2026-05-14"  # "earlier this month"
    deal = _one(facts, FactType.ACQUISITION, "Penrose Fabric")
    assert deal.status is Status.PENDING and deal.amount.amount == Decimal(350_000_000)  # "US$350m"
    supply = _one(facts, FactType.COMMERCIAL_CONTRACT, "Estrella Silicon")
    assert supply.time.label() == "2026-Q1" and supply.amount.amount == Decimal(1_200_000_000)  # "$1.2bn"


def test_market_colour_with_deal_words_but_no_deals_gives_nothing():
    _, facts = _events(docs.MARKET_COLOUR)
    assert facts == []


def test_merger_release_with_wire_dateline_and_a_completed_sale_of_a_unit():
    document, facts = _events(docs.MERGER_RELEASE)
    assert document.published.label() == "2026-02-03"
    merger = _one(facts, FactType.ACQUISITION, "Brenmark Networks")
    assert _roles(merger) == {"Talvio Holdings": Role.ACQUIRER}
    assert merger.amount.amount == Decimal(4_200_000_000) and merger.amount.qualifier is Qualifier.ABOUT
    assert merger.status is Status.ANNOUNCED and merger.time.label() == "2026-02-03"
    sale = _one(facts, FactType.ACQUISITION, "Kestrel Home")
    assert _roles(sale) == {"Arbor Equity Partners": Role.ACQUIRER}
    assert sale.status is Status.COMPLETED and sale.time.label() == "2026-01-30"
    assert len(facts) == 2  # joining a board is not a talent move


def test_wire_roundup_skips_the_rumour_and_reads_stake_sales_and_agreed_contracts():
    document, facts = _events(docs.WIRE)
    assert document.published.label() == "2026-06-09"  # "LONDON, June 9, 2026 (Reuters) -"
    got = {(f.type, f.subject): f for f in facts}
    assert set(got) == {
        (FactType.TALENT_MOVE, "Orlov Systems"), (FactType.ACQUISITION, "Marlow Grid"),
        (FactType.FUNDING_ROUND, "Kappa AI"), (FactType.COMMERCIAL_CONTRACT, "Helio Compute"),
        (FactType.STRATEGIC_INVESTMENT, "Bryce Networks"), (FactType.ACQUISITION, "Sable Fibre"),
    }  # nothing about Gantry Labs: "people familiar with the matter said ... in advanced talks"
    stake = got[(FactType.STRATEGIC_INVESTMENT, "Bryce Networks")]
    assert _roles(stake) == {"Mirren Capital": Role.INVESTOR} and stake.amount.amount == Decimal(150_000_000)
    assert stake.valuation.amount == Decimal(750_000_000)
    assert got[(FactType.ACQUISITION, "Sable Fibre")].amount.amount == Decimal(1_100_000_000)  # not $40 a share
    assert got[(FactType.FUNDING_ROUND, "Kappa AI")].amount.amount == Decimal(85_000_000)  # not the $110m total
    assert got[(FactType.TALENT_MOVE, "Orlov Systems")].people == ("Priya Nair",)


def test_deal_list_in_note_form():
    document, facts = _events(docs.DEALS_LIST)
    assert document.published.label() == "2026-08-14"  # "Friday, August 14, 2026"
    got = {(f.type, f.subject): f for f in facts}
    assert set(got) == {
        (FactType.FUNDING_ROUND, "Quill Systems"), (FactType.ACQUISITION, "Brisa Labs"),
        (FactType.ACQUISITION, "Kestrel Labs"), (FactType.FUNDING_ROUND, "Vantor Networks"),
        (FactType.COMMERCIAL_CONTRACT, "Juno Grid"),
    }  # an IPO filing is not an IPO; a power purchase agreement is a contract, not an acquisition
    assert _roles(got[(FactType.FUNDING_ROUND, "Quill Systems")]) == {"Nordlys Ventures": Role.LEAD_INVESTOR,
                                                                      "Harrow Capital": Role.INVESTOR}
    assert got[(FactType.ACQUISITION, "Kestrel Labs")].status is Status.COMPLETED  # "snapped up"
    assert _roles(got[(FactType.COMMERCIAL_CONTRACT, "Juno Grid")]) == {"Helix Data": Role.CUSTOMER}


def test_relations_stated_in_passing_become_relation_facts_not_events():
    text = ("Quill Cloud, a GPU provider backed by Nordlys Ventures and Brisa Capital, signed a five-year "
            "contract with Orla subsidiary Kestrel Labs on 4 May 2026.")
    _, facts = _events(text)
    deal = _one(facts, FactType.COMMERCIAL_CONTRACT, "Quill Cloud")
    assert _roles(deal) == {"Kestrel Labs": Role.CUSTOMER}  # the subsidiary, not its parent
    relations = sorted((f.type.value, f.subject, f.counterparties[0].name) for f in facts
                       if f.type in (FactType.BACKED_BY, FactType.SUBSIDIARY_OF))
    assert relations == [("backed_by", "Quill Cloud", "Brisa Capital"), ("backed_by", "Quill Cloud", "Nordlys Ventures"),
                         ("subsidiary_of", "Kestrel Labs", "Orla")]
    assert all(f.counterparties[0].role is Role.RELATED for f in facts if f.type is not FactType.COMMERCIAL_CONTRACT)


def test_press_release_exhibit_with_a_defined_company_term_and_an_appointment_from_another_company():
    _, facts = _events(docs.EXHIBIT)
    deal = _one(facts, FactType.ACQUISITION, "Brisa Labs")
    assert _roles(deal) == {"Quill Systems": Role.ACQUIRER} and deal.status is Status.COMPLETED
    assert deal.amount.amount == Decimal(240_000_000) and deal.time.label() == "2026-03-02"
    hire = _one(facts, FactType.TALENT_MOVE, "Harrow Devices")
    assert hire.people == ("Dana Whitlock",) and _roles(hire) == {"Quill Systems": Role.HIRER}
    assert hire.time.label() == "2026-03-02"  # announced then, "effective March 16"
    assert len(facts) == 2


def test_a_company_selling_itself_is_the_target():
    _, facts = _events("Ostrava Data agreed on Monday to sell itself to private-equity firm Kilnworth Partners for "
                       "$1.1 billion, the company said on 4 May 2026.")
    f = _one(facts, FactType.ACQUISITION, "Ostrava Data")
    assert _roles(f) == {"Kilnworth Partners": Role.ACQUIRER} and f.status is Status.ANNOUNCED
    assert f.amount.amount == Decimal(1_100_000_000)


def test_paying_for_a_company_is_an_acquisition_but_paying_for_its_products_is_not():
    _, facts = _events("Halden Power will pay $2.1 billion for Fjord Grid, the companies said on 3 June 2026. "
                       "Separately, Orla Cloud paid $40 million for Kestrel Labs GPUs.")
    assert [(f.type, f.subject, _roles(f)) for f in facts] == [
        (FactType.ACQUISITION, "Fjord Grid", {"Halden Power": Role.ACQUIRER})]


def test_roundup_round_letter_ends_a_sentence_singular_backer_contract_worth_and_lead_underwriters():
    _, facts = _events(
        "Briefing - 14 September 2026\n\n"
        "* Lumenrock raised a $55M Series B. Redwater Ventures led; Anselm Growth joined.\n"
        "* Tarrow Cloud raised $90 million from Keel Capital and existing backer Orla Partners.\n"
        "* Norrland Compute signed a five-year agreement worth $410 million to supply capacity to Quintessa Labs.\n"
        "* Brixley Semiconductor priced its initial public offering at $21 per share, raising $630 million. "
        "Shares trade on the Nasdaq. Alder Securities and Kilnworth Bank are lead underwriters.\n")
    round_b = _one(facts, FactType.FUNDING_ROUND, "Lumenrock")
    assert _roles(round_b) == {"Redwater Ventures": Role.LEAD_INVESTOR, "Anselm Growth": Role.INVESTOR}
    assert _roles(_one(facts, FactType.FUNDING_ROUND, "Tarrow Cloud")) == {
        "Keel Capital": Role.INVESTOR, "Orla Partners": Role.INVESTOR}
    supply = _one(facts, FactType.COMMERCIAL_CONTRACT, "Norrland Compute")
    assert _roles(supply) == {"Quintessa Labs": Role.CUSTOMER} and supply.amount.amount == Decimal(410_000_000)
    ipo = _one(facts, FactType.IPO, "Brixley Semiconductor")
    assert _roles(ipo) == {"Nasdaq": Role.EXCHANGE, "Alder Securities": Role.UNDERWRITER,
                           "Kilnworth Bank": Role.UNDERWRITER}
    assert ipo.amount.amount == Decimal(630_000_000)
    assert len(facts) == 4


def test_wire_dateline_without_a_year_names_no_party():
    _, facts = _events("Orla to buy Kestrel Fabric for $2.4bn\n\nNEW YORK, Oct 6 (Wire) - Orla Systems Inc said on "
                       "Monday it would acquire Kestrel Fabric, a maker of switching chips, for $2.4 billion in cash.")
    deal = _one(facts, FactType.ACQUISITION, "Kestrel Fabric")
    assert _roles(deal) == {"Orla Systems": Role.ACQUIRER} and deal.status is Status.ANNOUNCED


def test_headlines_over_their_stories_are_not_hard_wrapped_text_and_described_participants_count():
    _, facts = _events(
        "Funding tracker\n"
        "Munich-based Arvelo nabs $80M to scale its sovereign GPU cloud\n"
        "Arvelo, which rents servers to public agencies, has secured $80 million in a Series B round. "
        "The round was co-led by Talvik Ventures and Oberon Growth, with Nordic fund Saltmere Capital also "
        "participating.\n"
        "Paris startup Quillery scores $30 million seed to automate data-center cooling\n"
        "Quillery closed a $30 million seed round from Hexa Partners and Lumen Fund.\n")
    arvelo = _one(facts, FactType.FUNDING_ROUND, "Arvelo")
    assert _roles(arvelo) == {"Talvik Ventures": Role.LEAD_INVESTOR, "Oberon Growth": Role.LEAD_INVESTOR,
                              "Saltmere Capital": Role.INVESTOR}
    assert _one(facts, FactType.FUNDING_ROUND, "Quillery").amount.amount == Decimal(30_000_000)


def test_ipo_proceeds_in_the_next_sentence_and_a_commitment_to_spend_is_a_contract():
    _, facts = _events("December 4, 2026\n\nZephyrine Data went public on the New York Stock Exchange on Thursday "
                       "after pricing its IPO at $18 a share. The company sold 40 million shares, raising $720 million.\n\n"
                       "Under a new agreement, Aurel Labs committed to spend $20 billion on Pellham Cloud's servers "
                       "over five years.")
    ipo = _one(facts, FactType.IPO, "Zephyrine Data")
    assert ipo.amount.amount == Decimal(720_000_000) and ipo.time.label() == "2026-12-03"
    assert _roles(ipo) == {"New York Stock Exchange": Role.EXCHANGE}
    contract = _one(facts, FactType.COMMERCIAL_CONTRACT, "Pellham Cloud")
    assert _roles(contract) == {"Aurel Labs": Role.CUSTOMER} and contract.amount.amount == Decimal(20_000_000_000)


def test_a_stake_taken_in_an_earlier_year_is_another_investment_not_a_repeat():
    _, facts = _events("November 10, 2026\n\nPellham Cloud will invest as much as $4 billion in Aurel Labs, the "
                       "companies said on Tuesday. Pellham had already taken a minority stake in Aurel Labs last year.")
    stakes = sorted((f for f in facts if f.type is FactType.STRATEGIC_INVESTMENT), key=lambda f: f.time.start)
    assert [(f.time.label(), f.status, f.amount and f.amount.amount) for f in stakes] == [
        ("2025", Status.COMPLETED, None), ("2026-11-10", Status.ANNOUNCED, Decimal(4_000_000_000))]


def test_a_contract_landed_from_a_customer_names_that_customer():
    _, facts = _events("Keystone Fibre lands $95M contract from regional carrier Tolland Telecom, the company said "
                       "on 2 March 2026.")
    f = _one(facts, FactType.COMMERCIAL_CONTRACT, "Keystone Fibre")
    assert _roles(f) == {"Tolland Telecom": Role.CUSTOMER} and f.amount.amount == Decimal(95_000_000)


def test_backers_and_completion_stated_with_descriptors_and_adjectives():
    _, facts = _events("Posted 12 August 2026\n\nAtlântico Cloud raised US$350m from sovereign fund Tejo Capital "
                       "and pension manager Ribeira Partners. Elsewhere, Ilex Labs' acquisition of Brightwell Security "
                       "was cleared by regulators last week and is now complete.")
    raise_ = _one(facts, FactType.FUNDING_ROUND, "Atlântico Cloud")
    assert _roles(raise_) == {"Tejo Capital": Role.INVESTOR, "Ribeira Partners": Role.INVESTOR}
    deal = _one(facts, FactType.ACQUISITION, "Brightwell Security")
    assert _roles(deal) == {"Ilex Labs": Role.ACQUIRER} and deal.status is Status.COMPLETED


def test_a_team_brought_on_from_another_company_and_a_supply_deal_valued_at_an_amount():
    _, facts = _events("21 May 2026\n\nIn a licensing-and-hiring arrangement, Tessel Cloud brought on Finch AI's chief "
                       "executive Omar Haddad and most of its research team.\n\nVantor Energy agreed to provide 1.2 "
                       "gigawatts of power to Quorra Data Centers under a 15-year deal valued at $9 billion.")
    move = _one(facts, FactType.TALENT_MOVE, "Finch AI")
    assert move.people == ("Omar Haddad",) and _roles(move) == {"Tessel Cloud": Role.HIRER}
    supply = _one(facts, FactType.COMMERCIAL_CONTRACT, "Vantor Energy")
    assert _roles(supply) == {"Quorra Data Centers": Role.CUSTOMER} and supply.amount.amount == Decimal(9_000_000_000)
    assert supply.valuation is None


def test_html_article_with_related_stories_a_city_state_descriptor_and_the_company_in_a_new_paragraph():
    page = ("<html><head><title>Kestrel Optics raises $75M</title>"
            "<meta property='article:published_time' content='2026-06-16T09:00:00Z'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/ma'>M&amp;A</a></nav><main><article>"
            "<h1>Kestrel Optics raises $75M for co-packaged optics</h1>"
            "<p>Kestrel Optics, a Boulder, Colo.-based maker of optical engines, has raised $75 million in a Series B "
            "round led by Granite Arch Ventures. Existing investors Talon Capital and Brightfield also participated.</p>"
            "<p>The company said it would use the money to triple its engineering headcount.</p></article>"
            "<aside class='related'><h3>Related stories</h3><ul><li><a href='/b'>Merrow Data acquired by Cinder "
            "Systems for $1.1B</a></li></ul></aside></main></body></html>")
    document, facts = _events(page, name="page.html")
    f = _one(facts, FactType.FUNDING_ROUND, "Kestrel Optics")
    assert _roles(f) == {"Granite Arch Ventures": Role.LEAD_INVESTOR, "Talon Capital": Role.INVESTOR,
                         "Brightfield": Role.INVESTOR}
    assert f.time.label() == "2026-06-16" and len(facts) == 1


def test_numbered_list_of_deals_in_note_form_with_titles_parting_companies_from_people():
    _, facts = _events(
        "The biggest deals of the quarter\n\nPublished October 2, 2026\n\n"
        "1. Argent Cloud — $4.1B Series F. Led by Solano Partners at a $31B post-money valuation; Meridian "
        "Telecom and Quarry Fund participated.\n"
        "2. Helios Grid / Fenwick Power — $7.5B acquisition. Helios agreed in August to buy the storage developer; "
        "closing is expected next year.\n"
        "3. Cobalt Systems — $12B, seven-year GPU capacity contract with Lyra Labs, signed in July.\n"
        "4. Norvik — Former Argent Cloud CTO Mei Tanaka joined Norvik as CEO in July.\n")
    f = _one(facts, FactType.FUNDING_ROUND, "Argent Cloud")
    assert f.valuation.amount == Decimal(31_000_000_000) and f.amount.amount == Decimal(4_100_000_000)
    assert _roles(f) == {"Solano Partners": Role.LEAD_INVESTOR, "Meridian Telecom": Role.INVESTOR,
                         "Quarry Fund": Role.INVESTOR}
    deal = _one(facts, FactType.ACQUISITION, "Fenwick Power")
    assert _roles(deal) == {"Helios Grid": Role.ACQUIRER} and deal.amount.amount == Decimal(7_500_000_000)
    assert deal.status is Status.ANNOUNCED and deal.time.label() == "2026-08"
    contract = _one(facts, FactType.COMMERCIAL_CONTRACT, "Cobalt Systems")
    assert _roles(contract) == {"Lyra Labs": Role.CUSTOMER} and contract.amount.amount == Decimal(12_000_000_000)
    move = _one(facts, FactType.TALENT_MOVE, "Argent Cloud")
    assert move.people == ("Mei Tanaka",) and _roles(move) == {"Norvik": Role.HIRER}
    assert len(facts) == 4


def test_business_wire_dateline_and_a_strategic_investment_announced_from_one_investor():
    _, facts = _events(
        "Larkspur Networks Enters into Definitive Agreement to be Acquired by Orinoco Systems\n\n"
        "SAN JOSE, Calif.--(BUSINESS WIRE)--March 3, 2026--Larkspur Networks, a leader in fabric telemetry, today "
        "announced that it has entered into a definitive agreement to be acquired by Orinoco Systems, Inc. "
        "(NASDAQ: ORNO) for $1.35 billion in cash.\n\n"
        "Separately, Vireo Compute today announced a $200 million strategic investment from Halberd Telecom.")
    deal = _one(facts, FactType.ACQUISITION, "Larkspur Networks")
    assert _roles(deal) == {"Orinoco Systems": Role.ACQUIRER} and deal.status is Status.ANNOUNCED
    assert deal.time.label() == "2026-03-03"
    stake = _one(facts, FactType.STRATEGIC_INVESTMENT, "Vireo Compute")
    assert _roles(stake) == {"Halberd Telecom": Role.INVESTOR} and stake.amount.amount == Decimal(200_000_000)


def test_market_news_with_revenue_notes_buybacks_targets_talks_tender_offers_and_rejected_approaches_has_no_deals():
    _, facts = _events(
        "November 12, 2026\n\nShares of Aldergrove Semiconductor fell 6% after the company reported quarterly revenue "
        "of $8.4 billion. The chipmaker also announced a $5 billion share buyback. Brisk Cloud priced $2 billion of "
        "senior notes due 2031. Talbot AI is seeking to raise as much as $500 million at a valuation of around "
        "$6 billion, according to people familiar with the matter. Employees of Ferro Labs sold shares worth "
        "$300 million in a tender offer that valued the company at $20 billion. Kestrel Grid said it could spend up "
        "to $12 billion on new data centers in 2027. Osprey Systems rejected an unsolicited $3 billion takeover "
        "approach from Marlin Partners.")
    assert [(f.type, f.subject) for f in facts if f.type.value in (
        "funding_round", "strategic_investment", "ipo", "acquisition", "commercial_contract", "talent_move")] == []


def test_people_moves_in_many_phrasings_name_the_company_that_loses_them_and_the_one_that_hires():
    _, facts = _events(
        "People moves — October 5, 2026\n\n"
        "Dunmore Technologies poached Arlo Systems' head of AI infrastructure, Jane Okafor, the company confirmed.\n\n"
        "Rafael Ortiz is leaving Calloway Networks to become chief executive of Brightwater Data.\n\n"
        "Pemberton Cloud has appointed Lucy Zhang, formerly of Marlowe Networks, as chief financial officer.\n\n"
        "Samir Kapoor, who led networking at Orbis Cloud, joins Tessel AI as chief technology officer.\n\n"
        "Helix Fabric's CFO Greta Lind resigned to join Vantor Energy.\n")
    moves = {f.subject: (f.people, _roles(f)) for f in facts if f.type is FactType.TALENT_MOVE}
    assert moves == {
        "Arlo Systems": (("Jane Okafor",), {"Dunmore Technologies": Role.HIRER}),
        "Calloway Networks": (("Rafael Ortiz",), {"Brightwater Data": Role.HIRER}),
        "Marlowe Networks": (("Lucy Zhang",), {"Pemberton Cloud": Role.HIRER}),
        "Orbis Cloud": (("Samir Kapoor",), {"Tessel AI": Role.HIRER}),
        "Helix Fabric": (("Greta Lind",), {"Vantor Energy": Role.HIRER}),
    }
    assert len(facts) == 5
    leaving = _one(facts, FactType.TALENT_MOVE, "Calloway Networks")
    assert leaving.status is Status.ANNOUNCED  # "is leaving ... to become"
    assert _one(facts, FactType.TALENT_MOVE, "Helix Fabric").status is Status.COMPLETED  # "resigned to join"


def test_supplying_a_customer_with_goods_and_a_contract_expanded_or_valued_in_the_same_sentence():
    _, facts = _events("July 8, 2026\n\nMarrow Compute will supply Quill Labs with 100,000 GPUs under a multiyear deal "
                       "worth $3 billion. Sable AI selected Fenwick Data to build a 500-megawatt campus, in a contract "
                       "valued at $4.5 billion.")
    supply = _one(facts, FactType.COMMERCIAL_CONTRACT, "Marrow Compute")
    assert _roles(supply) == {"Quill Labs": Role.CUSTOMER} and supply.amount.amount == Decimal(3_000_000_000)
    build = _one(facts, FactType.COMMERCIAL_CONTRACT, "Fenwick Data")
    assert _roles(build) == {"Sable AI": Role.CUSTOMER} and build.amount.amount == Decimal(4_500_000_000)


def test_ipo_desk_underwriters_that_led_the_deal_and_another_listing_keeps_its_own_exchange():
    _, facts = _events(
        "IPO desk — February 12, 2027\n\nCorsair Fabric made its market debut on the Nasdaq on Wednesday after "
        "raising $860 million in an upsized IPO. Morgan Stanley, J.P. Morgan and BofA Securities led the deal.\n\n"
        "Ostrava Cloud's $1.1 billion initial public offering on the New York Stock Exchange was priced at $27 per "
        "share on Thursday.\n\nHelix Power completed its listing on Euronext Amsterdam, raising €640 million.")
    corsair = _one(facts, FactType.IPO, "Corsair Fabric")
    assert _roles(corsair) == {"Nasdaq": Role.EXCHANGE, "Morgan Stanley": Role.UNDERWRITER,
                               "J.P. Morgan": Role.UNDERWRITER, "BofA Securities": Role.UNDERWRITER}
    assert corsair.time.label() == "2027-02-10"
    assert _roles(_one(facts, FactType.IPO, "Ostrava Cloud")) == {"New York Stock Exchange": Role.EXCHANGE}
    helix = _one(facts, FactType.IPO, "Helix Power")
    assert helix.amount.currency == "EUR" and helix.amount.amount == Decimal(640_000_000)


def test_a_round_told_by_the_valuation_it_set_is_a_funding_round_without_an_amount():
    _, facts = _events("October 6, 2026\n\nCorvane Systems said on Monday it would acquire Helix Fabric for $2.4 "
                       "billion. Helix Fabric was last valued at $900 million in a 2024 funding round led by Sandpiper "
                       "Capital.")
    round_ = _one(facts, FactType.FUNDING_ROUND, "Helix Fabric")
    assert round_.amount is None and round_.valuation.amount == Decimal(900_000_000)
    assert _roles(round_) == {"Sandpiper Capital": Role.LEAD_INVESTOR} and round_.time.label() == "2024"
    assert _one(facts, FactType.ACQUISITION, "Helix Fabric").amount.amount == Decimal(2_400_000_000)


def test_a_series_round_from_one_backer_is_a_round_and_the_startup_selling_itself_is_the_target():
    _, facts = _events(
        "April 30, 2026\n\nFabricon, the Austin-based network disaggregation startup, has had a busy spring. In March "
        "the company landed a $120 million Series C from Ridgeway Capital. Weeks later, the startup agreed to sell "
        "itself to Corvane Systems for about $1.2bn, a deal still awaiting antitrust clearance.")
    assert sorted((f.type.value, f.subject) for f in facts) == [("acquisition", "Fabricon"),
                                                               ("funding_round", "Fabricon")]
    deal = _one(facts, FactType.ACQUISITION, "Fabricon")
    assert deal.status is Status.PENDING and deal.amount.amount == Decimal(1_200_000_000)
    assert _one(facts, FactType.FUNDING_ROUND, "Fabricon").time.label() == "2026-03"


def test_long_form_feature_with_coreference_a_month_named_may_and_a_purchase_in_a_relative_clause():
    _, facts = _events(docs.FEATURE)
    got = {(f.type, f.subject): f for f in facts}
    round_ = got[(FactType.FUNDING_ROUND, "Nordlicht Compute")]
    assert round_.valuation.amount == Decimal(4_100_000_000)
    assert _roles(round_) == {"Cobalt Ridge": Role.LEAD_INVESTOR, "Hanseatic Ventures": Role.INVESTOR}
    deal = got[(FactType.COMMERCIAL_CONTRACT, "Nordlicht Compute")]  # "In May the Berlin-based group signed"
    assert _roles(deal) == {"Aurel Labs": Role.CUSTOMER} and deal.time.label() == "2026-05"
    bought = got[(FactType.ACQUISITION, "Vantor Cloud")]
    assert _roles(bought) == {"Nordlicht Compute": Role.ACQUIRER} and bought.status is Status.COMPLETED
    move = got[(FactType.TALENT_MOVE, "Nordlicht Compute")]
    assert move.people == ("Marta Nowak",) and _roles(move) == {"Helix Cloud": Role.HIRER}
    assert (FactType.ACQUISITION, "Wisla Data") not in got  # talks that collapsed are no deal


def test_filing_items_an_agreement_sized_in_the_next_sentence_and_an_officer_named_by_title_and_surname():
    _, facts = _events(
        "Item 1.01 Entry into a Material Definitive Agreement.\n\n"
        "On August 4, 2026, Pellham Cloud, Inc. (the \"Company\") entered into a Master Services Agreement (the "
        "\"Agreement\") with Aurel Labs SAS (\"Aurel\"), pursuant to which the Company will provide Aurel with GPU "
        "compute capacity for a term of five years. Total committed payments under the Agreement are approximately "
        "$2.9 billion.\n\n"
        "Item 5.02 Departure of Directors or Certain Officers.\n\n"
        "On August 3, 2026, Maria Keane notified the Company of her resignation as Chief Financial Officer, effective "
        "August 31, 2026. Ms. Keane is leaving to join Orbis Systems as its Chief Financial Officer.")
    contract = _one(facts, FactType.COMMERCIAL_CONTRACT, "Pellham Cloud")
    assert _roles(contract) == {"Aurel Labs": Role.CUSTOMER} and contract.amount.amount == Decimal(2_900_000_000)
    move = _one(facts, FactType.TALENT_MOVE, "Pellham Cloud")
    assert move.people == ("Maria Keane",) and _roles(move) == {"Orbis Systems": Role.HIRER}
    assert move.time.label() == "2026-08-03" and move.status is Status.ANNOUNCED
    assert len(facts) == 2


def test_backers_named_in_passing_are_not_raising_and_investors_in_the_round_include_a_venture_arm():
    _, facts = _events(
        "Funding notes — 3 November 2026\n\nSable Grid, which is backed by Orla Ventures, closed a $35 million bridge "
        "round led by Talus Partners on Monday.\n\nBrisk Compute secured $60 million in fresh funding. Investors in "
        "the round include Kiln Ventures and the venture arm of Helix Networks.")
    assert sorted(f.subject for f in facts if f.type is FactType.FUNDING_ROUND) == ["Brisk Compute", "Sable Grid"]
    assert _roles(_one(facts, FactType.FUNDING_ROUND, "Sable Grid")) == {"Talus Partners": Role.LEAD_INVESTOR}
    assert _roles(_one(facts, FactType.FUNDING_ROUND, "Brisk Compute")) == {"Kiln Ventures": Role.INVESTOR,
                                                                          "Helix Networks": Role.INVESTOR}


def test_acquisitions_told_as_a_takeover_of_by_a_controlling_stake_and_a_company_sold_to_a_buyer():
    _, facts = _events(
        "M&A tracker — 10 December 2026\n\nThe acquisition of Kestrel Photonics by Halden Semiconductor, announced "
        "in October, is expected to close in early 2027.\n\nTarrow Cloud completed the purchase of a 60% stake in "
        "Juno Grid for $400 million.\n\nVantor Data was sold to private-equity firm Kilnworth Partners in 2024 for "
        "about $900 million.\n\nOrvane took a 10% stake in Brisa Labs for $30 million.")
    kestrel = _one(facts, FactType.ACQUISITION, "Kestrel Photonics")
    assert _roles(kestrel) == {"Halden Semiconductor": Role.ACQUIRER} and kestrel.status is Status.ANNOUNCED
    juno = _one(facts, FactType.ACQUISITION, "Juno Grid")  # a 60% stake is control
    assert _roles(juno) == {"Tarrow Cloud": Role.ACQUIRER} and juno.amount.amount == Decimal(400_000_000)
    vantor = _one(facts, FactType.ACQUISITION, "Vantor Data")
    assert _roles(vantor) == {"Kilnworth Partners": Role.ACQUIRER} and vantor.status is Status.COMPLETED
    assert vantor.time.label() == "2024"
    assert _one(facts, FactType.STRATEGIC_INVESTMENT, "Brisa Labs").amount.amount == Decimal(30_000_000)


def test_warrants_received_in_return_by_a_company_named_only_at_the_start_of_its_sentence():
    _, facts = _events(
        "September 25, 2026\n\nOrla Mining signed a ten-year colocation agreement with Quill Cloud worth about "
        "$3 billion. Kestrel is backstopping $1.4 billion of Quill Cloud's lease obligations and, in return, receives "
        "warrants for roughly 5.4% of Orla Mining.")
    stake = _one(facts, FactType.STRATEGIC_INVESTMENT, "Orla Mining")
    assert _roles(stake) == {"Kestrel": Role.INVESTOR} and stake.amount is None
    assert stake.status is Status.ANNOUNCED
    contract = _one(facts, FactType.COMMERCIAL_CONTRACT, "Orla Mining")
    assert _roles(contract) == {"Quill Cloud": Role.CUSTOMER}


def test_a_contract_agreed_is_signed_and_a_non_binding_one_is_only_announced():
    _, facts = _events("November 4, 2026\n\nAurel Labs agreed on Monday to buy $38 billion of capacity from Pellham "
                       "Cloud over seven years.\n\nVantor Energy signed a non-binding agreement with Quill AI to "
                       "supply 500 megawatts of power.")
    assert _one(facts, FactType.COMMERCIAL_CONTRACT, "Pellham Cloud").status is Status.COMPLETED
    assert _one(facts, FactType.COMMERCIAL_CONTRACT, "Vantor Energy").status is Status.ANNOUNCED


def test_plans_expectations_discussions_and_deals_being_neared_are_not_events():
    _, facts = _events(
        "Rumour mill — 5 May 2026\n\nOrla Systems is said to be nearing a deal to buy Kestrel Labs for about "
        "$2 billion. Brisa Cloud has held talks with several banks about a listing that could value it at $10 billion. "
        "Quill AI plans to raise $300 million later this year, its chief executive told a conference. Vantor Labs is "
        "expected to announce a $150 million round led by Cobalt Ridge next week. Sable Grid was in discussions to "
        "invest $200 million in Juno Networks. Talon Robotics is seeking to raise $80 million from Arbor Growth.")
    assert [(f.type.value, f.subject) for f in facts] == []


def test_figure_blocks_and_agreements_to_buy_assets_from_sellers_are_not_contracts_but_a_contract_won_is():
    _, facts = _events(
        "July 22, 2004\n\nAs previously announced, the company has entered into an agreement to acquire ownership or "
        "leasehold interest in up to 61 stores from Kilnworth Retail for approximately $620 million in cash.\n\n"
        "COSTS AND EXPENSES Cost of sales, buying and occupancy 6,282 6,402 11,903 11,876 Selling and administrative "
        "2,064 2,299 3,958 4,409 Depreciation and amortization 262 230 490 455 Total costs and expenses 8,728 9,707\n\n"
        "Keystone Fibre lands $95M contract from regional carrier Tolland Telecom.")
    assert [(f.type, f.subject, _roles(f)) for f in facts] == [
        (FactType.COMMERCIAL_CONTRACT, "Keystone Fibre", {"Tolland Telecom": Role.CUSTOMER})]


def test_hires_from_a_company_former_executives_people_lured_away_and_people_who_join_from_elsewhere():
    _, facts = _events(
        "June 2, 2026\n\nOrla Cloud hired Jane Doe from Kestrel Labs to run its networking group.\n\n"
        "Quill AI named former Brisa Systems executive Tom Lee as chief operating officer.\n\n"
        "Sable Grid has lured Ana Ruiz, the head of data-center design at Vantor Cloud, to be its chief technology "
        "officer.\n\nPriya Shah joins Halden Power from Juno Networks, where she was chief financial officer.")
    moves = {f.subject: (f.people, _roles(f)) for f in facts if f.type is FactType.TALENT_MOVE}
    assert moves == {"Kestrel Labs": (("Jane Doe",), {"Orla Cloud": Role.HIRER}),
                     "Brisa Systems": (("Tom Lee",), {"Quill AI": Role.HIRER}),
                     "Vantor Cloud": (("Ana Ruiz",), {"Sable Grid": Role.HIRER}),
                     "Juno Networks": (("Priya Shah",), {"Halden Power": Role.HIRER})}
    assert len(facts) == 4


def test_departures_told_as_left_for_lost_to_snagged_and_departed_for():
    _, facts = _events(
        "June 2, 2026\n\nKestrel Labs' chief technology officer Jane Doe has left for Orla Cloud.\n\n"
        "Brisa Systems lost its AI chief, Tom Lee, to Quill AI last month.\n\n"
        "Sable Grid snagged Vantor Cloud's vice president of engineering, Ana Ruiz.\n\n"
        "Priya Shah departed Juno Networks for Halden Power in May.")
    moves = {f.subject: (f.people, _roles(f)) for f in facts if f.type is FactType.TALENT_MOVE}
    assert moves == {"Kestrel Labs": (("Jane Doe",), {"Orla Cloud": Role.HIRER}),
                     "Brisa Systems": (("Tom Lee",), {"Quill AI": Role.HIRER}),
                     "Vantor Cloud": (("Ana Ruiz",), {"Sable Grid": Role.HIRER}),
                     "Juno Networks": (("Priya Shah",), {"Halden Power": Role.HIRER})}


def test_a_company_speaking_of_its_own_purchase_names_the_target_and_a_musing_is_no_deal():
    _, facts = _events("Q3 2026 earnings call, prepared remarks\n\nDuring the quarter we completed the acquisition of "
                       "Pyxis Labs, which adds 400 engineers to our networking team. We also repurchased $1.5 billion "
                       "of our shares. We believe we could buy Orla Cloud if the price were right.")
    assert [(f.type, f.subject, f.status) for f in facts] == [(FactType.ACQUISITION, "Pyxis Labs", Status.COMPLETED)]


def test_a_company_blog_post_in_the_first_person_gives_the_company_its_round_and_its_purchase():
    _, facts = _events(
        "Lumen Grid raises $50M Series B to scale grid-interactive data centers\n\n"
        "March 4, 2026 · by the Lumen Grid team\n\n"
        "Today we're announcing our $50 million Series B, led by Talus Partners with participation from Arbor Growth "
        "and our existing investors.\n\n"
        "Since we founded Lumen Grid in 2023, we've grown to 40 people. We also recently acquired Pyxis Controls, a "
        "small team building battery-management software.")
    round_ = _one(facts, FactType.FUNDING_ROUND, "Lumen Grid")
    assert round_.amount.amount == Decimal(50_000_000) and round_.time.label() == "2026-03-04"
    assert _roles(round_) == {"Talus Partners": Role.LEAD_INVESTOR, "Arbor Growth": Role.INVESTOR}
    bought = _one(facts, FactType.ACQUISITION, "Pyxis Controls")
    assert _roles(bought) == {"Lumen Grid": Role.ACQUIRER} and bought.time.label() == "2026-03-04"
    assert len(facts) == 2


def test_first_days_of_trading_direct_listings_and_spac_mergers_are_listings_not_purchases():
    _, facts = _events(
        "June 5, 2026\n\nShares of Orla Robotics began trading on the Nasdaq on Thursday under the ticker ORLA, after "
        "the company sold 20 million shares at $25 each.\n\nKestrel Data went public via a merger with a special "
        "purpose acquisition company, Arc Acquisition Corp.\n\nBrisa Cloud completed a direct listing on the New "
        "York Stock Exchange on Friday.")
    assert sorted((f.type.value, f.subject) for f in facts) == [
        ("ipo", "Brisa Cloud"), ("ipo", "Kestrel Data"), ("ipo", "Orla Robotics")]
    orla = _one(facts, FactType.IPO, "Orla Robotics")
    assert orla.amount.amount == Decimal(500_000_000) and _roles(orla) == {"Nasdaq": Role.EXCHANGE}
    assert orla.time.label() == "2026-06-04"


def test_two_deals_in_one_sentence_each_keep_their_own_parties_and_amounts():
    _, facts = _events(
        "June 5, 2026\n\nOrla Robotics raised $100 million in a Series C and Kestrel Data raised $50 million in a "
        "Series B, both led by Talus Partners.\n\nBrisa Cloud bought Juno Labs for $200 million, while Vantor Systems "
        "acquired Pyxis AI for $90 million.\n\nHalden Power invested $30 million in Sable Grid and $20 million in "
        "Fenwick Storage.")
    got = {(f.type.value, f.subject): (f.amount.amount, _roles(f)) for f in facts}
    assert got == {
        ("funding_round", "Orla Robotics"): (Decimal(100_000_000), {"Talus Partners": Role.LEAD_INVESTOR}),
        ("funding_round", "Kestrel Data"): (Decimal(50_000_000), {"Talus Partners": Role.LEAD_INVESTOR}),
        ("acquisition", "Juno Labs"): (Decimal(200_000_000), {"Brisa Cloud": Role.ACQUIRER}),
        ("acquisition", "Pyxis AI"): (Decimal(90_000_000), {"Vantor Systems": Role.ACQUIRER}),
        ("strategic_investment", "Sable Grid"): (Decimal(30_000_000), {"Halden Power": Role.INVESTOR}),
        ("strategic_investment", "Fenwick Storage"): (Decimal(20_000_000), {"Halden Power": Role.INVESTOR}),
    }


def test_a_dollar_figure_in_brackets_after_another_currency_is_the_usd_amount_and_the_original_is_kept():
    document, facts = _events(
        "June 5, 2026\n\nBeijing-based Orlan AI raised 3 billion yuan ($410 million) in a round led by state-backed "
        "fund Huaxin Capital.\n\nTokyo's Kesuto Systems agreed to buy Brisa Denki for ¥120 billion (about $800 "
        "million).\n\nParis-based Mistrel closed a €600 million Series C led by Lumen Partners.")
    records = {r["subject"]: r for r in (to_eval_record(f) for f in facts)}
    assert (records["Orlan AI"]["amount_usd"], records["Orlan AI"]["amount_original"]) == (410_000_000, "3 billion yuan")
    assert _one(facts, FactType.FUNDING_ROUND, "Orlan AI").amount.currency == "CNY"
    assert (records["Brisa Denki"]["amount_usd"], records["Brisa Denki"]["amount_qualifier"]) == (800_000_000, "about")
    assert records["Mistrel"]["amount_usd"] is None and records["Mistrel"]["amount_original"] == "€600 million"


def test_contracts_told_as_its_agreement_with_renewed_and_won_from_a_public_body_valued_at_an_amount():
    _, facts = _events(
        "July 1, 2026\n\nBrisa Cloud said its agreement with Juno Labs was worth about $900 million.\n\n"
        "Vantor AI won a five-year contract from the U.S. Department of Energy valued at $300 million.\n\n"
        "Pyxis Networks renewed its deal with Halden Power for another three years.")
    got = {f.subject: (_roles(f), f.amount and f.amount.amount) for f in facts}
    assert got == {"Brisa Cloud": ({"Juno Labs": Role.CUSTOMER}, Decimal(900_000_000)),
                   "Vantor AI": ({"Department of Energy": Role.CUSTOMER}, Decimal(300_000_000)),
                   "Pyxis Networks": ({"Halden Power": Role.CUSTOMER}, None)}


def test_strategic_investments_told_as_backed_with_made_an_investment_received_and_poured_into():
    _, facts = _events(
        "July 1, 2026\n\nOrla Capital backed Kestrel Data with $40 million.\n\nBrisa Telecom made a $250 million "
        "investment in Juno Cloud.\n\nVantor AI received a $75 million investment from Halden Semiconductor.\n\n"
        "Talon Fund has poured another $500 million into Quill Labs.")
    got = {f.subject: (_roles(f), f.amount.amount) for f in facts if f.type is FactType.STRATEGIC_INVESTMENT}
    assert got == {"Kestrel Data": ({"Orla Capital": Role.INVESTOR}, Decimal(40_000_000)),
                   "Juno Cloud": ({"Brisa Telecom": Role.INVESTOR}, Decimal(250_000_000)),
                   "Vantor AI": ({"Halden Semiconductor": Role.INVESTOR}, Decimal(75_000_000)),
                   "Quill Labs": ({"Talon Fund": Role.INVESTOR}, Decimal(500_000_000))}
    assert len(facts) == 4


def test_teasers_for_other_stories_and_author_bios_state_no_deal_of_the_page():
    page = ("<html><head><title>Orla buys Kestrel</title><meta name='date' content='2026-04-02'></head><body>"
            "<div class='article-body'><p>Orla Systems said on Thursday it had agreed to buy Kestrel Labs for "
            "$1.2 billion in cash.</p><p><strong>Read more:</strong> <a href='/x'>Brisa Networks raises $300 "
            "million Series E led by Talus Partners</a></p><p>The deal is expected to close in the third quarter."
            "</p><div class='author-bio'><p>Jane Writer covers chips. She previously worked at Juno Media, which "
            "was acquired by Vantor Group in 2020.</p></div></div></body></html>")
    _, facts = _events(page, name="page.html")
    assert [(f.type, f.subject) for f in facts] == [(FactType.ACQUISITION, "Kestrel Labs")]


def test_departures_with_no_destination_are_moves_without_a_hirer_and_their_tense_sets_the_status():
    _, facts = _events(
        "October 5, 2026\n\nKilnworth Systems said chief executive Dana Hale would step down at year-end.\n\n"
        "Brisa Networks announced that its president, Ana Ruiz, will retire in March.\n\n"
        "Juno Labs co-founder Priya Shah has left the company.\n\n"
        "Orla Cloud chief financial officer Tom Reyes resigned on Friday.")
    moves = {f.subject: (f.people, _roles(f), f.status) for f in facts if f.type is FactType.TALENT_MOVE}
    assert moves == {"Kilnworth Systems": (("Dana Hale",), {}, Status.ANNOUNCED),
                     "Brisa Networks": (("Ana Ruiz",), {}, Status.ANNOUNCED),
                     "Juno Labs": (("Priya Shah",), {}, Status.COMPLETED),
                     "Orla Cloud": (("Tom Reyes",), {}, Status.COMPLETED)}


def test_newsletter_summary_lines_with_emoji_labels_and_figures_are_notes_not_titles():
    _, facts = _events("THE COMPUTE WEEKLY — Issue #112 — March 6, 2026\n\nTL;DR\n"
                       "💰 Orvane Compute: $300M Series C (lead: Talus Partners)\n"
                       "📈 Juno Grid IPO: raised $640M on Nasdaq\n"
                       "* Smarter Connectivity: Arrcus landed $30 million from Kestrel Ventures.\n")
    got = {(f.type.value, f.subject): (f.amount.amount, _roles(f)) for f in facts}
    assert got == {("funding_round", "Orvane Compute"): (Decimal(300_000_000), {"Talus Partners": Role.LEAD_INVESTOR}),
                   ("ipo", "Juno Grid"): (Decimal(640_000_000), {"Nasdaq": Role.EXCHANGE}),
                   ("funding_round", "Arrcus"): (Decimal(30_000_000), {"Kestrel Ventures": Role.INVESTOR})}


def test_foreign_legal_forms_are_stripped_and_a_stake_in_a_described_company_is_read_once_per_party():
    _, facts = _events(
        "SEOUL, May 4, 2026 -- Hanbit Electronics Co., Ltd. agreed to acquire Dutch startup Vermeer Photonics B.V. "
        "for €900 million. Hanbit's rival, Daeho Semiconductor, separately took a 15% stake in Taipei-based Linwei "
        "Technology Corp. for NT$6 billion.\n\nKestrel AG, the German chip-equipment maker, completed its purchase "
        "of Orla S.p.A. on Monday.")
    got = {(f.type.value, f.subject): [(p.name, p.role) for p in f.counterparties] for f in facts}
    assert got == {("acquisition", "Vermeer Photonics"): [("Hanbit Electronics", Role.ACQUIRER)],
                   ("strategic_investment", "Linwei Technology"): [("Daeho Semiconductor", Role.INVESTOR)],
                   ("acquisition", "Orla"): [("Kestrel", Role.ACQUIRER)]}
    assert _one(facts, FactType.STRATEGIC_INVESTMENT, "Linwei Technology").amount.currency == "TWD"


def test_a_company_opening_the_next_clause_is_not_one_more_backer():
    _, facts = _events("Posted 12 August 2026\n\nMeanwhile, Lisbon's Atlântico Cloud raised US$350m from sovereign fund "
                       "Tejo Capital, and Swedish startup Norrsken AI picked up €1.2bn in debt financing.")
    assert _roles(_one(facts, FactType.FUNDING_ROUND, "Atlântico Cloud")) == {"Tejo Capital": Role.INVESTOR}


def test_a_backer_named_in_a_relative_clause_does_not_take_the_round():
    _, facts = _events("November 20, 2026\n\nLambda Grid, which counts Orla Semiconductor among its investors, closed "
                       "a $1.5 billion round in November, valuing the company at roughly $12.5 billion.")
    rounds = [f for f in facts if f.type is FactType.FUNDING_ROUND]
    assert [(f.subject, f.amount.amount) for f in rounds] == [("Lambda Grid", Decimal(1_500_000_000))]
    assert rounds[0].valuation.amount == Decimal(12_500_000_000)


def test_a_successor_from_another_company_is_a_move_and_the_departing_chief_one_without_hirer():
    _, facts = _events("October 5, 2026\n\nKilnworth said CEO Dana Hale would step down at year-end; she will be "
                       "replaced by John Roe, previously president of Strand Systems.")
    moves = {f.subject: (f.people, _roles(f)) for f in facts if f.type is FactType.TALENT_MOVE}
    assert moves == {"Strand Systems": (("John Roe",), {"Kilnworth": Role.HIRER}),
                     "Kilnworth": (("Dana Hale",), {})}


def test_lines_of_fields_separated_by_dashes_are_notes_and_a_bare_seed_is_a_round():
    _, facts = _events("Funding digest — October 9, 2026\n\n"
                       "Orvane Compute — $120M Series B — led by Talus Partners\n"
                       "Kestrel Fabric — $45M seed — Redwater Ventures\n")
    got = {f.subject: (f.type, f.amount.amount) for f in facts}
    assert got == {"Orvane Compute": (FactType.FUNDING_ROUND, Decimal(120_000_000)),
                   "Kestrel Fabric": (FactType.FUNDING_ROUND, Decimal(45_000_000))}
    assert _roles(_one(facts, FactType.FUNDING_ROUND, "Orvane Compute")) == {"Talus Partners": Role.LEAD_INVESTOR}
