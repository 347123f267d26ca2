"""One focused test (or a few) per verdict kind, each on a small real ledger and a short text.

Companies here are fictional, written for these tests.
"""

from __future__ import annotations

from datetime import datetime

from infraledger.audit.api import audit_document
from infraledger.audit.reading import document_from_text
from infraledger.model import (
    CandidateFact,
    EntityKind,
    FactType,
    FuzzyTime,
    Participant,
    Role,
    Source,
    SourceKind,
    Status,
    parse_label,
    parse_money,
)

from .conftest import add, entities, source

HEADER = "Market notes\nPublished March 10, 2026\n"


def audit(store, body: str, as_of=None):
    return audit_document(document_from_text(HEADER + body), store.snapshot(as_of))


def verdict(report, text: str):
    hits = [cv for cv in report.verdicts if cv.claim.text == text]
    assert hits, [cv.claim.text for cv in report.verdicts]
    return hits[0]


def fact(type_, subject, *, amount=None, time=None, status=None, parties=(), **attributes) -> CandidateFact:
    return CandidateFact(type=FactType(type_), subject=subject, amount=parse_money(amount) if amount else None,
                         time=parse_label(time) if time else None, status=Status(status) if status else None,
                         counterparties=tuple(Participant(n, Role(r)) for n, r in parties), attributes=attributes)


ROUND = "Acme Robotics raised $120 million in April 2025 in a round led by Zeta Ventures (Source: Acme press release)."
ENTS = entities("Acme Robotics", "Zeta Ventures", "Omega Capital", "BigCo", "TinyCo", "Gadget Inc")


# -- supported / contradicted ---------------------------------------------------------------------

def test_amount_agreeing_with_an_independent_source_is_supported(store):
    add(store, source("Acme raises Series B"), fact("funding_round", "Acme Robotics", amount="$120 million",
        time="2025-04", status="completed", parties=[("Zeta Ventures", "lead_investor")]), ents=ENTS)
    cv = verdict(audit(store, ROUND), "$120 million")
    assert cv.verdict.value == "supported"
    assert [e.source_title for e in cv.evidence] == ["Acme raises Series B"]


def test_amount_outside_the_stated_figure_is_contradicted(store):
    add(store, source("Acme raises Series B"), fact("funding_round", "Acme Robotics", amount="$150 million",
        time="2025-04", parties=[("Zeta Ventures", "lead_investor")]), ents=ENTS)
    cv = verdict(audit(store, ROUND), "$120 million")
    assert cv.verdict.value == "contradicted" and "$150M" in cv.explanation


def test_more_than_qualifier_is_honoured_both_ways(store):
    add(store, source("Deal terms"), fact("commercial_contract", "Acme Robotics", amount="$14.2 billion",
        parties=[("BigCo", "customer")]), ents=ENTS)
    over = verdict(audit(store, "Acme Robotics signed a deal with BigCo for over $14 billion."), "over $14 billion")
    assert over.verdict.value == "supported"
    under = verdict(audit(store, "Acme Robotics signed a deal with BigCo for over $15 billion."), "over $15 billion")
    assert under.verdict.value == "contradicted"


def test_same_amount_on_another_date_is_contradicted(store):
    add(store, source("Acme raises Series B"), fact("funding_round", "Acme Robotics", amount="$120 million",
        time="2024-10", parties=[("Zeta Ventures", "lead_investor")]), ents=ENTS)
    cv = verdict(audit(store, ROUND), "$120 million")
    assert cv.verdict.value == "contradicted" and "2024-10" in cv.explanation


def test_another_counterparty_is_contradicted(store):
    add(store, source("Acme raises Series B"), fact("funding_round", "Acme Robotics", amount="$120 million",
        time="2025-04", parties=[("Omega Capital", "lead_investor")]), ents=ENTS)
    cv = verdict(audit(store, ROUND), "$120 million")
    assert cv.verdict.value == "contradicted" and "Omega Capital" in cv.explanation


# -- stale ----------------------------------------------------------------------------------------

DEAL = "BigCo's pending acquisition of TinyCo for $2 billion awaits regulatory approval as of March 2026."


