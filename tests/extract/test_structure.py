"""Document structure read as structure: notes in lists, list items, section labels, headlines, dated
headings; and general rules of deal English added with them. Fictional companies throughout."""

from __future__ import annotations

from decimal import Decimal

from infraledger.extract.reading import read
from infraledger.model.events import FactType, Role, Status

from .examples import deal_events


def _facts(text: str):
    return deal_events(text, name="t.txt")


def _got(text: str) -> dict:
    return {(f.type, f.subject): f for f in _facts(text)}


def test_notes_under_a_rounds_heading_are_rounds_and_labels_name_no_company():
    got = _got("THE WEEK IN CHIPS\nWeek of May 4, 2026\n\nPRIVATE ROUNDS\n"
               "* Quorvane ($45M, Series D) -- the sensor maker is hiring.\n"
               "* Brellix ($10M) -- for its cooling loop.\n\n"
               "FUNDS\n* Tallow Partners ($90M) -- a new fund.\n")
    assert got[(FactType.FUNDING_ROUND, "Quorvane")].amount.amount == Decimal(45_000_000)
    assert got[(FactType.FUNDING_ROUND, "Brellix")].amount.amount == Decimal(10_000_000)
    assert (FactType.FUNDING_ROUND, "Tallow Partners") not in got  # a fund is not a company's round
    assert not any(subject in ("PRIVATE ROUNDS", "FUNDS") for _, subject in got)


def test_a_note_in_a_sentence_of_raises_and_a_lead_inside_the_bracket():
    got = _got("Notable raises included Ostrava Grid (USD 12 million, seed, led by Kiln Ventures) and "
               "Pellucid Labs (USD 8 million).")
    first = got[(FactType.FUNDING_ROUND, "Ostrava Grid")]
    assert first.amount.amount == Decimal(12_000_000)
    assert {p.name: p.role for p in first.counterparties} == {"Kiln Ventures": Role.LEAD_INVESTOR}
    assert got[(FactType.FUNDING_ROUND, "Pellucid Labs")].amount.amount == Decimal(8_000_000)


def test_a_list_item_opening_with_a_company_and_a_dash_is_that_companys_sentence():
    got = _got("PUBLIC MARKETS\n* Nimbra -- priced its IPO at $18 a share and raised $300 million on the Nasdaq.\n")
    ipo = got[(FactType.IPO, "Nimbra")]
    assert ipo.amount.amount == Decimal(300_000_000)
    assert (FactType.FUNDING_ROUND, "Nimbra") not in got  # the raise is the listing's proceeds


def test_headlines_are_read_with_their_verbs_in_lower_case():
    got = _got("Zentrix To Buy Halvora For $2 Billion")
    deal = got[(FactType.ACQUISITION, "Halvora")]
    assert {p.name: p.role for p in deal.counterparties} == {"Zentrix": Role.ACQUIRER}
    assert deal.amount.amount == Decimal(2_000_000_000) and deal.status is Status.ANNOUNCED


def test_a_headline_whose_names_the_body_does_not_use_is_not_read():
    got = _got("Larkspur Networks Enters Talks With Brisa\n\nLarkspur Networks said it bought Orlan Data.")
    assert set(got) == {(FactType.ACQUISITION, "Orlan Data")}


def test_a_heading_that_opens_with_a_date_dates_its_section():
    got = _got("How Quorvane grew\n\n2021 -- Series B\nQuorvane raises $40 million in a Series B round.\n\n"
               "May 2024 -- Brellix\nQuorvane agrees to buy Brellix for about $90 million.\n")
    assert got[(FactType.FUNDING_ROUND, "Quorvane")].time.label() == "2021"
    assert got[(FactType.ACQUISITION, "Brellix")].time.label() == "2024-05"


def test_proceeds_are_shares_times_price_in_an_offering_of_shares():
    got = _got("June 4, 2026 -- Nimbra Holdings today announced the pricing of its initial public offering of "
               "12,000,000 shares of its common stock at a public offering price of $20.00 per share.")
    assert got[(FactType.IPO, "Nimbra Holdings")].amount.amount == Decimal(240_000_000)


def test_a_public_body_is_the_customer_whichever_party_is_named_first():
    got = _got("The Northland Defence Directorate has signed a contract with Pylos Systems to build a secure cloud.")
    deal = got[(FactType.COMMERCIAL_CONTRACT, "Pylos Systems")]
    assert {p.name: p.role for p in deal.counterparties} == {"Northland Defence Directorate": Role.CUSTOMER}


def test_taking_over_as_chief_executive_is_a_role_not_a_purchase():
    facts = _facts("Dana Whitcombe, formerly of Ferrovia Systems, takes over as chief executive of Larkspur.")
    assert [f.type for f in facts] == [FactType.TALENT_MOVE]
    assert facts[0].subject == "Ferrovia Systems"


def test_an_undirected_merger_agreement_takes_the_direction_the_document_states():
    got = _got("December 1, 2026 -- Quorvane today completed its acquisition of Brellix Labs.\n\n"
               "Quorvane signed its merger agreement with Brellix Labs on March 9, 2026, for $850 million.")
    assert set(got) == {(FactType.ACQUISITION, "Brellix Labs")}
    deal = got[(FactType.ACQUISITION, "Brellix Labs")]
    assert {p.name: p.role for p in deal.counterparties} == {"Quorvane": Role.ACQUIRER}
    assert deal.amount.amount == Decimal(850_000_000) and deal.status is Status.COMPLETED


