"""General rules that replaced sentence-sized special cases: negated classifications, counted days and
weeks, and money that is not a deal's size (made-up companies throughout)."""

from __future__ import annotations

from datetime import date

import pytest

from infraledger.extract import extract_events
from infraledger.extract.hedges import not_counted
from infraledger.extract.reading import read
from infraledger.model.events import FactType
from infraledger.model.fuzzytime import FuzzyTime
from infraledger.sources.document import document_from_text


def _facts(text: str, anchor: str | None = None):
    published = FuzzyTime.day(date.fromisoformat(anchor)) if anchor else None
    return [f for f in extract_events(document_from_text(text, published=published))
            if f.type is not FactType.LIST_METRIC]


@pytest.mark.parametrize("sentence", [
    "A letter of intent is not an acquisition.",
    "Loan facilities are not counted in this digest.",
    "We do not include grants here.",
    "Neither counts as a funding round.",
    "The filing by Zentrix Labs is not a listing.",
    "We don't count debt raises.",
])
def test_a_negated_classification_is_not_counted(sentence):
    assert not_counted(sentence)


@pytest.mark.parametrize("sentence", [
    "Quillon Systems did not disclose the deal's value.",
    "Orvane did not say when the acquisition would close.",
    "Terms of the transaction were not disclosed.",
    "The company has not named a new chief executive.",
])
def test_a_negation_that_classifies_nothing_is_counted(sentence):
    assert not not_counted(sentence)


def test_a_deal_said_not_to_count_is_no_event():
    text = ("Halvora Networks raised $30 million from Pinecrest Ventures, a venture debt facility. "
            "Venture debt facilities are not counted as funding rounds.")
    assert not [f for f in _facts(text) if "not counted" in f.evidence]


@pytest.mark.parametrize(("later", "day"), [
    ("Three days later", "2026-03-06"),
    ("10 days later", "2026-03-13"),
    ("A week later", "2026-03-10"),
    ("Two weeks later", "2026-03-17"),
    ("Eleven days later", "2026-03-14"),
])
def test_a_deal_dated_days_or_weeks_after_the_one_before(later, day):
    text = (f"On March 3, 2026, Quillon Systems acquired Brightwater Robotics for $400 million. "
            f"{later}, Quillon Systems acquired Ferrowind Labs for $120 million.")
    second = [f for f in _facts(text) if f.type is FactType.ACQUISITION and "Ferrowind" in f.evidence]
    assert len(second) == 1
    assert second[0].time.start.isoformat() == day


@pytest.mark.parametrize("tail", ["of unpaid state grants", "in overdue supplier invoices", "of lease obligations",
                                  "in bank loans"])
def test_money_of_grants_debts_and_obligations_is_not_the_deal_amount(tail):
    text = f"Quillon Systems acquired Brightwater Robotics in March and took on $90 million {tail}."
    deals = [f for f in _facts(text) if f.type is FactType.ACQUISITION]
    assert len(deals) == 1
    assert deals[0].amount is None


def test_money_paid_for_a_deal_is_its_amount():
    text = "Quillon Systems acquired Brightwater Robotics in March and paid $90 million in cash."
    deals = [f for f in _facts(text) if f.type is FactType.ACQUISITION]
    assert len(deals) == 1
    assert deals[0].amount is not None and deals[0].amount.amount == 90_000_000


def test_each_clause_of_a_list_of_deals_is_dated_by_its_own_date():
    text = ("Quillon Systems has bought often. In April 2023 it paid $40 million for Brightwater Robotics; "
            "in September 2021 Quillon Systems acquired Ferrowind Labs for $12 million; and in June 2019 "
            "Quillon Systems bought Tarnhelm Data for $9 million.")
    dates = {f.subject: f.time.start.isoformat()[:7] for f in _facts(text)
             if f.type is FactType.ACQUISITION and f.time}
    assert dates == {"Brightwater Robotics": "2023-04", "Ferrowind Labs": "2021-09", "Tarnhelm Data": "2019-06"}


def test_a_year_old_date_in_one_list_item_does_not_date_the_next_items_deal():
    text = ("DEAL NOTES | Friday, June 12, 2026\n\n"
            "1. Quillon Systems buys Brightwater Robotics ($300 million)\n"
            "Quillon Systems agreed to acquire Brightwater Robotics for $300 million. Quillon Systems first "
            "invested $20 million in Brightwater Robotics in February 2025.\n\n"
            "2. Ferrowind Labs buys Tarnhelm Data ($90 million)\n"
            "Ferrowind Labs agreed to acquire Tarnhelm Data for $90 million.\n")
    second = [f for f in _facts(text) if f.type is FactType.ACQUISITION and f.subject == "Tarnhelm Data"]
    assert len(second) == 1 and second[0].time is not None
    assert second[0].time.start.isoformat()[:7] == "2026-06"


def test_a_weekday_in_a_weekly_note_is_the_day_of_the_week_it_covers():
    text = ("THE LEDGER NOTE\nWeekly roundup | Week of March 2, 2026\n\n"
            "Quillon Systems raised $40 million in a Series B led by Pinecrest Ventures on Wednesday.")
    rounds = [f for f in _facts(text) if f.type is FactType.FUNDING_ROUND]
    assert len(rounds) == 1 and rounds[0].time.start.isoformat() == "2026-03-04"


@pytest.mark.parametrize(("sentence", "status"), [
    ("Quillon Systems buys Brightwater Robotics for $80 million.", "completed"),
    ("Quillon Systems agrees to buy Brightwater Robotics for $80 million.", "announced"),
    ("Quillon Systems spends $80 million to acquire Brightwater Robotics.", "completed"),
])
def test_a_purchase_told_in_the_present_under_a_dated_heading_years_back_is_history(sentence, status):
    text = f"How Quillon grew\nMarch 3, 2026\n\nThe timeline:\n\n2019 -- Brightwater\n{sentence}\n"
    deals = [f for f in _facts(text) if f.type is FactType.ACQUISITION]
    assert len(deals) == 1 and deals[0].status.value == status
    # a timeline with no date of its own is told from its latest dated section
    undated = (f"How Quillon grew\n\nThe timeline:\n\n2019 -- Brightwater\n{sentence}\n\n"
               "2025 -- Series D\nQuillon Systems raised $300 million in a Series D led by Pinecrest Ventures.\n")
    deals = [f for f in _facts(undated) if f.type is FactType.ACQUISITION]
    assert len(deals) == 1 and deals[0].status.value == status


@pytest.mark.parametrize(("sentence", "status"), [
    ("Its founder had sold her first company, Brightwater Robotics, to Quillon Systems for $80 million.",
     "completed"),
    ("Quillon Systems agreed to pay $80 million for Brightwater Robotics.", "announced"),
])
def test_a_company_sold_in_the_past_tense_is_a_completed_deal(sentence, status):
    deals = [f for f in _facts(sentence) if f.type is FactType.ACQUISITION]
    assert len(deals) == 1 and deals[0].status.value == status


def test_a_date_opening_a_conjunct_dates_that_conjuncts_deal():
    text = ("Last year Quillon Systems bought Brightwater Robotics for $90 million, and in November "
            "Ferrowind Labs acquired Tarnhelm Data for $40 million.")
    dates = {f.subject: f.time.label() for f in _facts(text, anchor="2026-02-10")
             if f.type is FactType.ACQUISITION and f.time}
    assert dates == {"Brightwater Robotics": "2025", "Tarnhelm Data": "2025-11"}


def test_a_deal_told_without_its_date_takes_the_date_the_next_sentence_gives_it():
    text = ("FLASH NOTE\nJune 10, 2026\n\nQuillon Systems has signed a definitive agreement to acquire Brightwater "
            "Robotics for $12.50 per share in cash. The agreement was announced on Monday, June 8, and approved "
            "by both boards.")
    deals = [f for f in _facts(text) if f.type is FactType.ACQUISITION]
    assert len(deals) == 1 and deals[0].time is not None and deals[0].time.start.isoformat() == "2026-06-08"


@pytest.mark.parametrize(("sentence", "month"), [
    ("Last year Quillon Systems bought Brightwater Robotics for $9 million, and it recently acquired "
     "Ferrowind Labs for $3 million.", "2026-06"),
    ("Quillon Systems acquired Ferrowind Labs for $3 million just six months after it was founded in 2023.",
     "2023"),
])
def test_recently_in_a_deals_own_conjunct_dates_it_by_the_text(sentence, month):
    deals = [f for f in _facts(sentence, anchor="2026-06-15")
             if f.type is FactType.ACQUISITION and f.subject == "Ferrowind Labs"]
    assert len(deals) == 1 and deals[0].time is not None and deals[0].time.label().startswith(month)


def test_founders_hired_and_technology_licensed_in_one_sentence_are_a_move_and_a_contract():
    text = ("In June 2025 Quorvia hired the founders of robotics startup Brellix, including chief executive "
            "Dana Whitcombe, and licensed Brellix's technology.")
    kinds = {(f.type, f.subject) for f in _facts(text)}
    assert kinds == {(FactType.TALENT_MOVE, "Brellix"), (FactType.COMMERCIAL_CONTRACT, "Brellix")}


def test_a_list_of_purchases_pairs_each_buyer_with_its_own_company():
    text = ("In 2016 Marlow Software bought web-security company Quist Labs, Orlan Group bought rival maker "
            "Tessaly, Brisa bought cloud start-up Corvex and Ilex bought incident-response specialist Pellow Systems.")
    pairs = {(f.subject, f.counterparties[0].name) for f in _facts(text) if f.type is FactType.ACQUISITION}
    assert pairs == {("Quist Labs", "Marlow Software"), ("Tessaly", "Orlan Group"), ("Corvex", "Brisa"),
                     ("Pellow Systems", "Ilex")}


@pytest.mark.parametrize(("sentence", "subject", "year"), [
    ("Dana Whitcombe ran finance at Quillon Systems, which she took public in 2019, before joining Brellix.",
     "Quillon Systems", "2019"),
    ("The stock trades far above its price at Ferrowind Labs's listing in March 2023.", "Ferrowind Labs", "2023-03"),
    ("Tarnhelm Data's shares have doubled since its initial public offering in 2021.", "Tarnhelm Data", "2021"),
])
def test_a_listing_told_in_a_relative_clause_or_a_possessive_noun_phrase(sentence, subject, year):
    listings = [f for f in _facts(sentence, anchor="2025-06-03") if f.type is FactType.IPO]
    assert [(f.subject, f.time.label()) for f in listings] == [(subject, year)]


@pytest.mark.parametrize("sentence", [
    "Tarnhelm Data, which Quillon Ventures backed, raised $5 million.",
    "Tarnhelm Data is listing its risks in the filing.",
])
def test_a_relative_clause_without_a_date_or_a_verb_of_listing_is_no_new_deal(sentence):
    facts = _facts(sentence, anchor="2025-06-03")
    assert all(f.type is FactType.FUNDING_ROUND for f in facts)


def test_a_controlling_stake_bought_is_an_acquisition_and_paid_is_done():
    facts = _facts("Quillon Systems paid $64 million for a 75% controlling stake in Brellix, a maker of switches.",
                   anchor="2025-06-03")
    assert [(f.type, f.subject, f.status.value) for f in facts] == [(FactType.ACQUISITION, "Brellix", "completed")]


def test_a_company_speaking_of_its_own_completed_acquisition_is_the_buyer():
    text = "Quillon Systems Q3 call\n\nIn early May we completed our acquisition of Brellix Robotics."
    deals = [f for f in _facts(text, anchor="2025-08-01") if f.type is FactType.ACQUISITION]
    assert [(f.subject, f.status.value) for f in deals] == [("Brellix Robotics", "completed")]


@pytest.mark.parametrize("sentence", [
    "Dana Whitcombe, EVP and head of cloud at Quillon Systems, is leaving.",
    "Dana Whitcombe, head of cloud at Quillon Systems, is also leaving.",
])
def test_a_departure_told_in_the_present_progressive_is_announced_from_the_employer_described(sentence):
    moves = [f for f in _facts(sentence, anchor="2025-06-03") if f.type is FactType.TALENT_MOVE]
    assert [(f.subject, f.people, f.status.value) for f in moves] == [
        ("Quillon Systems", ("Dana Whitcombe",), "announced")]


