"""Who a figure is about, in phrasings other than the reference article's.

Companies here are fictional, written for these tests.
"""

from __future__ import annotations

from infraledger.audit.claims import find_claims


def _subjects(text: str) -> dict[str, str]:
    return {c.text: c.subject for c in find_claims(text)}


def test_each_clause_of_a_list_of_raises_has_its_own_subject():
    got = _subjects("Brennor AI raised $800 million, Ostrava Labs raised $650 million and Kelpie Networks "
                    "raised $500 million.")
    assert got == {"$800 million": "Brennor AI", "$650 million": "Ostrava Labs", "$500 million": "Kelpie Networks"}


def test_a_clause_after_a_colon_and_the_company_it_names_keep_the_sentences_subject():
    got = _subjects("Halvorsen Compute led the quarter: it raised $2.4 billion in a Series C round led by Pike "
                    "Ridge Capital, valuing the company at about $18 billion.")
    assert got == {"$2.4 billion": "Halvorsen Compute", "about $18 billion": "Halvorsen Compute"}


def test_sentence_adverbs_and_share_nouns_are_not_names():
    text = ("Shares of Maple Fabric closed at $31.50 on Friday. The company listed in March 2025 at $14 a share.\n\n"
            "Meanwhile, Quarry Systems agreed to buy Tindall Security for $1.1 billion.\n\n"
            "Separately, Ferrow Cloud said it had raised $300 million. It now has 1,200 employees.")
    got = _subjects(text)
    assert got["$31.50"] == got["$14"] == "Maple Fabric"
    assert got["$300 million"] == got["1,200 employees"] == "Ferrow Cloud"


def test_a_name_before_a_figure_in_a_list_item_is_its_subject():
    got = _subjects("- Aldine Compute: $1.2 billion Series B\n- Borealis Grid: $900 million Series C\n")
    assert got == {"$1.2 billion": "Aldine Compute", "$900 million": "Borealis Grid"}


def test_a_sentence_about_the_deal_just_named_is_a_status_claim_about_that_deal():
    claims = find_claims("Quarry Systems agreed to buy Tindall Security for $1.1 billion. The transaction is "
                         "expected to close in the fourth quarter of 2026, pending regulatory approval.")
    statuses = [(c.status.value, c.subject, c.counterparty) for c in claims if c.kind.value == "status"]
    assert statuses == [("announced", "Tindall Security", "Quarry Systems"),
                        ("pending", "Tindall Security", "Quarry Systems")]


def test_a_rank_named_by_one_noun_is_a_ranking_of_the_company_before_it():
    claims = find_claims("Gannet Data, the No. 2 vendor in GPU scheduling, was valued at $3 billion. Revenue at "
                         "Pillar Cloud grew 12% as it became the largest supplier of inference chips.")
    ranks = [(c.extra["rank"], c.extra["category"], c.subject) for c in claims if c.kind.value == "ranking"]
    assert ranks == [("No. 2", "vendor", "Gannet Data"), ("largest", "supplier", "Pillar Cloud")]


def test_a_press_release_dateline_and_legal_suffix_name_no_party():
    got = _subjects("SAN FRANCISCO, April 2, 2026 -- Norvale, Inc., a provider of AI inference infrastructure, "
                    "today announced it has closed a $350 million Series D financing led by Ember Growth. The round "
                    "values the company at $4.2 billion.")
    assert got == {"$350 million": "Norvale", "$4.2 billion": "Norvale"}
    assert {c.measure for c in find_claims("The round values Norvale at $4.2 billion.")} == {"valuation"}


def test_the_company_after_a_quotation_or_opening_a_paragraph_is_the_company_written_about():
    text = ("Norvale closed a $350 million round led by Ember Growth.\n\n"
            "“Demand for inference has tripled,” said Dana Oyelaran, chief executive of Norvale. "
            "The company now operates 12 data centers.\n\n"
            "It employs more than 400 engineers.")
    got = _subjects(text)
    assert got["12 data centers"] == "Norvale" and got["more than 400 engineers"] == "Norvale"


def test_a_count_keeps_its_qualifier():
    [count] = [c for c in find_claims("Norvale employs more than 400 engineers.") if c.kind.value == "count"]
    assert (count.text, count.qualifier.value, count.quantity) == ("more than 400 engineers", "more_than", 400)


def test_a_cue_before_a_colon_does_not_name_the_measure_after_it_and_a_titled_person_is_no_topic():
    text = ("Dana Oyelaran, Norvale co-founder and CEO, said demand keeps growing.\n\n"
            "The company's valuation has more than tripled in a year: its previous round, a $600 million Series D "
            "in December 2024, valued Norvale at $2.8 billion.")
    claims = {c.text: c for c in find_claims(text)}
    assert claims["$600 million"].measure == "funding_round" and claims["$2.8 billion"].measure == "valuation"
    assert claims["$600 million"].subject == "Norvale"


def test_bracketed_citations_and_collapsed_deals():
    claims = find_claims("Vantor Labs completed its $2.1 billion purchase of Pellucid Data on June 30, 2026 "
                         "[Source: Vantor Labs 8-K]. Quarry Systems' planned takeover of Tindall Security collapsed "
                         "in May 2026 after regulators objected.")
    assert {c.cited_source for c in claims if c.subject == "Pellucid Data"} == {"Vantor Labs 8-K"}
    [collapsed] = [c for c in claims if c.subject == "Tindall Security"]
    assert (collapsed.kind.value, collapsed.status.value) == ("status", "terminated")


def test_a_preposition_opening_a_sentence_is_not_a_name():
    got = _subjects("Between them, the three acquirers spent $5 billion. Among the buyers, Ridgeway paid $2 billion.")
    assert got == {"$5 billion": "three acquirers", "$2 billion": "Ridgeway"}


def test_now_puts_a_figure_at_the_texts_date():
    from datetime import date

    claims = find_claims("Maple Fabric listed in 2025 at $14 a share; its stock now trades at 2x its IPO price.",
                         anchor=date(2026, 6, 1))
    [multiple] = [c for c in claims if c.kind.value == "change"]
    assert multiple.time.start == date(2026, 6, 1)


def test_a_measure_named_after_one_figure_is_not_the_next_figures_and_a_first_day_close_is_a_share_price():
    claims = {c.text: c for c in find_claims(
        "Take Halvorsen Compute: it booked $1.1 billion of revenue last year against $2.4 billion of capital "
        "spending, and it raised roughly $6 billion in debt. Brennor AI is down 48% from its first-day close of "
        "$44, at $23.")}
    assert claims["$2.4 billion"].measure == "capex" and claims["$2.4 billion"].subject == "Halvorsen Compute"
    assert claims["roughly $6 billion"].measure == "funding_round"
    assert claims["$44"].kind.value == claims["$23"].kind.value == "share_price"
    assert claims["$44"].extra == {"reference": "first_day_close"}
