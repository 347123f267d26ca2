"""The text's own figures checked against each other, in phrasings other than the reference article's.

Companies here are fictional, written for these tests.
"""

from __future__ import annotations

from .test_verdicts import audit, verdict


def _claims(report, kind: str) -> list:
    return [cv for cv in report.verdicts if cv.claim.kind.value == kind]


def test_a_change_between_two_stated_prices_is_checked_against_them(store):
    text = ("Shares of Tessel Networks fell from $40 to $22 in the quarter, a 30% drop. "
            "Orbis Fabric stock climbed to $18 from $12, a 50% gain.")
    report = audit(store, text)
    prices = [cv.claim.value.amount for cv in _claims(report, "share_price")]
    assert [int(p) for p in prices] == [40, 22, 18, 12]  # a path is two figures, not a range
    wrong = verdict(report, "30%")
    assert wrong.verdict.value == "inconsistent" and "45%" in wrong.explanation
    assert wrong.claim.direction == "down"
    right = verdict(report, "50%")
    assert right.verdict.value != "inconsistent" and right.claim.direction == "up"


def test_a_range_written_with_between_is_one_figure(store):
    report = audit(store, "Hyperscalers will spend between $500 billion and $550 billion on capex in 2026.")
    [cv] = _claims(report, "amount")
    assert cv.claim.value.qualifier.value == "between" and int(cv.claim.value.high) == 550 * 10 ** 9


def test_an_average_is_checked_against_the_total_and_the_count(store):
    wrong = audit(store, "Seven GPU-cloud startups raised a total of $28 billion in 2025, an average of $5 billion each.")
    cv = verdict(wrong, "$5 billion")
    assert cv.verdict.value == "inconsistent" and "$4" in cv.explanation
    right = audit(store, "Seven GPU-cloud startups raised a total of $28 billion in 2025, an average of $4 billion each.")
    assert verdict(right, "$4 billion").verdict.value != "inconsistent"
    loose = audit(store, "The 12 startups raised about $30 billion in total, averaging $2.5 billion.")
    assert verdict(loose, "$2.5 billion").verdict.value != "inconsistent"  # $27-33 billion over 12 allows $2.5B


def test_a_total_is_checked_against_the_parts_its_sentence_lists(store):
    wrong = audit(store, "Corvane Systems raised $6 billion, Latticeworks raised $4 billion and Quillon AI raised "
                         "$3 billion, together $20 billion.")
    cv = verdict(wrong, "$20 billion")
    assert cv.verdict.value == "inconsistent" and "$13" in cv.explanation
    right = audit(store, "The three raised a combined $13.5 billion: Corvane Systems $6.2 billion, Latticeworks "
                         "$4 billion and Quillon AI $3.3 billion.")
    assert verdict(right, "$13.5 billion").verdict.value != "inconsistent"
    some = audit(store, "Corvane Systems has raised a total of $9 billion, including $4 billion from Halden Capital "
                        "and $2 billion from Marrow Partners.")
    assert verdict(some, "$9 billion").verdict.value != "inconsistent"  # only some of the parts
    too_many = audit(store, "Corvane Systems has raised a total of $5 billion, including $4 billion from Halden "
                            "Capital and $2 billion from Marrow Partners.")
    assert verdict(too_many, "$5 billion").verdict.value == "inconsistent"


def test_a_share_beside_its_part_is_checked_against_the_whole_stated_before(store):
    lead = "Hyperscalers will spend an estimated $600-650 billion on capex in 2026. Of that, Northpeak alone accounts for "
    wrong = verdict(audit(store, lead + "$200 billion, or about 45% of the total."), "about 45%")
    assert wrong.verdict.value == "inconsistent" and "30.8% and 33.3%" in wrong.explanation
    right = verdict(audit(store, lead + "$200 billion, or roughly 32% of the total."), "roughly 32%")
    assert right.verdict.value != "inconsistent"


def test_a_total_line_is_checked_against_the_list_or_table_above_it(store):
    table = ("| Company | Round | Amount |\n|---|---|---|\n| Aldine Compute | Series B | $1.2 billion |\n"
             "| Borealis Grid | Series C | $900 million |\n| Cinder AI | Series A | $450 million |\n"
             "| Total | | $2.9 billion |\n")
    cv = verdict(audit(store, table), "$2.9 billion")
    assert cv.verdict.value == "inconsistent" and "$2.55" in cv.explanation
    bullets = ("- Aldine Compute: $1.2 billion Series B\n- Borealis Grid: $900 million Series C\n"
               "- Cinder AI: $450 million Series A\nCombined: $2.55 billion\n")
    assert verdict(audit(store, bullets), "$2.55 billion").verdict.value != "inconsistent"