def test_a_reference_inside_a_relative_clause_is_to_the_company_the_clause_follows():
    text = ("Dana Whitcombe now runs Brellix. Before that she was finance chief of Quillon Systems, where she "
            "oversaw the payments company's initial public offering in 2015.")
    listings = [f for f in _facts(text, anchor="2025-06-03") if f.type is FactType.IPO]
    assert [(f.subject, f.time.label()) for f in listings] == [("Quillon Systems", "2015")]


def test_a_company_described_again_in_apposition_is_still_the_company_taken_private():
    text = ("Ferrowind, the Reno-based data center company founded by Dana Whitcombe, has agreed to be taken "
            "private by Quillon Partners in an all-cash deal valued at about $4 billion including debt.")
    deals = [f for f in _facts(text, anchor="2025-06-03") if f.type is FactType.ACQUISITION]
    assert [(f.subject, f.counterparties[0].name, f.status.value) for f in deals] == [
        ("Ferrowind", "Quillon Partners", "announced")]


@pytest.mark.parametrize(("sentence", "counted"), [
    ("Quillon Systems has paid $90 million to buy Brellix, a news site reported, citing people familiar "
     "with the matter.", True),
    ("Quillon Systems is in talks to buy Brellix, people familiar with the matter said.", False),
    ("Quillon Systems will buy Brellix as soon as next week, according to people briefed on the plans.", False),
])
def test_a_deal_sourced_to_unnamed_people_counts_only_when_told_as_done(sentence, counted):
    assert bool([f for f in _facts(sentence, anchor="2025-06-03") if f.type is FactType.ACQUISITION]) is counted


def test_a_round_guessed_from_earlier_sentences_is_not_raised_by_a_backer_of_the_round_before():
    text = ("Quillon Systems was already an investor. It took part in Brellix Robotics's $40 million Series B in "
            "2023, a round led by Orlan Capital. Late last year the startup raised a further $25 million from "
            "investors including Tessaly Ventures.")
    rounds = {f.amount.amount: f.subject for f in _facts(text, anchor="2025-06-03")
              if f.type is FactType.FUNDING_ROUND and f.amount}
    assert rounds[25_000_000] == "Brellix Robotics"


def test_it_before_a_past_verb_is_the_subject_of_the_sentences_before_not_a_company_named_later():
    text = ("Orlan Cloud used the structure twice last year. In June it hired the founders of startup Tessaly, "
            "together with a third of Tessaly's staff; Tessaly's chief executive went on to run Orlan Cloud's lab.")
    moves = [f for f in _facts(text, anchor="2025-06-03") if f.type is FactType.TALENT_MOVE]
    assert [(f.subject, [p.name for p in f.counterparties]) for f in moves] == [("Tessaly", ["Orlan Cloud"])]


def test_its_after_a_company_spoken_of_in_general_names_no_company():
    text = ("Quillon Systems licensed its models last year. The structure, in which a large company hires a "
            "startup's leaders and licenses its technology instead of buying the company, is common.")
    assert [f for f in _facts(text, anchor="2025-06-03") if f.evidence.startswith("The structure")] == []


def test_a_listing_word_negated_or_beside_talks_states_no_listing():
    text = ("Rounds reported only as talks are excluded; for example, Tessaly's reported discussions in May "
            "about raising at a $15 billion valuation are not listed.")
    assert [f for f in _facts(text, anchor="2026-06-03") if f.type is FactType.IPO] == []


def test_the_company_after_a_colon_is_the_one_company_named_before_it():
    text = ("Earlier this year Quillon Systems also strengthened its offering through a smaller purchase: on "
            "May 30, 2025, the company acquired Brellix Inc., a maker of pricing software, for $50 million.")
    deals = [f for f in _facts(text, anchor="2025-12-01") if f.type is FactType.ACQUISITION]
    assert [(f.subject, f.counterparties[0].name, f.time.label()) for f in deals] == [
        ("Brellix", "Quillon Systems", "2025-05-30")]


def test_a_rubric_before_a_bar_names_no_company():
    text = ("MARKET TALK | The interview\n\nQuillon Systems builds chips. Quillon Systems was founded in 2019.\n\n"
            "Q: How did the year go?\n\nA: In July we completed our Series C round at about $40 million.")
    rounds = [f for f in _facts(text, anchor="2025-09-01") if f.type is FactType.FUNDING_ROUND]
    assert [f.subject for f in rounds] == ["Quillon Systems"]


def test_a_date_a_figure_is_compared_with_dates_neither_that_deal_nor_the_next():
    text = ("Published March 12, 2026\n\nKestrel Dynamics has closed a $210 million Series C led by Marlow Growth. "
            "The round values the company at $1.9 billion, up from $640 million a year ago.\n\n"
            "Separately, Vantage Grid signed a five-year agreement to supply capacity to Corvane AI for $400 million.")
    dates = {f.type: f.time.label() for f in _facts(text)}
    assert dates == {FactType.FUNDING_ROUND: "2026-03-12", FactType.COMMERCIAL_CONTRACT: "2026-03-12"}


def test_a_separate_item_is_not_dated_by_the_item_before():
    text = ("Published March 12, 2026\n\nHalvern Cloud went public on the Nasdaq in February, raising $520 million."
            "\n\nLastly, Brightwater Semiconductor bought a 15% stake in Ferrovia Photonics for $90 million.")
    stake = [f for f in _facts(text) if f.type is FactType.STRATEGIC_INVESTMENT]
    assert [f.time.label() for f in stake] == ["2026-03-12"]


@pytest.mark.parametrize("sentence", [
    "Brightwater had raised its holding in another supplier, Lumen Optics, to 60% last year.",
    "Brightwater lifted its holding in Lumen Optics to 85 pct.",
])
def test_a_holding_raised_past_half_is_an_acquisition(sentence):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.type, f.subject) for f in facts] == [(FactType.ACQUISITION, "Lumen Optics")]


def test_a_short_name_ending_like_an_adverb_opens_a_sentence_as_the_company():
    text = ("Quorvane Technologies agreed to acquire Tessaly Networks for $1.35 billion. Upon closing, Tessaly "
            "co-founder Idris Falk will join Quorvane. Tessaly was founded in 2019 and has raised more than $200 "
            "million from investors including Brennan Ventures. Its most recent financing, a $95 million Series C, "
            "closed in November 2025.")
    rounds = [(f.subject, f.amount.amount) for f in _facts(text, anchor="2026-06-04") if f.type is FactType.FUNDING_ROUND]
    assert rounds == [("Tessaly Networks", 95_000_000)]  # the $200 million is a total to date


@pytest.mark.parametrize(("text", "former", "hirer"), [
    ("Dana Okafor has joined Lattice Forge as chief revenue officer. She spent eight years at Helmsworth Cloud, "
     "most recently as head of sales.", "Helmsworth Cloud", "Lattice Forge"),
    ("Ex-Nimbus Systems CTO Ravi Patel is set to join Stellan Networks as chief technology officer next month.",
     "Nimbus Systems", "Stellan Networks"),
    ("Former Nimbus Systems CTO Ravi Patel is set to join Stellan Networks as chief technology officer.",
     "Nimbus Systems", "Stellan Networks"),
    ("Quillon Robotics poached two senior engineers from Tarrow AI's perception team.", "Tarrow AI",
     "Quillon Robotics"),
])
def test_where_a_hired_person_comes_from_told_before_the_name_after_it_or_as_a_team(text, former, hirer):
    moves = [f for f in _facts(text, anchor="2026-05-20") if f.type is FactType.TALENT_MOVE]
    assert [(f.subject, [p.name for p in f.counterparties]) for f in moves] == [(former, [hirer])]


def test_a_currency_written_in_letters_before_an_amount_is_no_company():
    text = ("In Mumbai, cloud services firm Varuna Digital priced its initial public offering at Rs 412 per "
            "share, the upper end of the price band, raising Rs 2,850 crore.")
    listings = [f for f in _facts(text, anchor="2026-10-09") if f.type is FactType.IPO]
    assert [(f.subject, f.amount.currency, f.amount.amount) for f in listings] == [
        ("Varuna Digital", "INR", 28_500_000_000)]


def test_a_count_of_days_opening_a_sentence_is_no_company():
    text = ("Days later, the U.S. Department of Energy awarded Calder Systems a $920 million contract to build a "
            "supercomputer.")
    contracts = [f for f in _facts(text, anchor="2026-08-20") if f.type is FactType.COMMERCIAL_CONTRACT]
    assert [(f.subject, [p.name for p in f.counterparties]) for f in contracts] == [
        ("Calder Systems", ["Department of Energy"])]


def test_a_product_that_debuted_is_no_listing_and_a_ticker_is_no_company():
    assert [f for f in _facts("Tessaly Systems's new chip debuted at the trade show.", anchor="2025-06-03")
            if f.type is FactType.IPO] == []
    facts = _facts("Halvern Cloud began trading on Nasdaq under the ticker HLVN after raising $210 million.",
                   anchor="2025-06-03")
    assert [(f.type, f.subject, f.amount.amount) for f in facts] == [(FactType.IPO, "Halvern Cloud", 210_000_000)]


def test_two_companies_joined_by_a_hyphen_before_merger_are_two():
    facts = _facts("The Tessaly-Brellix merger closed on Monday.", anchor="2025-06-03")
    assert [(f.type, f.subject, f.counterparties[0].name) for f in facts] == [
        (FactType.ACQUISITION, "Brellix", "Tessaly")]


def test_a_table_rows_date_does_not_date_the_prose_after_the_table():
    text = ("Funding tracker\n\nPublished June 30, 2026\n\nCompany | Round | Amount | Date\n"
            "Corvex Bio | Seed | $12M | Jun 19, 2026\n\nAlso notable\n\n"
            "Halvern Cloud acquired storage startup Ferrovia Labs for an undisclosed sum.")
    deals = [f for f in _facts(text) if f.type is FactType.ACQUISITION]
    assert [f.time.label() for f in deals] == ["2026-06-30"]


def test_markdown_emphasis_around_names_is_read_through_and_the_evidence_is_the_source():
    text = "## M&A\n\n- **Halloway Capital** took a 20% stake in **Nimbra Labs**."
    facts = _facts(text, anchor="2026-09-04")
    assert [(f.type, f.subject, f.counterparties[0].name) for f in facts] == [
        (FactType.STRATEGIC_INVESTMENT, "Nimbra Labs", "Halloway Capital")]
    assert facts[0].evidence == text[facts[0].span[0]:facts[0].span[1]] and "**" in facts[0].evidence


def test_a_company_named_with_a_word_of_its_trade_before_a_title_is_a_company():
    facts = _facts("Lena Hart (ex-Orpheon Data) → Brisa Compute, COO.", anchor="2026-09-04")
    assert [(f.subject, f.counterparties[0].name, f.people) for f in facts] == [
        ("Orpheon Data", "Brisa Compute", ("Lena Hart",))]


def test_a_note_with_its_backers_after_the_amount_and_a_listing_priced_on_its_first_day():
    text = ("# The Stack\n\n## Money\n\n- Kestrel Dynamics: $50M from Brennan Ventures, its third raise in 18 months.\n"
            "- Kestrel Labs: $50M revenue last quarter.\n\n## IPOs\n\n"
            "- Jinlong Robotics priced at HK$32, raising HK$4.1B, and jumped 28% on day one.")
    facts = {(f.type, f.subject): f for f in _facts(text, anchor="2026-09-04")}
    assert set(facts) == {(FactType.FUNDING_ROUND, "Kestrel Dynamics"), (FactType.IPO, "Jinlong Robotics")}
    assert [p.name for p in facts[FactType.FUNDING_ROUND, "Kestrel Dynamics"].counterparties] == ["Brennan Ventures"]


def test_we_outside_quotations_is_the_company_speaking_for_every_kind_of_deal():
    text = ("Orlan Cloud (ORLN) Q2 2026 Earnings Call Transcript\n\nAugust 6, 2026\n\n"
            "Maya Brandt, Chief Executive Officer: Last week we agreed to buy a 30% stake in Ferrovia Power for "
            "$150 million. We also welcomed Elena Voss as chief operating officer; she joins us from Halvern Cloud. "
            "We tried to raise $80 million in a Series C last year and investors were not interested.")
    facts = {(f.type, f.subject): [p.name for p in f.counterparties] for f in _facts(text)}
    assert facts == {(FactType.STRATEGIC_INVESTMENT, "Ferrovia Power"): ["Orlan Cloud"],
                     (FactType.TALENT_MOVE, "Halvern Cloud"): ["Orlan Cloud"]}