def test_the_dollar_figure_beside_a_later_sentences_amount_is_the_deals():
    got = _got("The Northland Transport Agency has signed a contract with Pylos Systems to run its ticketing cloud. "
               "The agreement is worth more than A$2 billion (about US$1.3 billion) over ten years.")
    deal = got[(FactType.COMMERCIAL_CONTRACT, "Pylos Systems")]
    assert deal.amount.currency == "AUD" and deal.attributes["amount_usd"] == "1300000000"


def test_a_hire_takes_where_the_person_comes_from_from_the_next_sentence():
    got = _got("Larkspur named Dana Whitcombe chief financial officer on Monday. "
               "Whitcombe comes from Ferrovia Systems, where she ran finance.")
    move = got[(FactType.TALENT_MOVE, "Ferrovia Systems")]
    assert {p.name: p.role for p in move.counterparties} == {"Larkspur": Role.HIRER}
    assert not _facts("Dana Whitcombe will be Larkspur's first chief financial officer.")  # nobody left anywhere


def test_a_name_written_as_a_web_domain_is_one_name():
    got = _got("Widget.ai Inc. raised $12 million in a seed round led by Kiln Ventures.")
    assert (FactType.FUNDING_ROUND, "Widget.ai") in got


def test_a_hard_wrapped_exhibit_announcing_its_own_acquisition_by_a_buyer():
    got = _got("                         EXHIBIT 99.1\n\n"
               "SAN JOSE, Calif., September 24, 2026 -- Quist Labs, Inc. (\"Quist\" or\n"
               "the \"Company\"), a provider of database software, today announced the\n"
               "completion of its acquisition by Marlow Partners, L.P. (\"Marlow\"), a\n"
               "private equity firm, in an all-cash transaction valued at approximately\n"
               "$1.5 billion.\n\n"
               "Under the merger agreement, Marlow Merger Sub merged with and into\n"
               "Quist Labs, with Quist Labs continuing as the surviving corporation.\n")
    deal = got[(FactType.ACQUISITION, "Quist Labs")]
    assert {p.name: p.role for p in deal.counterparties}.get("Marlow Partners") is Role.ACQUIRER
    assert deal.status is Status.COMPLETED and deal.amount.amount == Decimal(1_500_000_000)
    assert [k for k in got if k[0] is FactType.ACQUISITION] == [(FactType.ACQUISITION, "Quist Labs")]


def test_a_party_may_close_one_reading_and_open_the_next():
    got = _got("Earlier this year Quorvane also strengthened its CRM offering through a smaller purchase: on May 30, "
               "2026, Quorvane acquired Brellix Labs for $50 million.")
    deal = got[(FactType.ACQUISITION, "Brellix Labs")]
    assert {p.name: p.role for p in deal.counterparties} == {"Quorvane": Role.ACQUIRER}


def test_a_contract_signed_with_a_party_takes_the_direction_the_document_states():
    got = _got("Aurel Labs is Pellham Cloud's largest customer, accounting for 40% of revenue. "
               "In May Aurel Labs signed a new contract with Pellham Cloud worth up to $4 billion.")
    assert [k for k in got if k[0] is FactType.COMMERCIAL_CONTRACT] == [(FactType.COMMERCIAL_CONTRACT, "Pellham Cloud")]
    deal = got[(FactType.COMMERCIAL_CONTRACT, "Pellham Cloud")]
    assert {p.name: p.role for p in deal.counterparties} == {"Aurel Labs": Role.CUSTOMER}


def test_a_note_naming_its_round_first_and_its_backers_after_a_colon():
    got = _got("Rounds of the week\n\n1. Brellix Power raised $45 million from Orla Climate Fund to build batteries.\n"
               "2. Quorvane Compute (seed, $8 million): investors include Tallow Partners.\n")
    note = got[(FactType.FUNDING_ROUND, "Quorvane Compute")]
    assert note.amount.amount == Decimal(8_000_000)
    assert [p.name for p in note.counterparties] == ["Tallow Partners"]
    assert [p.name for p in got[(FactType.FUNDING_ROUND, "Brellix Power")].counterparties] == ["Orla Climate Fund"]


def test_people_moves_told_over_two_sentences():
    got = _got("Quorvane said on Monday that Dana Wu will become its chief executive in April. Wu spent eight "
               "years at Tallow Cloud, most recently as its president.\n\n"
               "Ken Obi is the new chief technology officer of Brellix. He joins from Orla Systems, where he ran "
               "its infrastructure group.\n\n"
               "Halden has hired Mara Quist, a veteran of Kestrel, to run its chip unit. Quist left Kestrel in January.\n")
    moves = {subject: ([p.name for p in f.counterparties], list(f.people))
             for (kind, subject), f in got.items() if kind is FactType.TALENT_MOVE}
    assert moves == {"Tallow Cloud": (["Quorvane"], ["Dana Wu"]), "Orla Systems": (["Brellix"], ["Ken Obi"]),
                     "Kestrel": (["Halden"], ["Mara Quist"])}


def test_a_company_that_is_the_new_chief_supplier_is_no_person():
    assert [m.kind for m in read("Zentrix is the new chief supplier of Brellix.").sentences[0].mentions] == ["org", "org"]


def test_backers_listed_after_a_label_or_beside_the_lead():
    got = _got("- **Quorvane Labs** ($120M Series C) — inference chips; led by Halden Growth with Orla Ventures.\n"
               "- Tallow Quantum raised €18m (Series A). Investors: Quist Partners, Orla Ventures.\n")
    assert {s: {p.name: p.role for p in f.counterparties} for (_, s), f in got.items()} == {
        "Quorvane Labs": {"Halden Growth": Role.LEAD_INVESTOR, "Orla Ventures": Role.INVESTOR},
        "Tallow Quantum": {"Quist Partners": Role.INVESTOR, "Orla Ventures": Role.INVESTOR}}
