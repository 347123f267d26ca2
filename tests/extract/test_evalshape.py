"""Candidate facts in the evaluation shape."""

from __future__ import annotations

from decimal import Decimal

from infraledger.extract import to_eval_record
from infraledger.model.events import FactType, Participant, Role, Status
from infraledger.model.facts import CandidateFact
from infraledger.model.fuzzytime import FuzzyTime
from infraledger.model.money import Money, Qualifier, parse_money


def _fact(**kw) -> CandidateFact:
    base = dict(type=FactType.STRATEGIC_INVESTMENT, subject="Pellworm Optics",
                counterparties=(Participant("Dunmore Holdings", Role.INVESTOR),), status=Status.ANNOUNCED,
                evidence="Dunmore Holdings will invest up to $75 million in Pellworm Optics.", span=(10, 75))
    base.update(kw)
    return CandidateFact(**base)


def test_usd_amount_up_to_becomes_less_than_and_the_date_is_its_label():
    record = to_eval_record(_fact(amount=parse_money("up to $75 million"), time=FuzzyTime.quarter(2025, 3)), "a.txt")
    assert record["doc"] == "a.txt"
    assert record["amount_usd"] == 75_000_000 and record["amount_qualifier"] == "less_than"
    assert record["date"] == "2025-Q3"
    assert record["counterparties"] == [{"name": "Dunmore Holdings", "role": "investor"}]
    assert record["evidence_span"] == [10, 75]
    assert record["status"] == "announced"


def test_other_currencies_have_no_usd_amount_but_keep_what_was_stated():
    record = to_eval_record(_fact(amount=parse_money("€1.7bn"), valuation=parse_money("about €9bn")))
    assert "doc" not in record
    assert record["amount_usd"] is None and record["amount_original"] == "€1.7bn"
    assert record["valuation_usd"] is None and record["valuation_qualifier"] == "about"


def test_fractional_amounts_stay_exact_and_missing_values_are_null():
    record = to_eval_record(_fact(amount=Money(Decimal("908.2") * 10**6, qualifier=Qualifier.MORE_THAN)))
    assert record["amount_usd"] == 908_200_000 and record["amount_qualifier"] == "more_than"
    bare = to_eval_record(_fact())
    assert bare["amount_usd"] is None and bare["date"] is None and bare["cited_source"] is None