def test_an_interviews_speaker_labels_are_people_and_its_company_is_the_one_its_title_names_first():
    text = ("TECH TALK | The interview\n\n\"We stayed independent\": Quillon Bio's Dara Venn on money\n\n"
            "Seoul-based Quillon Bio makes Orvex, a protein model. Orvex runs on Orvex hardware.\n\n"
            "Q: How did you fund it?\n\nVenn: In July 2023 we had a first close of $60 million on our Series C.")
    rounds = [f for f in _facts(text, anchor="2025-08-01") if f.type is FactType.FUNDING_ROUND]
    assert [(f.subject, f.time.label()) for f in rounds] == [("Quillon Bio", "2023-07")]


def test_a_deal_that_a_later_one_comes_weeks_after_is_dated_back_from_it():
    text = ("Brellix Systems has won a $2.3 billion order from Qasr Digital, the companies said on Tuesday, "
            "November 17, 2026. It comes six weeks after the company closed a $400 million Series D led by "
            "Nordhaven Capital.")
    rounds = [f for f in _facts(text, anchor="2026-11-18") if f.type is FactType.FUNDING_ROUND]
    assert [f.time.label() for f in rounds] == ["2026-10-06"]


def test_the_company_a_release_defines_is_the_company_and_a_previously_announced_deal_completed_is_done():
    text = ("SEATTLE, Oct. 29, 2026 -- Halvern Cloud, Inc. (NYSE: HLVN) (\"Halvern\" or the \"Company\") today "
            "announced that it has entered into a definitive agreement to acquire Pellucid Storage Corp. for about "
            "$870 million.\n\nDuring the quarter, the Company also completed its previously announced $150 million "
            "investment in Tarrow Photonics.")
    stake = [f for f in _facts(text) if f.type is FactType.STRATEGIC_INVESTMENT]
    assert [(f.subject, [p.name for p in f.counterparties], f.status.value) for f in stake] == [
        ("Tarrow Photonics", ["Halvern Cloud"], "completed")]


@pytest.mark.parametrize(("sentence", "deals"), [
    ("Halvora, which Zentrix acquired in 2021, raised $50 million from outside investors last month.",
     {FactType.ACQUISITION: ("2021", "completed"), FactType.FUNDING_ROUND: ("2025-05", "completed")}),
    ("Zentrix completed the purchase of Halvora, which it agreed to buy in January for $900 million.",
     {FactType.ACQUISITION: ("2025-01", "completed")}),
    ("Zentrix Corp and Halvora Inc agreed to combine in an all-stock merger of equals valued at $12 billion.",
     {FactType.ACQUISITION: ("2025-06-03", "announced")}),
    ("Zentrix Corp and Halvora Inc agreed to combine their sales teams in Asia.", {}),
])
def test_a_relative_clauses_date_is_its_own_deals_and_companies_agreeing_to_combine_merge(sentence, deals):
    facts = {f.type: (f.time.label(), f.status.value) for f in _facts(sentence, anchor="2025-06-03")}
    assert facts == deals


def test_a_company_named_only_in_an_aside_is_no_party_of_the_words_outside_it():
    facts = _facts("Tessaly Labs, spun out of Northfield University in 2023, raised $8 million from Orlan Capital.",
                   anchor="2025-06-03")
    assert [(f.subject, [p.name for p in f.counterparties]) for f in facts] == [("Tessaly Labs", ["Orlan Capital"])]
    sale = [f for f in _facts("Brisa agreed to sell 51% of Kestrel, the maker it bought in 2015 for $16.7 billion, "
                              "to Orlan Group.", anchor="2025-06-03") if f.counterparties[0].name == "Orlan Group"]
    assert [(f.subject, f.status.value) for f in sale] == [("Kestrel", "announced")]


def test_a_person_joining_told_by_the_company_that_hires_and_one_named_to_a_title_of_another_company():
    text = ("Tarrow AI announced that Dana Whitcombe, who spent a decade at Quillon Systems, will join as head "
            "of research.")
    moves = [f for f in _facts(text, anchor="2025-06-03") if f.type is FactType.TALENT_MOVE]
    assert [(f.subject, [p.name for p in f.counterparties], f.status.value) for f in moves] == [
        ("Quillon Systems", ["Tarrow AI"], "announced")]


@pytest.mark.parametrize(("sentence", "kind", "status"), [
    ("Investors including Orlan Capital have backed Tessaly Labs with $45 million.", FactType.FUNDING_ROUND,
     "completed"),
    ("Orlan Capital backed Tessaly Labs with $45 million.", FactType.STRATEGIC_INVESTMENT, "completed"),
    ("The $45 million round, which Orlan Capital led, values Tessaly Labs at $400 million.", FactType.FUNDING_ROUND,
     "completed"),
    ("Tessaly Labs is raising up to $45 million, according to a regulatory filing.", FactType.FUNDING_ROUND,
     "announced"),
])
def test_money_from_a_group_is_a_round_and_a_round_in_progress_is_announced(sentence, kind, status):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.type, f.subject, f.status.value) for f in facts] == [(kind, "Tessaly Labs", status)]


def test_it_after_said_is_who_said_it_and_a_stake_restated_is_one_investment():
    text = ("Separately, Frostline rival Arcticore said it had received a $250 million investment from sovereign "
            "fund Meridian Holdings, which will take a minority stake.")
    facts = _facts(text, anchor="2026-07-22")
    assert [(f.type, f.subject, [p.name for p in f.counterparties]) for f in facts] == [
        (FactType.STRATEGIC_INVESTMENT, "Arcticore", ["Meridian Holdings"])]


def test_an_investors_blog_speaks_as_the_investor_and_leads_the_companys_round():
    text = ("Why we invested in Tessaly Labs\n\nMarlow Growth blog · April 2, 2026\n\n"
            "Today we're excited to announce that Marlow Growth is leading Tessaly Labs's $30 million Series A. "
            "Tessaly Labs builds control software for data centers.")
    rounds = [f for f in _facts(text) if f.type is FactType.FUNDING_ROUND]
    assert [(f.subject, f.amount.amount, f.time.label(), [(p.name, p.role.value) for p in f.counterparties])
            for f in rounds] == [("Tessaly Labs", 30_000_000, "2026-04-02", [("Marlow Growth", "lead_investor")])]


def test_a_cashtag_names_a_company_by_its_ticker():
    facts = _facts("Srinivasan Iyer joined $QRVN from $TSSL earlier in the year to lead a new group.",
                   anchor="2025-06-03")
    assert [(f.subject, [p.name for p in f.counterparties]) for f in facts] == [("TSSL", ["QRVN"])]


def test_a_departure_dated_by_its_own_day_and_staff_hired_from_a_described_rival():
    text = ("December 1, 2026\n\nHalvern Cloud has lost a senior executive. Chief operating officer Mara Quist "
            "resigned on Friday to become chief executive of Tessaly Grid, a power startup.\n\n"
            "Pellow Robotics, meanwhile, hired 40 engineers from bankrupt rival Kestrel Automation.")
    moves = {f.subject: (f.time.label(), [p.name for p in f.counterparties])
             for f in _facts(text) if f.type is FactType.TALENT_MOVE}
    assert moves == {"Halvern Cloud": ("2026-11-27", ["Tessaly Grid"]),
                     "Kestrel Automation": ("2026-12-01", ["Pellow Robotics"])}


def test_a_deal_told_in_a_datelines_sentence_is_dated_by_its_own_day_when_it_gives_one():
    text = ("PHOENIX, Sept. 15, 2026 -- Sable Ridge Data Centers has raised $1.2 billion in equity from a group led "
            "by Northgate Infrastructure Partners, the company said on Monday.")
    assert [f.time.label() for f in _facts(text) if f.type is FactType.FUNDING_ROUND] == ["2026-09-14"]


def test_the_buyers_payment_told_sentences_later_gives_the_deals_total_value_in_dollars():
    text = ("Quillon Systems has completed its acquisition of Brellix, the maker of design software. Brellix is now "
            "a wholly owned subsidiary. Quillon Systems is paying A$68.50 in cash for each Brellix share, a 34% "
            "premium, for a total equity value of about A$9.1 billion, or roughly US$5.9 billion.")
    deals = [f for f in _facts(text, anchor="2025-06-03") if f.type is FactType.ACQUISITION]
    assert [(f.amount.amount, f.amount.currency) for f in deals] == [(5_900_000_000, "USD")]


def test_a_second_person_also_leaving_is_announced_too():
    text = ("* Dana Velu, head of security at Quillon Systems, is stepping down, and Rao Kell, EVP and head of cloud "
            "at Quillon Systems, is also leaving.")
    moves = {f.people: f.status.value for f in _facts(text, anchor="2025-06-03") if f.type is FactType.TALENT_MOVE}
    assert moves == {("Dana Velu",): "announced", ("Rao Kell",): "announced"}


def test_a_rounds_backers_are_read_in_its_own_conjunct_when_the_next_tells_another_round():
    text = ("In May 2017 Quillon raised $100 million at a valuation approaching $1 billion, and in July "
            "Cambridge-based Tessaly raised $75 million in a Series D led by Orlan Partners.")
    rounds = {f.subject: [p.name for p in f.counterparties] for f in _facts(text, anchor="2017-12-01")}
    assert rounds == {"Quillon": [], "Tessaly": ["Orlan Partners"]}
    facts = _facts("Quillon raised $100 million, and Orlan Capital led the round.", anchor="2017-12-01")
    assert [[p.name for p in f.counterparties] for f in facts] == [["Orlan Capital"]]


def test_a_weekday_in_a_text_dated_only_by_its_month_falls_in_that_month():
    facts = _facts("January 2026 -- Zentrix said on Monday that it has invested $2 billion in Halvora Cloud.")
    assert [f.time.start.strftime("%Y-%m") for f in facts] == ["2026-01"]


def test_an_elided_second_investment_is_as_far_along_as_the_first():
    facts = _facts("In the same announcement, Zentrix agreed to invest up to $10 billion in Halvora and Quillon up "
                   "to $5 billion.", anchor="2025-06-03")
    assert sorted((f.counterparties[0].name, f.status.value) for f in facts) == [
        ("Quillon", "announced"), ("Zentrix", "announced")]


@pytest.mark.parametrize(("sentence", "status"), [
    ("That deal was Zentrix's largest since its $8 billion purchase of car electronics maker Halvora "
     "International in 2017.", "completed"),
    ("Zentrix agreed in 2019 to buy Halvora International for $2 billion.", "announced"),
    ("Zentrix's planned acquisition of Halvora International, announced in 2022, still awaits approval.", "pending"),
])
def test_a_purchase_dated_years_back_and_told_as_done_is_completed(sentence, status):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [f.status.value for f in facts if f.type is FactType.ACQUISITION] == [status]


@pytest.mark.parametrize(("sentence", "status"), [
    ("Zentrix spends more than $1 billion to acquire Halvora, a data start-up.", "completed"),
    ("Zentrix will spend $1 billion to acquire Halvora.", "announced"),
    ("Zentrix agreed to pay $1 billion to acquire Halvora.", "announced"),
])
def test_money_spent_to_buy_a_company_is_a_done_purchase(sentence, status):
    assert [f.status.value for f in _facts(sentence, anchor="2025-06-03")] == [status]


def test_a_move_ahead_told_by_the_company_afterwards_is_announced_on_that_day():
    text = ("Dana Whitcombe, previously chief executive of Halvora, will be Zentrix's first chief financial "
            "officer, the company said on Monday.")
    moves = [f for f in _facts(text, anchor="2025-06-03") if f.type is FactType.TALENT_MOVE]
    assert [(f.time.label(), f.status.value) for f in moves] == [("2025-06-02", "announced")]


@pytest.mark.parametrize("sentence", [
    "Zentrix Software has agreed in principle to merge with Halvora Data.",
    "Zentrix Software said it agreed in principle to merge with Halvora Data Inc, a privately held maker of terminals.",
])
def test_an_infinitive_after_an_adverbial_phrase_completes_the_verb(sentence):
    deals = [f for f in _facts(sentence, anchor="2025-06-03") if f.type is FactType.ACQUISITION]
    assert [(f.subject, [p.name for p in f.counterparties], f.status.value) for f in deals] == [
        ("Halvora Data", ["Zentrix Software"], "announced")]