def _deal(store, *later):
    add(store, source("BigCo to buy TinyCo", day="2025-06-02"), fact("acquisition", "TinyCo", amount="$2 billion",
        time="2025-06-01", status="announced", parties=[("BigCo", "acquirer")]), ents=ENTS)
    for day, status in later:
        add(store, source(f"TinyCo deal {status}", day=day), fact("acquisition", "TinyCo", time=day,
            status=status, parties=[("BigCo", "acquirer")]))


def test_pending_deal_closed_after_the_text_is_stale(store):
    _deal(store, ("2026-03-20", "completed"))
    cv = verdict(audit(store, DEAL), "pending")
    assert cv.verdict.value == "stale" and "2026-03-20" in cv.explanation


def test_stale_depends_on_what_the_ledger_knew_as_of(store):
    _deal(store, ("2026-03-20", "completed"))
    cv = verdict(audit(store, DEAL, as_of="2026-03-15"), "pending")
    assert cv.verdict.value == "supported"


def test_pending_deal_already_closed_before_the_text_is_contradicted(store):
    _deal(store, ("2026-02-01", "completed"))
    assert verdict(audit(store, DEAL), "pending").verdict.value == "contradicted"


def test_terminated_after_the_text_is_stale(store):
    _deal(store, ("2026-04-02", "terminated"))
    cv = verdict(audit(store, DEAL), "pending")
    assert cv.verdict.value == "stale" and "terminated" in cv.explanation


PRICE = "By March 2026, Gadget Inc shares were trading around $11 (Source: Market data)."


def _price(store, day: str, close: str) -> None:
    add(store, source(f"Closing prices {day}", kind=SourceKind.MARKET_DATA, day=day),
        CandidateFact(type=FactType.PRICE_OBSERVATION, subject="Gadget Inc", amount=parse_money(close),
                      time=FuzzyTime.day(datetime.fromisoformat(day).date())), ents=ENTS)


def test_price_that_has_since_moved_is_stale_and_supported_as_of_the_text(store):
    _price(store, "2026-03-06", "$11.10")
    _price(store, "2026-03-27", "$14.00")
    assert verdict(audit(store, PRICE), "around $11").verdict.value == "stale"
    assert verdict(audit(store, PRICE, as_of="2026-03-10"), "around $11").verdict.value == "supported"


def test_price_outside_about_tolerance_is_contradicted(store):
    _price(store, "2026-03-06", "$13.00")
    assert verdict(audit(store, PRICE), "around $11").verdict.value == "contradicted"


# -- inconsistent ---------------------------------------------------------------------------------

def test_share_not_established_by_the_texts_own_bounds_is_inconsistent(store):
    text = ("Three large carriers budgeted more than $60 billion in capex for 2026. The total annual outlay "
            "exceeds $100 billion. The three large carriers control more than 60% of the $100 billion annual capex.")
    cv = verdict(audit(store, text), "more than 60%")
    assert cv.verdict.value == "inconsistent" and "0% upwards" in cv.explanation


def test_share_established_by_exact_figures_is_not_inconsistent(store):
    text = ("Three large carriers budgeted $70 billion in capex for 2026. The three large carriers control "
            "more than 60% of the $100 billion annual capex.")
    assert verdict(audit(store, text), "more than 60%").verdict.value != "inconsistent"


def test_one_figure_stated_two_ways_is_inconsistent(store):
    text = ("Acme Robotics raised $120 million in April 2025 in a round led by Zeta Ventures. Later, Acme Robotics "
            "raised $150 million in April 2025 in a round led by Zeta Ventures.")
    report = audit(store, text)
    assert {cv.verdict.value for cv in report.verdicts if cv.claim.kind.value == "amount"} == {"inconsistent"}


def test_proceeds_that_are_not_shares_times_price_are_inconsistent(store):
    text = "Gadget Inc raised $500 million in its IPO, selling 20 million shares at $20 per share."
    cv = verdict(audit(store, text), "$500 million")
    assert cv.verdict.value == "inconsistent" and "$400M" in cv.explanation


def test_fall_and_price_imply_a_starting_price(store):
    text = ("By March 2026, Gadget Inc shares had fallen 50% from the first-day close, trading around $11 "
            "(Source: Market data).")
    cv = verdict(audit(store, text), "50%")
    assert "near $22" in cv.explanation


# -- ambiguous ------------------------------------------------------------------------------------

YTD = "As of March 2026, Gadget Inc stock has increased more than 100% year-to-date (Source: Nasdaq data)."