def test_a_multiple_of_the_ipo_price_is_a_change_checked_against_the_prices_the_paragraph_gives(store):
    text = ("Shares of Tessel Networks fell to $22 this week. The company had listed in 2025 at $18 a share; "
            "its stock now trades at nearly 3x its IPO price.\n\n"
            "Maple Fabric closed at $31.50 on Friday. The company listed in March 2025 at $14 a share, and its "
            "stock now trades at more than 2x its IPO price.")
    report = audit(store, text)
    wrong = verdict(report, "nearly 3x its IPO price")
    assert wrong.claim.kind.value == "change" and wrong.claim.reference == "offer_price"
    assert wrong.claim.quantity == 200 and wrong.claim.qualifier.value == "about"
    assert wrong.verdict.value == "inconsistent" and "22.2%" in wrong.explanation
    assert verdict(report, "more than 2x its IPO price").verdict.value != "inconsistent"  # $14 to $31.50 is 2.25x


def test_a_valuation_that_moved_is_two_figures_of_one_measure_checked_against_the_stated_change(store):
    text = ("Strand Systems had a strong year. Its valuation jumped from $5 billion to $12 billion in 2026, a 40% "
            "increase.")
    report = audit(store, text)
    end = verdict(report, "$12 billion")
    assert end.claim.measure == "valuation" and end.claim.subject == "Strand Systems"
    assert end.verdict.value != "inconsistent"  # two moments of one valuation, not one figure stated twice
    change = verdict(report, "40%")
    assert change.verdict.value == "inconsistent" and "140%" in change.explanation


def test_a_groups_figure_followed_by_one_figure_per_member_is_a_total(store):
    text = ("Three acquirers spent $4.2 billion on security startups this year: Ridgeway paid $2 billion for "
            "Lumen Guard, Corra paid $1.5 billion for Fennel Security and Harrow spent $0.9 billion on Vantage Shield.")
    report = audit(store, text)
    total = verdict(report, "$4.2 billion")
    assert total.claim.subject == "Three acquirers"
    assert total.verdict.value == "inconsistent" and "$4.4" in total.explanation
    assert [verdict(report, t).claim.subject for t in ("$2 billion", "$1.5 billion", "$0.9 billion")] == \
        ["Ridgeway", "Corra", "Harrow"]


def test_a_range_of_percentages_is_one_claim_checked_as_a_range(store):
    report = audit(store, "Shares of Tessel Networks fell from $40 to $22, a 30-35% drop. Pillar Cloud stock "
                          "slid from $50 to $29, a drop of between 40% and 45%.")
    wrong = verdict(report, "30-35%")
    assert (wrong.claim.quantity, wrong.claim.high, wrong.claim.qualifier.value) == (30, 35, "between")
    assert wrong.verdict.value == "inconsistent"
    right = verdict(report, "between 40% and 45%")
    assert right.claim.direction == "down" and right.verdict.value != "inconsistent"  # $50 to $29 is 42%
    assert wrong.claim.to_json()["high"] == "35"


def test_a_figure_up_from_an_earlier_one_is_a_movement_and_an_increase_of_names_its_direction(store):
    lead = "Norvale closed a $350 million round. The round values the company at $4.2 billion, up from $1.5 billion "
    report = audit(store, lead + "a year earlier, an increase of roughly 120%.")
    start = verdict(report, "$1.5 billion")
    assert start.claim.measure == "valuation" and start.claim.subject == "Norvale"
    change = verdict(report, "roughly 120%")
    assert change.claim.direction == "up" and change.verdict.value == "inconsistent" and "180%" in change.explanation
    right = audit(store, lead + "a year earlier, an increase of roughly 180%.")
    assert verdict(right, "roughly 180%").verdict.value != "inconsistent"


def test_a_share_beside_a_count_of_a_counted_whole_is_checked_against_it(store):
    report = audit(store, "Twelve of the 50 companies, or 30%, sell security tools. Security vendors make up 24% "
                          "(12 of 50) of the list. Three out of seven deals, or about 43%, closed.")
    wrong = verdict(report, "30%")
    assert wrong.verdict.value == "inconsistent" and "24%" in wrong.explanation
    share = verdict(report, "24%")
    assert share.claim.kind.value == "percentage" and share.verdict.value != "inconsistent"  # 'make up' is no rise
    assert verdict(report, "about 43%").verdict.value != "inconsistent"