@pytest.mark.parametrize("sentence", [
    "Zentrix Chemical said it sold its wholly owned Halvora Foods subsidiary to private investors for $4 million.",
    "Zentrix Chemical sold its Halvora Foods unit to a group of investors headed by its managers.",
])
def test_a_unit_sold_to_buyers_not_named_changes_hands(sentence):
    deals = [f for f in _facts(sentence, anchor="2025-06-03") if f.type is FactType.ACQUISITION]
    assert [(f.subject, f.counterparties) for f in deals] == [("Halvora Foods", ())]


@pytest.mark.parametrize("sentence", [
    "Zentrix Systems has bought Halvora Corp's Traffic Services business for $40 million.",
    "Zentrix Data, a unit of Zentrix Bank, has bought Halvora Corp's Traffic Services operations.",
])
def test_a_named_business_of_another_company_bought_is_that_business(sentence):
    deals = [f for f in _facts(sentence, anchor="2025-06-03") if f.type is FactType.ACQUISITION]
    assert [f.subject for f in deals] == ["Traffic Services"]


@pytest.mark.parametrize(("sentence", "buyer"), [
    ("Halvern Savings said First Quorvia Corp has agreed to acquire it.", "First Quorvia"),
    ("In the First Quarter Zentrix Corp bought Halvora Labs.", "Zentrix"),
])
def test_first_begins_a_company_name_that_says_it_is_one_and_a_quarter_names_none(sentence, buyer):
    deals = [f for f in _facts(sentence, anchor="2025-06-03") if f.type is FactType.ACQUISITION]
    assert [p.name for f in deals for p in f.counterparties] == [buyer]


def test_a_sale_completed_that_was_announced_before_is_completed():
    facts = _facts("Zentrix Resources Inc said it has completed the previously-announced sale of its Halvora "
                   "Steamship unit.", anchor="2025-06-03")
    assert [(f.subject, f.status.value) for f in facts if f.type is FactType.ACQUISITION] == [
        ("Halvora Steamship", "completed")]


@pytest.mark.parametrize("text", [
    "BANK OF ZENTRIA BUYS DOLLARS AROUND 145.75 YEN - DEALERS",
    "BANK OF ZENTRIA BOUGHT DOLLARS AGAINST YEN, DEALERS SAY",
    "Halvora Metals said it held forward contracts at year-end to buy 985 mln U.S. Dlrs to hedge its Yen debt.",
])
def test_currencies_bought_are_no_company(text):
    assert [f for f in _facts(text, anchor="2025-06-03") if f.type is FactType.ACQUISITION] == []


def test_a_deal_told_with_would_and_a_condition_is_no_deal():
    text = "\"I would be willing to sell Zentrix and buy Halvora Mining if I were picking one copper stock,\" he said."
    assert _facts(text, anchor="2025-06-03") == []
    told = _facts("Zentrix said it would buy Halvora Mining for $2 billion if regulators approve.", anchor="2025-06-03")
    assert [f.subject for f in told if f.type is FactType.ACQUISITION] == ["Halvora Mining"]


def test_the_part_of_a_company_a_buyer_does_not_own_yet_is_the_company():
    for text, kind in [("Zentrix agreed to acquire the 36 pct of Halvora Corp that it does not already own.", "acquisition"),
                       ("Zentrix agreed to buy the 40% of Halvora it doesn't own.", "acquisition"),
                       ("Zentrix agreed to buy 40% of Halvora, which owns a refinery.", "strategic_investment")]:
        assert [f.type.value for f in _facts(text, anchor="2025-06-03")] == [kind]


def test_companies_bought_together_are_each_bought():
    facts = _facts("Zentrix Inc completed the sale of Quorvia Labs Inc and Brellix Inc to Halvora Corp for $40 million.",
                   anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties], f.amount is not None) for f in facts] == [
        ("Quorvia Labs", ["Halvora"], True), ("Brellix", ["Halvora"], False)]  # the amount is the pair's
    facts = _facts("Halvora Corp bought Quorvia Labs Inc, Ostrava Systems and Brellix Inc last year.", anchor="2025-06-03")
    assert [f.subject for f in facts] == ["Quorvia Labs", "Ostrava Systems", "Brellix"]


def test_a_name_with_and_in_it_is_not_two_companies_bought():
    facts = _facts("Halvora Corp bought Quist and Marlow for $40 million.", anchor="2025-06-03")
    assert len([f for f in facts if f.type is FactType.ACQUISITION]) == 1


def test_a_purchase_told_in_an_opening_clause_is_as_done_as_the_clause_it_opens():
    facts = _facts("After buying Halvora Labs in 2019, Zentrix Corp expanded into Asia.", anchor="2025-06-03")
    assert [(f.type.value, f.subject, f.status.value) for f in facts] == [("acquisition", "Halvora Labs", "completed")]
    facts = _facts("Before acquiring Halvora Labs this year, Zentrix Corp had talked about entering retail for a decade.",
                   anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties], f.status.value) for f in facts] == [
        ("Halvora Labs", ["Zentrix"], "completed")]
    facts = _facts("After buying Halvora Labs, Zentrix Corp will expand into Asia.", anchor="2025-06-03")
    assert [f.status.value for f in facts] == ["announced"]


def test_a_stake_raised_from_a_minority_to_a_majority_is_control():
    facts = _facts("Zentrix Corp will be increasing its stake in Halvora Labs from 33% to 75%.", anchor="2025-06-03")
    assert [(f.type.value, f.status.value) for f in facts] == [("acquisition", "announced")]
    facts = _facts("Zentrix Corp raised its stake in Halvora Labs from 13% to 25%.", anchor="2025-06-03")
    assert [f.type.value for f in facts] == ["strategic_investment"]


def test_a_nationality_before_a_name_with_a_legal_suffix_is_part_of_the_name():
    facts = _facts("Zentrix Corp agreed to buy American Quorvia Inc for 40 mln dlrs.", anchor="2025-06-03")
    assert [f.subject for f in facts] == ["American Quorvia"]
    facts = _facts("Zentrix Corp agreed to buy Swiss biotech group Quorvia for 40 mln dlrs.", anchor="2025-06-03")
    assert [f.subject for f in facts] == ["Quorvia"]


def test_a_name_with_two_legal_suffixes_is_named_without_both():
    facts = _facts("Zentrix Corp said it agreed to buy Halvora Co Plc for 40 mln stg.", anchor="2025-06-03")
    assert [f.subject for f in facts] == ["Halvora"]


def test_one_word_names_joined_by_and_to_a_name_with_a_legal_suffix_are_one_company():
    facts = _facts("Zentrix Corp offered to buy Quist and Marlow Publishers Inc for 65 dlrs a share.", anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties]) for f in facts] == [("Quist and Marlow Publishers", ["Zentrix"])]
    facts = _facts("Quist, Marlow and Co Inc said it bought Halvora Labs.", anchor="2025-06-03")
    assert [[c.name for c in f.counterparties] for f in facts] == [["Quist, Marlow and Co"]]
    facts = _facts("Zentrix Corp and Halvora Inc agreed to buy Quorvia Labs.", anchor="2025-06-03")
    assert sorted(c.name for f in facts for c in f.counterparties) == ["Halvora", "Zentrix"]


@pytest.mark.parametrize("text", [
    "El Salvador and Guatemala both backed Colombia at the coffee talks last week.",
    "The Soviet buying follows recent purchases by India, Turkey and Libya.",
])
def test_countries_are_no_companies(text):
    assert _facts(text, anchor="2025-06-03") == []


def test_a_move_told_with_a_date_ahead_is_announced():
    facts = _facts("Dana Wu joins Halvora Corp from Zentrix Inc as CFO next month.", anchor="2025-06-03")
    assert [(f.type.value, f.status.value) for f in facts] == [("talent_move", "announced")]
    facts = _facts("Dana Wu joined Halvora Corp from Zentrix Inc as CFO last month.", anchor="2025-06-03")
    assert [f.status.value for f in facts] == ["completed"]


@pytest.mark.parametrize("headline, subject, buyer", [
    ("Zentrix Agrees To Acquire Halvora Labs In $2 Billion Deal", "Halvora Labs", "Zentrix"),
    ("Zentrix Completes Acquisition Of Halvora", "Halvora", "Zentrix"),
    ("Quorvia Acquisition Corp Completes Purchase Of Halvora", "Halvora", "Quorvia Acquisition"),
])
def test_a_title_case_headline_ends_names_at_its_verbs_and_deal_nouns(headline, subject, buyer):
    facts = _facts(headline, anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties]) for f in facts] == [(subject, [buyer])]


def test_a_bid_others_expect_is_no_deal():
    assert _facts("Analysts expect Zentrix Corp to make a tender offer for Halvora Inc.", anchor="2025-06-03") == []
    assert _facts("Zentrix Corp is expected to launch a takeover bid for Halvora Inc.", anchor="2025-06-03") == []


def test_a_merger_subsidiary_merging_into_a_company_is_its_owner_buying_it():
    facts = _facts("Under the agreement, a wholly owned subsidiary of Zentrix Corp will merge with and into Halvora Inc, "
                   "with Halvora surviving as a wholly owned subsidiary of Zentrix.", anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties]) for f in facts] == [("Halvora", ["Zentrix"])]
    facts = _facts("Zentrix Corp said it completed the merger of its subsidiary with and into Halvora Corp.", anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties], f.status.value) for f in facts] == [
        ("Halvora", ["Zentrix"], "completed")]


def test_a_companys_own_shares_sold_to_another_are_a_stake_it_takes():
    facts = _facts("Zentrix Corp said it sold 11.3 mln shares, or 29.4 pct, of its common stock to Halvora Inc.",
                   anchor="2025-06-03")
    assert [(f.type.value, f.subject, [c.name for c in f.counterparties]) for f in facts] == [
        ("strategic_investment", "Zentrix", ["Halvora"])]


def test_a_company_before_a_hired_persons_new_role_is_no_person():
    facts = _facts("Halvora hired Dana Wu, formerly chief technology officer at Zentrix, as its head of AI.",
                   anchor="2025-06-03")
    assert [(f.type.value, f.subject, [c.name for c in f.counterparties], f.people) for f in facts] == [
        ("talent_move", "Zentrix", ["Halvora"], ("Dana Wu",))]


def test_a_company_opening_a_sentence_before_its_description_is_named():
    facts = _facts("Zentrix, backed by Halvora, raised $75 million at a $1 billion valuation.", anchor="2025-06-03")
    assert [(f.type.value, f.subject) for f in facts] == [("funding_round", "Zentrix")]


def test_a_company_veteran_hired_comes_from_that_company():
    facts = _facts("Zentrix named Halvora veteran Dana Wu as its chief financial officer.", anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties], f.people) for f in facts] == [
        ("Halvora", ["Zentrix"], ("Dana Wu",))]


def test_a_person_stepping_down_told_in_the_present_tense():
    facts = _facts("Dana Wu steps down as chief executive of Halvora Systems after eight years.", anchor="2025-06-03")
    assert [(f.type.value, f.subject, f.people) for f in facts] == [("talent_move", "Halvora Systems", ("Dana Wu",))]


def test_an_appointment_told_as_a_noun_is_a_move():
    facts = _facts("Zentrix announced the appointment of Dana Wu as chief product officer. "
                   "She previously led products at Halvora.", anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties], f.people) for f in facts] == [
        ("Halvora", ["Zentrix"], ("Dana Wu",))]


@pytest.mark.parametrize("text, amount", [
    ("Zentrix shares opened at $38 on the Nasdaq on Friday, well above the $27 IPO price.", False),
    ("Zentrix listed its shares in London last month.", False),
    ("Zentrix's shares began trading on the Tokyo Stock Exchange on Wednesday after it raised 120 billion yen.", True),
])
def test_a_first_day_of_trading_is_a_listing_and_a_raise_beside_it_its_proceeds(text, amount):
    facts = _facts(text, anchor="2025-06-03")
    assert [(f.type.value, f.subject, f.amount is not None) for f in facts] == [("ipo", "Zentrix", amount)]


def test_goods_ordered_for_a_sum_are_a_contract():
    facts = _facts("Halvora ordered 20 turbines from Zentrix for $400 million.", anchor="2025-06-03")
    assert [(f.type.value, f.subject, [c.name for c in f.counterparties]) for f in facts] == [
        ("commercial_contract", "Zentrix", ["Halvora"])]
    assert _facts("Halvora bought 500 servers from Zentrix last year.", anchor="2025-06-03") == []