def _listed_last_year(store, march_close: str) -> None:
    add(store, source("Gadget Inc prices on debut", day="2025-05-10"),
        fact("ipo", "Gadget Inc", time="2025-05-09", status="completed", first_day_close="20.00"), ents=ENTS)
    _price(store, "2025-12-31", "$30.00")
    _price(store, "2026-03-06", march_close)


def test_year_to_date_for_a_company_listed_last_year_is_ambiguous_when_readings_differ(store):
    _listed_last_year(store, "$45.00")  # +50% this year, +125% since listing
    cv = verdict(audit(store, YTD), "more than 100%")
    assert cv.verdict.value == "ambiguous"
    assert "50.0%" in cv.explanation and "125.0%" in cv.explanation


def test_year_to_date_readings_that_agree_are_not_ambiguous(store):
    _listed_last_year(store, "$70.00")  # +133% this year, +250% since listing
    assert verdict(audit(store, YTD), "more than 100%").verdict.value == "supported"


# -- source_mismatch ------------------------------------------------------------------------------

def test_form_d_cited_for_the_investor_is_a_source_mismatch(store):
    report = audit(store, "Acme Robotics landed $67 million from Zeta Ventures in June 2025 (Source: Acme Robotics SEC Form D).")
    cv = verdict(report, "$67 million")
    assert cv.verdict.value == "source_mismatch" and "never names the investors" in cv.explanation


def test_investors_own_filing_cited_for_the_targets_valuation_is_a_source_mismatch(store):
    add(store, source("registry"), ents=ENTS)
    text = "Acme Robotics received a $650 million equity stake from BigCo in 2025, valuing Acme Robotics at over $2.5 billion (Source: BigCo 8-K filing)."
    assert verdict(audit(store, text), "over $2.5 billion").verdict.value == "source_mismatch"
    assert verdict(audit(store, text), "$650 million").verdict.value == "unsupported"


def test_registration_statement_cited_for_a_later_price_change_is_a_source_mismatch(store):
    text = "As of March 2026, Gadget Inc stock has increased 40% since its IPO (Source: Gadget Inc S-1)."
    assert verdict(audit(store, text), "40%").verdict.value == "source_mismatch"


def test_a_press_release_of_the_investor_can_name_the_investor(store):
    text = "Acme Robotics landed $67 million from Zeta Ventures in June 2025 (Source: Zeta Ventures press release)."
    assert verdict(audit(store, text), "$67 million").verdict.value == "unsupported"


# -- unsupported and opinions ---------------------------------------------------------------------

def test_claim_with_nothing_in_the_ledger_is_unsupported(store):
    cv = verdict(audit(store, ROUND), "$120 million")
    assert cv.verdict.value == "unsupported" and not cv.evidence


def test_forecasts_and_readings_are_opinions_not_claims(store):
    report = audit(store, "Acme Robotics will likely raise $500 million next year. Hidden logic: the market is not random.")
    assert not report.verdicts
    assert {o.cue for o in report.opinions} >= {"will likely"}


def test_the_audited_text_never_supports_itself(store):
    body = HEADER + ROUND
    own = Source.new(SourceKind.ARTICLE, content=body, title="Market notes", recorded_at=datetime(2026, 3, 10))
    add(store, own, fact("funding_round", "Acme Robotics", amount="$120 million", time="2025-04",
        parties=[("Zeta Ventures", "lead_investor")]), ents=ENTS)
    report = audit_document(document_from_text(body), store.snapshot())
    assert report.excluded_sources == {own.id: "content hash"}
    assert verdict(report, "$120 million").verdict.value == "unsupported"


def test_group_entity_kind_is_used_for_aggregates(store):
    group = entities("Three large carriers", kind=EntityKind.GROUP)
    add(store, source("Carrier capex survey"), fact("capex_budget", "Three large carriers", amount="about $65 billion",
        time="2026-02", period="2026", basis="aggregate"), ents=group)
    cv = verdict(audit(store, "Three large carriers budgeted more than $60 billion in capex for 2026."), "more than $60 billion")
    assert cv.verdict.value == "supported"


def test_as_of_argument_limits_evidence_to_what_was_recorded_by_then(store):
    _deal(store, ("2026-03-20", "completed"))
    doc = document_from_text(HEADER + DEAL)
    report = audit_document(doc, store.snapshot(), as_of="2026-03-15")
    assert verdict(report, "pending").verdict.value == "supported"
    assert report.as_of.date().isoformat() == "2026-03-15"