def test_a_change_from_the_first_day_close_is_checked_against_the_close_the_paragraph_states(store):
    lead = ("Kestrel Compute's shares have had a wild ride. Priced at $24 in its February 2026 IPO, the stock "
            "closed its first day at $36. It now trades around $27, ")
    report = audit(store, lead + "roughly 40% below the first-day close.")
    wrong = verdict(report, "roughly 40%")
    assert wrong.claim.subject == "Kestrel Compute" and wrong.claim.direction == "down"
    assert wrong.verdict.value == "inconsistent" and "$36" in wrong.explanation
    right = audit(store, lead + "roughly 25% below the first-day close.")
    assert verdict(right, "roughly 25%").verdict.value != "inconsistent"


def test_proceeds_are_checked_against_the_offer_price_stated_before_for_the_same_company(store):
    lead = "Priced at $24 in its February 2026 IPO, Kestrel Compute stock opened at $31. Kestrel raised $1.2 billion "
    wrong = verdict(audit(store, lead + "in the offering by selling 60 million shares."), "$1.2 billion")
    assert wrong.verdict.value == "inconsistent" and "at $24" in wrong.explanation  # the opening price is no offer price
    right = verdict(audit(store, lead + "in the offering by selling 50 million shares."), "$1.2 billion")
    assert right.verdict.value != "inconsistent"


def test_a_share_of_a_named_whole_or_of_a_measure_stated_in_another_paragraph_is_checked(store):
    named = verdict(audit(store, "Brightwave Compute raised $9 billion, or 45% of the $28 billion the sector "
                                 "raised in 2025."), "45%")
    assert named.verdict.value == "inconsistent" and "32.1%" in named.explanation
    text = ("Hyperscalers budgeted about $640 billion of capex for 2026.\n\n"
            "Private neoclouds, by contrast, raised just $18 billion, roughly 3% of hyperscaler spending.")
    assert verdict(audit(store, text), "roughly 3%").verdict.value != "inconsistent"
    wrong = verdict(audit(store, text.replace("roughly 3%", "roughly 8%")), "roughly 8%")
    assert wrong.verdict.value == "inconsistent" and "about $640 billion" in wrong.explanation


def test_a_total_introducing_a_list_is_checked_against_the_items_below_it(store):
    text = ("Three AI-infrastructure companies listed this spring and together raised $3.1 billion:\n\n"
            "* Kestrel Compute priced at $24 and raised $1.2 billion.\n"
            "* Lumora Networks priced at $18 and raised $900 million; shares now trade at $12, down a third.\n"
            "* Pinecrest Data priced at $30 and raised $1.3 billion.\n")
    report = audit(store, text)
    total = verdict(report, "$3.1 billion")
    assert total.claim.subject == "Three AI-infrastructure companies"
    assert total.verdict.value == "inconsistent" and "$3.4" in total.explanation
    fall = verdict(report, "down a third")
    assert (fall.claim.direction, fall.claim.subject) == ("down", "Lumora Networks")


def test_an_average_over_a_counted_number_of_deals_and_a_multiple_with_its_offer_price_after_it(store):
    report = audit(store, "Investors put $14 billion into 20 deals in the second quarter, an average round size of "
                          "$900 million. The median round was $350 million. Tessel Networks now trades at 1.5x its "
                          "offering price of $20, or about $36.")
    average = verdict(report, "$900 million")
    assert average.verdict.value == "inconsistent" and "over 20" in average.explanation
    assert verdict(report, "$350 million").verdict.value != "inconsistent"  # a median is no average
    assert verdict(report, "1.5x its offering price").verdict.value == "inconsistent"


def test_figures_in_another_clause_are_neither_parts_of_a_total_nor_the_path_of_a_change(store):
    report = audit(store, "Orla Compute raised $5 billion, Brennor AI raised $3.5 billion and Kelpie Networks raised "
                          "$2 billion; the remaining two raised $2 billion between them. Revenue at Pillar Cloud grew "
                          "10-12% in the quarter, while its valuation rose from $6 billion to $9 billion, a 50% increase.")
    assert {cv.verdict.value for cv in report.verdicts} == {"unsupported"}