def test_items_of_a_bulleted_roundup_are_notes_whatever_their_length():
    text = ("Deals this week.\n\n* Zentrix (AI chips) - $40M Series B led by Halvora Ventures\n"
            "* Quorvia: $12 million seed from Brellix Capital\n* Dorsa Labs to buy Kestrel Fabric (terms not disclosed)")
    facts = _facts(text, anchor="2025-06-03")
    assert sorted((f.type.value, f.subject) for f in facts) == [
        ("acquisition", "Kestrel Fabric"), ("funding_round", "Quorvia"), ("funding_round", "Zentrix")]


def test_a_bulleted_people_moves_list():
    text = ("People moves\n\n- Dana Wu joins Halvora as CFO from Zentrix\n"
            "- Halvora hires Zentrix's Ana Ruiz as head of sales\n- Marlow Labs CEO Sam Lee departs\n")
    facts = _facts(text, anchor="2025-06-03")
    assert sorted((f.subject, f.people) for f in facts) == [
        ("Marlow Labs", ("Sam Lee",)), ("Zentrix", ("Ana Ruiz",)), ("Zentrix", ("Dana Wu",))]


def test_a_person_named_to_a_title_at_a_company_is_hired_by_it():
    facts = _facts("Ken Obi, formerly of Quorvia, was named chief technology officer at Brellix.", anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties]) for f in facts] == [("Quorvia", ["Brellix"])]


@pytest.mark.parametrize("sentence", [
    "Venture firms invested $80 million in Brellix Labs.",
    "Hedge funds have put $30 million into Brellix Labs.",
    "Backers pumped $80 million into Brellix Labs.",
])
def test_a_capitalised_word_for_a_kind_of_backer_is_no_company(sentence):
    names = {f.subject for f in _facts(sentence, anchor="2025-06-03")} | {
        c.name for f in _facts(sentence, anchor="2025-06-03") for c in f.counterparties}
    assert names == {"Brellix Labs"}


def test_a_name_before_a_plural_noun_for_backers_stays_a_name():
    assert read("Quorvia investors cheered the sale of Brellix Labs.").table.names == ["Quorvia", "Brellix Labs"]
    assert read("Venture investors cheered the sale of Brellix Labs.").table.names == ["Brellix Labs"]


@pytest.mark.parametrize("sentence", [
    "Lee Chan left Orla Networks to become chief financial officer of Halvora Motors.",
    "Lee Chan quit Orla Networks to run Halvora Motors.",
    "Lee Chan departed Orla Networks to lead engineering at Halvora Motors.",
])
def test_one_who_leaves_a_company_for_a_post_elsewhere_is_a_person(sentence):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.type.value, f.subject, f.people, [c.name for c in f.counterparties]) for f in facts] == [
        ("talent_move", "Orla Networks", ("Lee Chan",), ["Halvora Motors"])]


@pytest.mark.parametrize("sentence", [
    "Quorvia Robotics has raised a further $25 million, bringing its total funding to $60 million.",
    "Quorvia Robotics raised $25 million led by Halvora Capital, taking the total raised to date to $60 million.",
])
def test_a_round_that_brings_the_total_to_a_sum_is_that_round(sentence):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.type.value, f.subject, f.amount.amount if f.amount else None) for f in facts] == [
        ("funding_round", "Quorvia Robotics", 25_000_000)]


@pytest.mark.parametrize("sentence", [
    "Quorvia Robotics has raised $60 million in total.",
    "Quorvia Robotics has raised $60 million to date.",
])
def test_a_sum_raised_to_date_is_no_round(sentence):
    assert _facts(sentence, anchor="2025-06-03") == []


@pytest.mark.parametrize("sentence", [
    "Quorvia Robotics has received $25 million in Series A financing.",
    "Quorvia Robotics nabbed $25 million in seed funding.",
    "Quorvia Robotics drew $25 million in Series B funding.",
    "Quorvia Robotics attracted $25 million in venture funding.",
    "Quorvia Robotics got $25 million in new funding.",
])
def test_money_got_in_a_round_by_any_verb_of_getting_is_a_round(sentence):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.type.value, f.subject) for f in facts] == [("funding_round", "Quorvia Robotics")]


@pytest.mark.parametrize("sentence", [
    "Quorvia Robotics received $25 million in revenue from Halvora.",
    "Quorvia Robotics received a $25 million grant from Halvora.",
    "Quorvia Robotics said it got financing from a group of banks for $25 million.",
])
def test_money_got_that_is_no_equity_is_no_deal(sentence):
    assert _facts(sentence, anchor="2025-06-03") == []


def test_a_stake_received_is_a_stake_not_a_round():
    facts = _facts("Quorvia Robotics received a $25 million equity stake from Halvora.", anchor="2025-06-03")
    assert [(f.type.value, f.subject) for f in facts] == [("strategic_investment", "Quorvia Robotics")]


@pytest.mark.parametrize(("sentence", "amount"), [
    ("Quorvia Power floated on the ASX, raising A$300 million.", "AUD"),
    ("Quorvia Power listed on the Northland stock exchange in a HK$3.2 billion IPO.", "HKD"),
    ("Shares of Quorvia Power soared 50% in their trading debut.", None),
])
def test_a_listing_told_by_its_exchange_or_debut(sentence, amount):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.type.value, f.subject, f.amount.currency if f.amount else None) for f in facts] == [
        ("ipo", "Quorvia Power", amount)]


@pytest.mark.parametrize("sentence", [
    "Quorvia Power is listed on the Nasdaq.",
    "Quorvia Power, which is already listed on the Nasdaq, makes grid batteries.",
    "The notes will be listed in Luxembourg.",
    "Quorvia Power's new chip impressed in its debut at the trade show.",
])
def test_being_listed_is_no_listing(sentence):
    assert _facts(sentence, anchor="2025-06-03") == []


def test_a_date_in_a_closing_description_of_the_target_is_its_own():
    facts = _facts("Halvora bought Quorvia Power, which was founded in 2019.", anchor="2025-06-03")
    assert [(f.subject, f.time.start.year) for f in facts] == [("Quorvia Power", 2025)]


def test_a_debut_told_in_a_relative_clause_is_its_company_listing():
    facts = _facts("Halvora bought Quorvia Power, whose shares began trading in 2019.", anchor="2025-06-03")
    assert sorted((f.type.value, f.subject, f.time.start.year) for f in facts) == [
        ("acquisition", "Quorvia Power", 2025), ("ipo", "Quorvia Power", 2019)]


@pytest.mark.parametrize("sentence", [
    "Halvora Acquisition Corp, a blank-check company, completed its merger with Quorvia Power, which began "
    "trading on the Nasdaq on Monday.",
    "Quorvia Power completed its merger with Halvora Acquisition Corp, a SPAC, and began trading on the Nasdaq.",
])
def test_a_listing_by_merger_with_a_blank_check_company_is_a_listing(sentence):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.type.value, f.subject) for f in facts] == [("ipo", "Quorvia Power")]


def test_shares_and_price_told_after_a_listing_give_its_size():
    text = "Quorvia Power made its debut on the Nasdaq on Friday. The company sold 10 million shares at $17 each."
    facts = _facts(text, anchor="2025-06-03")
    assert [(f.type.value, f.subject, f.amount.amount if f.amount else None) for f in facts] == [
        ("ipo", "Quorvia Power", 170_000_000)]
    other = "Quorvia Power made its debut on the Nasdaq on Friday. Halvora sold 10 million shares at $17 last year."
    assert [f.amount for f in _facts(other, anchor="2025-06-03")] == [None]


@pytest.mark.parametrize(("sentence", "hirer"), [
    ("Ana Ruiz moves from Orla Networks to Halvora Motors, where she will lead sales.", "Halvora Motors"),
    ("Ana Ruiz jumped from Orla Networks to Halvora Motors.", "Halvora Motors"),
    ("Ana Ruiz has been hired by Halvora Motors from Orla Networks.", "Halvora Motors"),
    ("Orla Networks ousted chief executive Ana Ruiz on Monday.", None),
    ("Ana Ruiz was fired as chief executive of Orla Networks after a board review.", None),
])
def test_people_moved_told_by_their_motion_or_their_dismissal(sentence, hirer):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.subject, f.people, [c.name for c in f.counterparties]) for f in facts] == [
        ("Orla Networks", ("Ana Ruiz",), [hirer] if hirer else [])]


@pytest.mark.parametrize("sentence", [
    "Orla Networks fired up its new data center on Monday.",
    "Zentrix jumped from fifth to second place in the rankings.",
])
def test_words_of_motion_and_dismissal_that_move_no_one(sentence):
    assert _facts(sentence, anchor="2025-06-03") == []


@pytest.mark.parametrize("sentence", [
    "Orla Networks said chief executive Ana Ruiz would leave the company at the end of the month.",
    "Ana Ruiz, the chief executive of Orla Networks, is expected to step down in June.",
])
def test_a_move_told_as_ahead_in_reported_speech_is_announced_and_dated_by_its_telling(sentence):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.subject, f.status.value, f.time.start.isoformat()) for f in facts] == [
        ("Orla Networks", "announced", "2025-06-03")]


def test_a_plural_possessive_of_a_company_ends_its_name():
    facts = _facts("Halvora Capital has invested $40 million in Quorvia Robotics' Series B.", anchor="2025-06-03")
    assert [(f.type.value, f.subject) for f in facts] == [("funding_round", "Quorvia Robotics")]
    assert read("The Brellix Teachers' Pension Plan led the round.").table.names == ["Brellix Teachers' Pension Plan"]


@pytest.mark.parametrize(("sentence", "hirer"), [
    ("Sam Lee leaves Brellix Labs to join Halvora Motors.", "Halvora Motors"),
    ("Sam Lee leaves Brellix Labs after eight years.", None),
    ("Brellix Labs CFO Sam Lee leaves the company after a decade.", None),
])
def test_one_who_leaves_in_the_present_of_a_headline_or_list(sentence, hirer):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.subject, f.people, [c.name for c in f.counterparties]) for f in facts] == [
        ("Brellix Labs", ("Sam Lee",), [hirer] if hirer else [])]


@pytest.mark.parametrize("sentence", [
    "Zentrix left the Halvora alliance for Orla.",
    "The deal leaves Brellix Labs with $40 million in cash.",
])
def test_a_company_that_leaves_is_no_person(sentence):
    assert [f for f in _facts(sentence, anchor="2025-06-03") if f.type is FactType.TALENT_MOVE] == []


def test_a_price_a_share_is_not_the_size_of_the_deal():
    facts = _facts("Halvora will pay $15 a share for Quill Systems, valuing the company at $2 billion.",
                   anchor="2025-06-03")
    assert [(f.subject, f.amount.amount if f.amount else None) for f in facts] == [("Quill Systems", 2_000_000_000)]
    facts = _facts("Halvora will pay $15 a share in cash for Quill Systems.", anchor="2025-06-03")
    assert [(f.subject, f.amount) for f in facts] == [("Quill Systems", None)]


@pytest.mark.parametrize(("sentence", "subject", "status"), [
    ("Halvora offloaded its lidar business to Quill Systems.", "Halvora lidar business", "completed"),
    ("Halvora has disposed of its chip unit to Quill Systems for $300 million.", "Halvora chip unit", "completed"),
    ("Halvora agreed to unload Brellix Labs to Quill Systems for $50 million.", "Brellix Labs", "announced"),
])
def test_a_sale_by_any_verb_of_selling(sentence, subject, status):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.type.value, f.subject, f.status.value, [c.name for c in f.counterparties]) for f in facts] == [
        ("acquisition", subject, status, ["Quill Systems"])]


@pytest.mark.parametrize("sentence", [
    "Halvora sold Brellix Labs last December to West Germany's Quorvia Bank AG for $600 million.",
    "Halvora sold Brellix Labs to South Korea's Quorvia Bank AG for $600 million.",
])
def test_a_country_named_with_a_compass_word_before_a_name_is_a_place(sentence):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [[c.name for c in f.counterparties] for f in facts] == [["Quorvia Bank"]]


@pytest.mark.parametrize("sentence", [
    "The money will pay for new sites and for buying rival shops, Quorvia Stores said.",
    "Halvora Securities will act as placement agent for the purchase of the bonds, Quorvia said.",
])
def test_the_company_that_speaks_after_a_comma_is_no_party(sentence):
    assert _facts(sentence, anchor="2025-06-03") == []