def test_year_to_date_without_a_year_end_price_stays_ambiguous_for_a_recent_listing(store):
    add(store, source("Gadget Inc prices on debut", day="2025-05-10"),
        fact("ipo", "Gadget Inc", time="2025-05-09", status="completed", first_day_close="20.00"), ents=ENTS)
    _price(store, "2026-03-06", "$39.00")  # +95% since listing; this year's start unknown
    cv = verdict(audit(store, YTD), "more than 100%")
    assert cv.verdict.value == "ambiguous" and "not computable" in cv.explanation


def test_a_party_learnt_by_name_and_later_with_its_cik_matches_by_its_alias(store):
    from infraledger.model import Entity
    add(store, source("TinyCo deal", day="2025-06-02"), fact("acquisition", "TinyCo", amount="$2 billion",
        time="2025-06-01", status="announced", parties=[("Alphabet", "acquirer")]))  # a name-based id first
    add(store, source("registry", day="2025-07-01"), ents=[Entity.new("Alphabet", cik=1652044, aliases=("Google",))])
    cv = verdict(audit(store, "Google's pending acquisition of TinyCo for $2 billion awaits approval."), "$2 billion")
    assert cv.claim.counterparty_id == store.snapshot().entity("cik:1652044").id  # one entity, not two
    assert cv.verdict.value == "supported"


def test_a_raise_from_shares_sold_is_checked_against_shares_times_price_even_without_the_word_ipo(store):
    text = "Gadget Inc sold 25 million shares at $40 each, raising $1.2 billion."
    cv = verdict(audit(store, text), "$1.2 billion")
    assert cv.verdict.value == "inconsistent" and "$1B" in cv.explanation


def test_changes_stated_in_words_are_claims_about_the_company_they_follow(store):
    report = audit(store, "Gadget Inc's shares have more than doubled since its IPO, while Widget Corp has lost "
                          "roughly half its value since its first day of trading.")
    up, down = verdict(report, "more than doubled"), verdict(report, "lost roughly half")
    assert (up.claim.kind.value, up.claim.subject, up.claim.direction, up.claim.quantity, up.claim.qualifier.value,
            up.claim.reference) == ("change", "Gadget Inc", "up", 100, "more_than", "since_ipo")
    assert (down.claim.subject, down.claim.direction, down.claim.quantity, down.claim.qualifier.value,
            down.claim.reference) == ("Widget Corp", "down", 50, "about", "first_day_close")


def test_claims_in_other_phrasings_month_dates_rankings_counts_contracts_and_a_deal_to_buy(store):
    report = audit(store, "Gadget Inc has signed contracts worth more than $20 billion with Widget Corp. Its revenue "
                          "tripled in the third quarter. Gizmo Labs closed a $1.5 billion round in February, which "
                          "makes it one of the three most valuable private GPU clouds. Of the 12 neoclouds we track, "
                          "most are private. The deal to buy Sprocket Data, announced in January, is still pending as "
                          "of March 2026.")
    texts = {cv.claim.text: cv.claim for cv in report.verdicts}
    assert texts["more than $20 billion"].measure == "contract"
    assert "tripled" not in texts  # revenue, not a share price
    assert texts["$1.5 billion"].time.label() == "2026-02"
    assert texts["the three most valuable private GPU clouds"].kind.value == "ranking"
    assert texts["the three most valuable private GPU clouds"].subject == "Gizmo Labs"
    assert texts["12 neoclouds"].kind.value == "count"
    status = texts["pending as of March 2026"]
    assert status.subject == "Sprocket Data" and status.status.value == "pending"


def test_a_stated_spending_plan_is_a_claim_to_check_while_a_forecast_stays_an_opinion(store):
    group = entities("Three large carriers", kind=EntityKind.GROUP)
    add(store, source("Carrier capex survey"), fact("capex_budget", "Three large carriers", amount="about $65 billion",
        time="2026-02", period="2026", basis="aggregate"), ents=group)
    report = audit(store, "Three large carriers said their capex will be about $64 billion in 2026. "
                          "Their spending will likely keep rising after that.")
    assert verdict(report, "about $64 billion").verdict.value == "supported"
    assert [o.cue for o in report.opinions] == ["will likely"]