def test_html_table_rows_and_note_lines_are_list_items_each_total_summing_its_own_list(store):
    from infraledger.audit.api import audit_document
    from infraledger.audit.reading import document_from_text

    page = ("<html><body><p>Published: 30 June 2026</p><table><tr><th>Company</th><th>Amount</th></tr>"
            "<tr><td>Aldine Compute</td><td>$1.2 billion</td></tr><tr><td>Borealis Grid</td><td>$900 million</td></tr>"
            "<tr><td>Total</td><td>$2.5 billion</td></tr></table><ul><li>Cinder AI: $450 million</li>"
            "<li>Dunmore Labs: $350 million</li><li>Combined: $800 million</li></ul></body></html>")
    report = audit_document(document_from_text(page), store.snapshot())
    assert verdict(report, "$1.2 billion").claim.subject == "Aldine Compute"
    assert verdict(report, "$350 million").claim.subject == "Dunmore Labs"  # a note line is no heading
    table_total = verdict(report, "$2.5 billion")
    assert table_total.verdict.value == "inconsistent" and "$2.1" in table_total.explanation
    assert verdict(report, "$800 million").verdict.value != "inconsistent"


def test_multiples_in_words_of_an_offer_price_the_sentence_states(store):
    report = audit(store, "Kelpie Networks trades at $12, half its $18 offer price. Orla Compute stock is at twice "
                          "its IPO price of $15, around $30.")
    half = verdict(report, "half its $18 offer price")
    assert (half.claim.direction, half.claim.quantity) == ("down", 50)
    assert half.verdict.value == "inconsistent" and "33.3%" in half.explanation
    assert verdict(report, "$18").claim.extra == {"reference": "offer_price"}
    assert verdict(report, "twice its IPO price").verdict.value != "inconsistent"


def test_one_figure_stated_rounded_in_one_place_and_precisely_in_another_is_consistent(store):
    report = audit(store, "Tessel Networks raised $1.2 billion in its IPO in May 2026. The May 2026 IPO of Tessel "
                          "Networks raised $1.23 billion.")
    assert {cv.verdict.value for cv in report.verdicts} == {"unsupported"}


def test_qualifier_phrases_the_shared_words_miss_or_misread():
    from infraledger.audit.claims import find_claims

    got = {c.text: (c.value or c).qualifier.value for c in find_claims(
        "Orla Compute raised no more than $1 billion in 2024. Brennor AI raised $2.5 billion or more in 2025. "
        "Kelpie Networks raised just shy of $3 billion. Orla Compute stock fell no more than 40% this year.")}
    assert got == {"no more than $1 billion": "up_to", "$2.5 billion or more": "more_than",
                   "just shy of $3 billion": "less_than", "no more than 40%": "up_to"}


def test_a_premium_to_a_stated_valuation_and_the_price_a_deal_will_pay(store):
    lead = "Orla Compute agreed to acquire Brennor AI. It will pay $2 billion in cash, a "
    report = audit(store, lead + "40% premium to Brennor's last private valuation of $1.6 billion.")
    price = verdict(report, "$2 billion")
    assert (price.claim.measure, price.claim.subject, price.claim.counterparty) == \
        ("acquisition", "Brennor AI", "Orla Compute")
    assert verdict(report, "$1.6 billion").claim.subject == "Brennor"
    premium = verdict(report, "40%")
    assert premium.claim.direction == "up" and premium.verdict.value == "inconsistent" and "25%" in premium.explanation
    right = audit(store, lead + "25% premium to Brennor's last private valuation of $1.6 billion.")
    assert verdict(right, "25%").verdict.value != "inconsistent"


def test_another_company_paying_after_a_deal_does_not_pay_that_deals_price(store):
    report = audit(store, "Orla Compute agreed to buy Brennor AI for about $3 billion in March 2026. In May 2026 "
                          "Ridgeway said it is paying $2.4 billion for a licence to Brennor's technology.")
    assert verdict(report, "$2.4 billion").claim.measure != "acquisition"
    assert {cv.verdict.value for cv in report.verdicts} <= {"unsupported"}


def test_an_average_in_the_sentence_after_a_counted_groups_figure(store):
    lead = "Seven GPU-cloud startups raised $28 billion in the first quarter of 2026. That works out to "
    wrong = verdict(audit(store, lead + "$5 billion per company."), "$5 billion")
    assert wrong.verdict.value == "inconsistent" and "over 7" in wrong.explanation
    assert verdict(audit(store, lead + "$4 billion per company."), "$4 billion").verdict.value != "inconsistent"