@pytest.mark.parametrize("sentence", [
    "Banks took up the Halvora Bank's offer for sale of Quorvia bills on Friday.",
    "Halvora bought $50 million of Quill Systems notes.",
])
def test_a_companys_paper_bought_or_sold_is_not_the_company(sentence):
    assert _facts(sentence, anchor="2025-06-03") == []


def test_a_later_clause_that_tells_the_deal_closed_completes_it():
    facts = _facts("Halvora agreed in December to buy Quill Systems; the deal closed on Feb. 3.", anchor="2025-06-03")
    assert [(f.subject, f.status.value) for f in facts] == [("Quill Systems", "completed")]
    facts = _facts("Halvora agreed in December to buy Quill Systems; the deal is expected to close in June.",
                   anchor="2025-06-03")
    assert [(f.subject, f.status.value) for f in facts] == [("Quill Systems", "announced")]


def test_the_date_a_closed_deal_was_announced_is_not_its_date():
    facts = _facts("Halvora has closed the $200 million acquisition of Quill Systems announced in November.",
                   anchor="2025-06-03")
    assert [(f.status.value, f.time.start.isoformat()) for f in facts] == [("completed", "2025-06-03")]
    facts = _facts("Halvora is still awaiting approval for the acquisition of Quill Systems announced in November.",
                   anchor="2025-06-03")
    assert [(f.status.value, f.time.start.month) for f in facts] == [("pending", 11)]


def test_a_deadline_is_no_date_of_the_deal():
    facts = _facts("Halvora expects to complete the purchase of Quill Systems by the end of June.", anchor="2025-06-03")
    assert [f.time.start.isoformat() for f in facts] == ["2025-06-03"]


@pytest.mark.parametrize(("sentence", "amount"), [
    ("The IPO of Quorvia Power raised $420 million for the company.", "$420M"),
    ("Quorvia Power floated in London in a 500 million pound listing.", "£500M"),
])
def test_a_listing_told_as_the_offering_of_a_company_or_a_flotation(sentence, amount):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.type.value, f.subject, str(f.amount)) for f in facts] == [("ipo", "Quorvia Power", amount)]


@pytest.mark.parametrize("sentence", [
    "The planned IPO of Quorvia Power could raise $420 million.",
    "Halvora floated the idea of a merger in London.",
])
def test_a_planned_offering_or_an_idea_floated_is_no_listing(sentence):
    assert _facts(sentence, anchor="2025-06-03") == []


def test_a_name_right_before_a_deal_noun_is_the_company_bought():
    facts = _facts("With the Brellix Labs acquisition, Halvora is on its way to being a top maker of sensors.",
                   anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties]) for f in facts] == [("Brellix Labs", ["Halvora"])]
    facts = _facts("Quorvia Capital agreed to lend $5 billion to help Halvora purchase Brellix Labs.", anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties]) for f in facts] == [("Brellix Labs", ["Halvora"])]


def test_buy_as_a_noun_of_the_markets_is_no_purchase():
    text = "Halvora (HLV) and Quorvia (QRV) flirted with buy points Friday, while Brellix Labs (BRX) lagged."
    assert _facts(text, anchor="2025-06-03") == []


def test_one_that_co_led_a_round_with_another_shares_the_lead():
    facts = _facts("Halvora Capital co-led the $40 million round in Quorvia Robotics with Brellix Ventures.",
                   anchor="2025-06-03")
    assert [(f.subject, sorted((c.name, c.role.value) for c in f.counterparties)) for f in facts] == [
        ("Quorvia Robotics", [("Brellix Ventures", "lead_investor"), ("Halvora Capital", "lead_investor")])]
    facts = _facts("Quorvia Robotics raised $40 million in a round co-led by Halvora Capital, with participation "
                   "from Brellix Ventures.", anchor="2025-06-03")
    assert sorted((c.name, c.role.value) for f in facts for c in f.counterparties) == [
        ("Brellix Ventures", "investor"), ("Halvora Capital", "lead_investor")]


@pytest.mark.parametrize(("sentence", "name"), [
    ("Vantor 9 Mining agreed to buy Quill Systems for $200 million.", "Vantor 9 Mining"),
    ("Orvane 42 Media Inc agreed to buy Quill Systems for $200 million.", "Orvane 42 Media"),
])
def test_a_number_inside_a_name_before_a_company_word(sentence, name):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [[c.name for c in f.counterparties] for f in facts] == [[name]]
    assert "May 5" not in " ".join(read("On May 5 Halvora bought Quill Systems.").table.names)


def test_a_buyer_behind_a_vehicle_formed_for_the_purchase_buys():
    facts = _facts("Halvora agreed to sell Quill Systems for $280 million to a newly formed company owned by the "
                   "Brellix Management Group.", anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties]) for f in facts] == [
        ("Quill Systems", ["Brellix Management Group"])]


def test_a_backer_joined_to_the_company_by_a_hyphen_is_a_name_of_its_own():
    facts = _facts("Halvora Capital-backed Zentrix AI raised $30 million.", anchor="2025-06-03")
    assert [(f.type.value, f.subject) for f in facts] == [("funding_round", "Zentrix AI")]
    assert read("Brellix Labs bought Halvora-owned Quill Systems.").table.names == ["Brellix Labs", "Halvora", "Quill Systems"]


def test_an_offering_filed_for_is_no_round():
    assert _facts("Zentrix AI filed to raise $30 million, according to an SEC filing.", anchor="2025-06-03") == []


def test_a_round_a_company_is_pleased_to_announce_in_the_first_person():
    text = ("Blog | Zentrix AI\n\nToday we're excited to announce our $50 million Series B, led by Halvora Capital. "
            "Existing investors Brellix Ventures and Orla Partners also participated.")
    facts = _facts(text, anchor="2025-06-03")
    assert [(f.subject, str(f.amount), sorted(c.name for c in f.counterparties)) for f in facts] == [
        ("Zentrix AI", "$50M", ["Brellix Ventures", "Halvora Capital", "Orla Partners"])]


def test_we_in_a_contraction_is_the_company_speaking():
    text = ("Zentrix AI newsroom\n\nWe're thrilled to announce that we've acquired Brellix Labs, a startup that "
            "builds inference compilers.")
    facts = _facts(text, anchor="2025-06-03")
    assert [(f.subject, [c.name for c in f.counterparties], f.status.value) for f in facts] == [
        ("Brellix Labs", ["Zentrix AI"], "completed")]


def test_a_dollar_equivalent_set_off_by_or_is_the_amount_in_dollars():
    facts = _facts("Quorvia Robotics raised 40 million euros, or about $43 million, in a Series B round.",
                   anchor="2025-06-03")
    assert [(str(f.amount), f.attributes.get("amount_usd"), f.attributes.get("amount_usd_qualifier"))
            for f in facts] == [("€40M", "43000000", "about")]


def test_a_stake_bought_from_its_holder_is_no_supply_contract():
    text = "Halvora took full control of Quill Systems by buying the remaining 49% stake from Brellix Labs."
    assert [(f.type.value, f.subject) for f in _facts(text, anchor="2025-06-03")] == [("acquisition", "Quill Systems")]


def test_a_model_named_before_its_kind_of_product_is_no_party():
    text = "Halvora Aero has been awarded a $102 million contract for KX-300 aircraft for the Quorvia Air Force."
    facts = _facts(text, anchor="2025-06-03")
    assert "KX-300" not in {c.name for f in facts for c in f.counterparties}
    assert "Vantor 9 Mining" in read("Vantor 9 Mining agreed to buy Quill Systems.").table.names


def test_a_price_per_unit_is_not_a_contracts_size():
    text = "Halvora Grain won a contract to supply 33,000 tonnes, at 41.25 dlrs per tonne, for delivery in November."
    assert [f.amount for f in _facts(text, anchor="2025-06-03")] == [None]


def test_warnings_delivered_are_no_goods_supplied():
    text = "The Quorvia Trade Council delivered warnings to both Halvora and Brellix Labs over the delays."
    assert _facts(text, anchor="2025-06-03") == []


@pytest.mark.parametrize("sentence", [
    "Halvora will also provide Quill Systems with $50 million of financing.",
    "The court refused to require Halvora to provide Quill Systems with confidential information.",
    "Rising demand will provide impetus for Quill Systems to expand.",
    "Halvora signed a joint venture agreement with Quill Systems to make solar panels.",
])
def test_money_information_or_a_venture_agreed_is_no_supply_contract(sentence):
    assert [f for f in _facts(sentence, anchor="2025-06-03") if f.type is FactType.COMMERCIAL_CONTRACT] == []


def test_a_director_leaving_a_board_is_no_move_and_previous_is_no_name():
    assert _facts("Halden Power said Mara Quist has resigned from its board for health reasons.",
                  anchor="2025-06-03") == []
    facts = _facts("Previous Halden Power chief Mara Quist retired at the end of February.", anchor="2025-06-03")
    assert [(f.subject, f.people) for f in facts] == [("Halden Power", ("Mara Quist",))]


@pytest.mark.parametrize("sentence", [
    "Halvora Power is raising 90 mln dlrs through an offering of 20-year debentures.",
    "Halvora Power said it sold $50 million of convertible subordinated debentures in a registered public offering.",
    "The minister proposed raising taxes by 3 billion dlrs next year.",
    "Halvora Power said the merger would raise its assets to 4 billion dlrs.",
])
def test_money_raised_as_debt_or_something_else_raised_is_no_round_or_listing(sentence):
    assert _facts(sentence, anchor="2025-06-03") == []


@pytest.mark.parametrize("sentence", [
    "Quorvia Robotics has raised new funding of $40 million.",
    "Quorvia Robotics raised about $40 million in a Series B.",
])
def test_money_raised_with_quantifiers_or_words_for_money_between(sentence):
    assert [f.type.value for f in _facts(sentence, anchor="2025-06-03")] == ["funding_round"]


def test_a_regulator_told_of_a_purchase_is_no_buyer():
    text = "Dana Frost told the Securities and Exchange Commission she bought 7.4 pct of Quill Systems."
    assert not any(c.name.endswith("Commission") for f in _facts(text, anchor="2025-06-03") for c in f.counterparties)
    assert "Securities and Exchange Commission" in read(text).table.names


def test_a_bidder_named_after_by_is_not_the_company_bought():
    text = "Halvora Resorts, rejecting a $31 a share takeover bid by Boston investor Quill Partners, said it is weighing a sale."
    assert not any(f.subject == "Quill Partners" for f in _facts(text, anchor="2025-06-03"))


@pytest.mark.parametrize("sentence", [
    "Bicoastal Financial Corp, a Tampa, Fla., investment firm, said it bought 5% of Quill Systems.",
    "A shareholder group led by New York investor Dana Frost said it bought 8% of Quill Systems.",
])
def test_a_state_or_city_written_short_is_a_place(sentence):
    names = {c.name for f in _facts(sentence, anchor="2025-06-03") for c in f.counterparties}
    assert not names & {"Fla", "New York"}


@pytest.mark.parametrize(("sentence", "amount"), [
    ("Quill Systems agreed to issue $500 million of new shares to Halvora Motors.", "$500M"),
    ("Quill Systems will receive a $500 million investment from Halvora Motors.", "$500M"),
])
def test_an_investment_still_ahead_told_from_the_company_that_gets_it(sentence, amount):
    facts = _facts(sentence, anchor="2025-06-03")
    assert [(f.type.value, f.subject, str(f.amount), f.status.value, [c.name for c in f.counterparties])
            for f in facts] == [("strategic_investment", "Quill Systems", amount, "announced", ["Halvora Motors"])]


@pytest.mark.parametrize("text, target, buyer", [
    # a headline with the deal's noun and what it is of, no verb
    ("Velmont acquisition of Orla Media will not be blocked, its chief predicts", "Orla Media", "Velmont"),
    ("Zentrix Acquisition Of Halvora Cleared By Regulators", "Halvora", "Zentrix"),
    # "Media" ends a company's name as other company words do
    ("The Velmont - Orla Media merger was announced in October.", "Orla Media", "Velmont"),
])
def test_a_deal_told_by_its_noun_in_a_headline_and_a_name_ending_in_media(text, target, buyer):
    deals = [f for f in _facts(text, "2026-03-05") if f.type is FactType.ACQUISITION]
    assert [(f.subject, [p.name for p in f.counterparties]) for f in deals] == [(target, [buyer])]


def test_a_section_heading_with_a_deal_noun_and_no_buyer_states_no_deal():
    assert _facts("Acquisition of Quill Labs\n\nQuill Labs makes valves in Ohio.", "2026-03-05") == []


def test_a_sale_told_buyer_first_reads_the_buyer_once_and_never_as_what_is_sold():
    text = "Velmont Corp said it agreed to sell to Orla Partners two subsidiaries, Quill Inc and Brellix Ltd."
    deals = [(f.subject, [p.name for p in f.counterparties]) for f in _facts(text, "2026-03-05")]
    assert ("Quill", ["Orla Partners"]) in deals
    assert all(subject != "Orla Partners" for subject, _ in deals)


@pytest.mark.parametrize("text, target, buyer", [
    ("Orla, through its Velmont Systems unit, offered to acquire the 40 pct of Quill Health stock it does not own.",
     "Quill Health", "Velmont Systems"),
    ("Zentrix Oil Plc's offer of 70 dlrs a share for the 45 pct of Halvora Refining's stock not held by Zentrix "
     "was referred to a committee.", "Halvora Refining", "Zentrix Oil"),
])
def test_buying_the_rest_of_a_company_is_an_acquisition_whatever_share_it_names(text, target, buyer):
    deals = [f for f in _facts(text, "2026-03-05") if f.subject == target]
    assert [(f.type, [p.name for p in f.counterparties]) for f in deals] == [(FactType.ACQUISITION, [buyer])]


@pytest.mark.parametrize("text, target, buyer", [
    ("The Zimbabwe government has bought 85 pct of the equity in Quorvia Corporation for 25.5 mln dlrs.",
     "Quorvia", "Zimbabwe government"),
    # "state" before a noun describes the company, it is no buyer or target of its own
    ("Velmont was to acquire Italian state food firm Quill Meridionale last year.", "Quill Meridionale", "Velmont"),
    ("Orla Energy said it acquired Zentrix Energy Corp's wholly owned Canadian subsidiary, Zentrix Petroleum Ltd.",
     "Zentrix Petroleum", "Orla Energy"),
    ("Brellix Network agrees to higher offer from Halvora Capital Partners", "Brellix Network", "Halvora Capital Partners"),
])
def test_governments_described_units_and_headline_offers(text, target, buyer):
    deals = [f for f in _facts(text, "2026-03-05") if f.type is FactType.ACQUISITION]
    assert [(f.subject, [p.name for p in f.counterparties]) for f in deals] == [(target, [buyer])]


def test_a_person_named_by_a_title_to_be_is_a_person_and_no_buyer():
    text = ("Zentrix Chemical Industries will expand its coatings business this year, said chairman-elect Dana "
            "Halvorsen.\n\nHalvorsen said the acquisitions of Quill Paints and Orla Coatings had cost under one "
            "billion dlrs.")
    reading = read(text)
    assert "person" == reading.table.kinds[reading.table.lookup("Dana Halvorsen")]
    assert all(p.name != "Halvorsen" for f in _facts(text, "2026-03-05") for p in f.counterparties)


@pytest.mark.parametrize("text", [
    "Halvora Corp said it completed the purchase of 40 acres in Orla County from Quill Farms for $2 million.",
    "Brisa Holdings agreed to sell Kestrel Cement's terminals and a plant to Orlan Group for $50 million.",
    "The notes were sold to an affiliate of Halvora Stanley and Quill Inc.",
])
def test_places_by_their_kind_and_a_company_whose_assets_are_sold_are_not_bought(text):
    bought = [f.subject for f in _facts(text, "2026-03-05") if f.type is FactType.ACQUISITION]
    assert not {"Orla County", "Kestrel Cement", "Quill", "Quill Inc"} & set(bought), bought


@pytest.mark.parametrize("text, joined, apart", [
    ("Q and R said the acquisition of Halvora in August added to sales.", "Q and R", "R"),
    ("The South Bay S and L was bought by Quorvia.", "South Bay S and L", "L"),
    ("Zentrix bought B and D Instruments Inc for 2 mln dlrs.", "B and D Instruments Inc", "D Instruments Inc"),
    ("Quorvia said GE and HP agreed to buy Halvora.", None, "HP"),  # neither is a single letter: two names
    ("Zentrix sold its class A and B shares to Halvora.", None, None),
    ("M & A activity rose as Zentrix bought Halvora.", None, None),
])
def test_initials_joined_by_and_are_one_name(text, joined, apart):
    names = [m.text for m in read(text).sentences[0].mentions]
    assert (joined in names if joined else not any(" and " in n or " & " in n for n in names)), names
    assert (apart not in names) if joined else (apart is None or apart in names), names


@pytest.mark.parametrize("text", [
    "Quorvia Grain said it bought the Agriculture Department for 40 mln dlrs.",
    "Halvora Britannia said it would acquire the Treasury.",
    "Zentrix International agreed to buy the National Securities Commission, a regulator, said.",
])
def test_a_government_body_is_never_bought(text):
    assert not [f for f in _facts(text, "2026-03-05") if f.type is FactType.ACQUISITION
                and f.subject.split()[-1] in ("Department", "Treasury", "Commission", "Ministry")]


def test_a_pair_that_has_merged_is_done():
    deals = [f for f in _facts("Quill Partners and Orla Consulting said they have merged.", "2026-03-05")
             if f.type is FactType.ACQUISITION]
    assert [(f.subject, str(f.status)) for f in deals] == [("Orla Consulting", "completed")]


@pytest.mark.parametrize("text, name", [
    ("Quill Partners, an accounting firm, and Orla, Norton and Co, a planning concern, said they have merged.",
     "Orla, Norton and Co"),
    ("Zentrix Bank bought Laurel Milbank and Co, the investment bank, last year.", "Laurel Milbank and Co"),
    ("Halvora raised its stake in Zentrix to 9 pct, said Brellix Fargo & Co.", "Brellix Fargo & Co"),
])
def test_a_name_closed_by_and_co_keeps_its_co(text, name):
    assert name in [m.text.rstrip(".") for m in read(text).sentences[0].mentions]
    assert all(not p.name.endswith((" and", "&")) for f in _facts(text, "2026-03-05") for p in f.counterparties)
    assert all(not f.subject.endswith((" and", "&")) for f in _facts(text, "2026-03-05"))


@pytest.mark.parametrize("text", [
    "Will Zentrix buy Halvora Labs?",
    "Did Zentrix Just Make Halvora a Better Buy?",
    "Why Zentrix should buy Halvora Labs",
    'Analysts asked: "Should Quorvia sell its Orla unit to Brellix?"',
])
def test_a_question_or_advice_states_no_deal(text):
    assert [f for f in _facts(text, "2026-03-05") if f.type is FactType.ACQUISITION] == []


def test_a_trigger_of_two_words_is_found_across_a_line_break():
    text = ("Orla, through its Velmont Systems unit, offered to acquire the 36 pct of Quill Health stock that it does not\n"
            "already own, the company said.")
    deals = [f for f in _facts(text, "2026-03-05") if f.subject == "Quill Health"]
    assert [(f.type, [p.name for p in f.counterparties]) for f in deals] == [(FactType.ACQUISITION, ["Velmont Systems"])]


def test_a_city_is_no_party_and_a_vehicle_s_owner_may_be_described():
    text = ("Brellix Corp said it has completed the sale of its Quill Pump Co subsidiary to a company formed by "
            "Los Angeles investment firm Orla Rose Partners for about 27 mln dlrs.")
    deals = [(f.subject, [p.name for p in f.counterparties]) for f in _facts(text, "2026-03-05")]
    assert deals == [("Quill Pump", ["Orla Rose Partners"])]


@pytest.mark.parametrize("text, names", [
    ("The acquisition by Halvora International Plc of Quill Publishing Company Inc closed in May.",
     ["Halvora International Plc", "Quill Publishing Company Inc"]),
    ("Zentrix said it will sell its Quill Life Insurance Co of Australia Ltd affiliate to Orla Ltd.",
     ["Zentrix", "Quill Life Insurance Co of Australia Ltd", "Orla Ltd."]),
])
def test_of_parts_two_companies_each_closed_by_its_suffix(text, names):
    assert [m.text for m in read(text).sentences[0].mentions] == names


@pytest.mark.parametrize("text, names", [
    ("Zentrix said it agreed to sell its Peller/Quist Inc subsidiary to Orla Ltd.", ["Zentrix", "Peller/Quist Inc", "Orla Ltd."]),
    ("Shares of Halvora/Brellix rose.", ["Halvora", "Brellix"]),
])
def test_a_word_slashed_to_a_suffixed_name_is_one_company(text, names):
    assert [m.text for m in read(text).sentences[0].mentions] == names


@pytest.mark.parametrize("text, customer", [
    ("Orla Grid was awarded a $450 million contract by the state of Nevada to rebuild its grid.", "State of Nevada"),
    ("Orla Grid was awarded a $90 million contract by the government of Japan.", "Government of Japan"),
])
def test_a_public_body_named_by_its_place_is_a_customer(text, customer):
    deals = [(f.subject, [p.name for p in f.counterparties]) for f in _facts(text, "2026-03-05")]
    assert deals == [("Orla Grid", [customer])]


def test_a_public_body_is_never_bought():
    assert _facts("Halvora bought the assets of the state of Nevada's power utility.", "2026-03-05") == []


def test_a_stake_raised_from_one_share_to_a_controlling_one_is_an_acquisition():
    deals = [(f.type, f.subject) for f in _facts("Orla raised its stake in Quill Mining to 85% from 40%.", "2026-03-05")]
    assert deals == [(FactType.ACQUISITION, "Quill Mining")]


@pytest.mark.parametrize("text", [
    "Brellix Technologies (BRLX.O) agreed to acquire Quill Software.",
    "Brellix Technologies (BRLX) agreed to acquire Quill Software.",
])
def test_a_bare_ticker_in_brackets_is_the_name_s_cue_not_a_party(text):
    deals = [(f.subject, [p.name for p in f.counterparties]) for f in _facts(text, "2026-03-05")]
    assert deals == [("Quill Software", ["Brellix Technologies"])]
    assert [m.ticker for m in read(text).sentences[0].mentions] == ["BRLX", ""]


def test_a_title_in_brackets_is_no_ticker():
    assert [m.ticker for m in read("Dana Wu (CEO) left Quill Software.").sentences[0].mentions] == ["", ""]


@pytest.mark.parametrize("text, names", [
    ("Comdata signed a letter of intent with Halden, Brisk, Orla and Quist (HBOQ).", ["Comdata", "Halden, Brisk, Orla and Quist"]),
    ("Zentrix bought Halvora, Brellix and Orla (ZBO).", ["Zentrix", "Halvora", "Brellix", "Orla"]),
])
def test_partners_names_before_their_initials_are_one_firm(text, names):
    assert [m.text for m in read(text).sentences[0].mentions] == names


def test_names_parted_by_a_comma_alone_are_no_list_of_buyers():
    deals = [(f.subject, [p.name for p in f.counterparties])
             for f in _facts("After its cancelled merger with Brellix, Zentrix bought Orla Media.", "2026-03-05")]
    assert deals == [("Orla Media", ["Zentrix"])]


@pytest.mark.parametrize("text, status", [
    ("Regulators blocked Zentrix's proposed takeover of Orla Media.", "terminated"),
    ("The FTC sued to block Zentrix's takeover of Orla Media.", "announced"),
])
def test_a_deal_regulators_blocked_is_terminated(text, status):
    assert [(f.subject, str(f.status)) for f in _facts(text, "2026-03-05")] == [("Orla Media", status)]


def test_a_pair_named_before_a_verb_only_two_can_take_opens_a_headline():
    deals = [(f.subject, [p.name for p in f.counterparties]) for f in _facts("ZENTRIX, HALVORA AGREE TO MERGE", "2026-03-05")]
    assert deals == [("Halvora", ["Zentrix"])]
    assert [m.text for m in read("Separately, Halvora said it would merge with Zentrix.").sentences[0].mentions] == \
        ["Halvora", "Zentrix"]


@pytest.mark.parametrize("text, start", [
    ("Zentrix bought Halvora in May.", "2025-05-01"),  # done, so not in the May after the text
    ("Zentrix will buy Halvora in May.", "2026-05-01"),
    ("Zentrix completed its purchase of Halvora last spring.", "2025-03-01"),
])
def test_a_deal_told_as_done_dates_before_the_text(text, start):
    assert [str(f.time.start) for f in _facts(text, "2026-03-05")] == [start]


def test_its_round_told_before_the_company_it_belongs_to():
    facts = _facts("After its $1.2 billion Series D in May, Orla Labs is now valued at $9 billion.", "2026-03-05")
    assert [(f.type, f.subject, f.amount.amount) for f in facts] == [(FactType.FUNDING_ROUND, "Orla Labs", 1_200_000_000)]


def test_the_acquisition_of_a_stake_is_that_stake_alone():
    facts = _facts("Brellix completed its acquisition of a 25% stake in Halvora Grid.", "2026-03-05")
    assert [(f.type, f.subject) for f in facts] == [(FactType.STRATEGIC_INVESTMENT, "Halvora Grid")]


@pytest.mark.parametrize("text, proceeds", [
    ("Halvora Networks has priced its upsized IPO of 20 million shares at $19 per share.", 380_000_000),
    ("Quorvia priced 15 million shares at $28 in its IPO.", 420_000_000),
])
def test_a_listing_priced_by_its_shares_raises_shares_times_price(text, proceeds):
    assert [(f.type, f.amount.amount) for f in _facts(text, "2026-03-05")] == [(FactType.IPO, proceeds)]


@pytest.mark.parametrize("text, subject", [
    ("In 2012 Zentrix spent $100 million in cash to acquire a Bay Area bakery chain called Halvora.", "Halvora"),
    ("In February, Zentrix raised its stake into Halvora to 85.7% via a deal with an investor.", "Halvora"),
])
def test_a_region_is_no_company_and_a_stake_raised_into_one(text, subject):
    assert [(f.type, f.subject) for f in _facts(text, "2026-03-05")] == [(FactType.ACQUISITION, subject)]


def test_a_kind_of_paper_named_after_its_issuer_is_no_party():
    text = "Zentrix had been considering buying a U.S. Government securities broker and had made an offer for Halvora."
    assert all(p.name != "U.S. Government" and "Government" not in p.name
               for f in _facts(text, "2026-03-05") for p in f.counterparties)


@pytest.mark.parametrize("text, kind, deals", [
    ("Zentrix bought Halvora for $2 billion and Brellix for $500 million in the same week.", FactType.ACQUISITION,
     [("Halvora", 2_000_000_000), ("Brellix", 500_000_000)]),
    ("Zentrix bought Halvora ($2 billion) and Brellix ($500 million) last year.", FactType.ACQUISITION,
     [("Halvora", 2_000_000_000), ("Brellix", 500_000_000)]),
    ("Zentrix signed cloud deals with Halvora ($3 billion) and Brellix ($1.2 billion).", FactType.COMMERCIAL_CONTRACT,
     [("Halvora", 3_000_000_000), ("Brellix", 1_200_000_000)]),
])
def test_deals_listed_each_with_its_own_price(text, kind, deals):
    facts = [f for f in _facts(text, "2026-03-05") if f.type is kind]
    other = (lambda f: f.subject) if kind is FactType.ACQUISITION else (lambda f: f.counterparties[0].name)
    assert [(other(f), f.amount.amount) for f in facts] == deals


def test_a_person_who_quit_to_found_a_startup_left_the_company():
    facts = _facts("Tom Reed quit Brellix to found his own startup.", "2026-03-05")
    assert [(f.type, f.subject, f.people) for f in facts] == [(FactType.TALENT_MOVE, "Brellix", ("Tom Reed",))]


def test_the_words_of_an_earnings_call_title_name_no_company():
    text = ("Zentrix Q4 2025 Earnings Call Transcript\n\nDana Wu, CEO: This quarter we closed our acquisition "
            "of Halvora.\n")
    assert not any("Transcript" in n or n in ("Call", "Earnings Call") for n in read(text).table.names)


@pytest.mark.parametrize("headline, kind, subject, status", [
    ("Zentrix Completes Halvora Acquisition", FactType.ACQUISITION, "Halvora", "completed"),
    ("Halvora and Zentrix Call Off $10 Billion Merger", FactType.ACQUISITION, "Zentrix", "terminated"),
    ("Halvora Shares Soar in Nasdaq Debut", FactType.IPO, "Halvora", "completed"),
])
def test_title_case_headlines_told_without_articles(headline, kind, subject, status):
    facts = extract_events(document_from_text(headline, title=headline))
    assert [(f.type, f.subject, str(f.status)) for f in facts] == [(kind, subject, status)]


def test_a_debut_year_is_no_listing():
    assert _facts("Halvora led the market in its debut year.", "2026-03-05") == []


@pytest.mark.parametrize("text, subject", [
    ("Zentrix bought the Halvora unit of Brellix.", "Halvora"),  # the unit's own name
    ("ZENTRIX ACQUIRES HALVORA SUBSIDIARY", "Halvora subsidiary"),  # a unit named by its owner
])
def test_a_unit_bought_is_named_by_itself_or_by_its_owner(text, subject):
    facts = extract_events(document_from_text(text, title=text))
    assert [f.subject for f in facts if f.type is FactType.ACQUISITION] == [subject]


@pytest.mark.parametrize("text", [
    "Halvora Capital completed its purchase of Zentrix's entire stake in Quill Labs for 40 mln dlrs.",
    "Halvora Capital bought Zentrix's stake in Quill Labs.",
])
def test_a_holders_stake_bought_is_a_stake_in_the_company_it_is_in(text):
    # the holder sells: it is neither bought nor an investor
    facts = _facts(text, "2026-03-05")
    assert [(f.type, f.subject, [p.name for p in f.counterparties]) for f in facts] == [
        (FactType.STRATEGIC_INVESTMENT, "Quill Labs", ["Halvora Capital"])]


@pytest.mark.parametrize("text", [
    "Zentrix Holdings Inc said it will offer 18.50 dlrs per share for all of Halvora Group Inc's <HLV> outstanding common stock.",
    "Zentrix Holdings Inc <ZTX> said it completed the purchase of all Halvora Group Inc's <HLV> common shares.",
])
def test_a_wire_ticker_after_a_name_stands_between_no_words(text):
    # the wire's "<HLV>" is the name's ticker: the words either side of it read as if it were not there
    facts = _facts(text, "2026-03-05")
    assert [(f.type, f.subject, [p.name for p in f.counterparties]) for f in facts] == [
        (FactType.ACQUISITION, "Halvora Group", ["Zentrix Holdings"])]


def test_a_deal_told_in_an_apposition_is_read_between_its_own_companies():
    # the apposition describes Rova-Q and tells a purchase of its own
    facts = _facts("Zentrix is also talking up Rova-Q, a medicine it picked up with its $5.8 billion purchase of "
                   "Halvora Bio last year, projecting $5 billion in peak sales.", "2026-03-05")
    assert [(f.type, f.subject, [p.name for p in f.counterparties]) for f in facts] == [
        (FactType.ACQUISITION, "Halvora Bio", ["Zentrix"])]


def test_a_verb_inside_an_apposition_takes_no_party_after_it():
    # "it acquired in 1965, and ... Orla Visa": the card business is what is sold, not what was acquired
    facts = _facts("Zentrix Bank said it is negotiating the sale of Halvora Credit AG, a small bank it acquired "
                   "in 1965, and of its Orla Visa card operation.", "2026-03-05")
    assert all(f.subject != "Orla Visa" for f in facts if f.type is FactType.ACQUISITION)


@pytest.mark.parametrize("text", [
    "Orla Savings said it agreed to buy three retail branches from Zentrix Bank.",
    "Orla Foods said it agreed to buy 12 supermarkets from Zentrix Markets for $40 million.",
])
def test_branches_or_outlets_bought_from_a_company_are_part_of_its_business(text):
    facts = _facts(text, "2026-03-05")
    assert [(f.type, [p.name for p in f.counterparties]) for f in facts] == [(FactType.ACQUISITION, [text.split(" said")[0]])]
    assert facts[0].subject.startswith("Zentrix")


@pytest.mark.parametrize("text, subject, buyer", [
    # a name in brackets, as some wire copy writes a company with no ticker
    ("(Brellix Inc) said it sold its shoe divisions to Montreal-based (Orla Footwear Inc) for undisclosed terms.",
     "Brellix shoe divisions", "Orla Footwear"),
    # a business told by where it is based
    ("Zentrix Gases finalized the sale of its Virginia-based gas equipment business to Halvora Industries.",
     "Zentrix Gases Virginia-based gas equipment business", "Halvora Industries"),
])
def test_a_business_sold_by_name_in_brackets_or_by_its_base(text, subject, buyer):
    facts = _facts(text, "2026-03-05")
    assert [(f.type, f.subject, [p.name for p in f.counterparties]) for f in facts] == [
        (FactType.ACQUISITION, subject, [buyer])]


@pytest.mark.parametrize("text, expected", [
    # an interest told by its size or kind is a stake; past half, or controlling, the company
    ("Zentrix Corp said it bought a 20 pct interest in Halvora Refining Co.",
     (FactType.STRATEGIC_INVESTMENT, "Halvora Refining", ["Zentrix"])),
    ("Zentrix Corp bought a controlling interest in Halvora Refining Co.",
     (FactType.ACQUISITION, "Halvora Refining", ["Zentrix"])),
    # half is no control
    ("Zentrix Corp said it will buy a half interest in Halvora Refining Co.",
     (FactType.STRATEGIC_INVESTMENT, "Halvora Refining", ["Zentrix"])),
    # the one after "takeover attempt by" makes the attempt
    ("Zentrix Tire said its results include the costs of its defense against a takeover attempt by Halvora Holdings.", None),
    # a plural English word opening a sentence names no company
    ("Proceeds will be used to reduce debt incurred in connection with the acquisition of Halvora Inc for 262 mln "
     "dlrs in cash, Zentrix Mattress said.", None),
])
def test_interests_attempts_and_plural_words(text, expected):
    found = [(f.type, f.subject, [p.name for p in f.counterparties]) for f in _facts(text, "2026-03-05")]
    if expected is None:
        assert all(f[0] is not FactType.ACQUISITION or ("Halvora Holdings" != f[1] and "Proceeds" not in f[2])
                   for f in found)
    else:
        assert found == [expected]


@pytest.mark.parametrize("text, subject", [
    ("Regulators approved the Orla Media acquisition.", "Orla Media"),
    ("Management attributed the slower growth to the Halvora.com acquisition that added scale.", "Halvora.com"),
    ("Sales jumped 11.5 percent, spurred by last year's $30 billion acquisition of Swiss biotech giant Halvora.", "Halvora"),
])
def test_a_purchase_told_as_a_noun_with_no_buyer_named_has_none(text, subject):
    # no company before the deal noun: the company bought, and no one who approves or tells of it as its buyer
    facts = _facts(text, "2026-03-05")
    assert [(f.type, f.subject, list(f.counterparties)) for f in facts] == [(FactType.ACQUISITION, subject, [])]


@pytest.mark.parametrize("text", [
    "The new phone will unlock the device and authenticate purchases -- an industry first, '' Dana Wu of Halvora "
    "Research said.",
    "Zentrix and Orla Work Signals Public Cloud Telecom Takeover, Says Halvora Research",
])
def test_a_company_that_speaks_after_the_deal_words_is_not_bought(text):
    assert not [f for f in _facts(text, "2026-03-05") if f.type is FactType.ACQUISITION]


def test_the_labels_of_a_table_of_results_name_no_company():
    text = ("Shr 30 cts vs 5.92 dlrs Net 1,142,000 vs 16.0 mln Revs 10.6 mln vs 24.2 mln Avg shrs 39.4 mln "
            "NOTE: 1986 amounts include the acquisition of 98.8 pct of Halvora Federal Savings.")
    facts = _facts(text, "2026-03-05")
    assert all(p.name not in ("Shr", "Net", "Revs", "Avg") for f in facts for p in f.counterparties)
    assert all(f.subject not in ("Shr", "Net", "Revs", "Avg") for f in facts)


def test_a_plain_noun_before_a_form_of_be_names_no_company():
    # "Terms were not disclosed": "were" is no deal verb, so "Terms" stays a word (and "It" no name for it)
    reading = read("Zentrix Corp said it acquired Halvora Printing. Terms were not disclosed. It said the unit "
                   "becomes its tenth service center.")
    assert "Terms" not in reading.table.names
    assert reading.sentences[1].abstract == "Terms were not disclosed."
