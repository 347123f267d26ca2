"""Candidate facts in the evaluation shape (``../shared/eval/README.md``): one JSON object per event.

``amount_usd`` and ``valuation_usd`` are set only for amounts stated in US dollars; other
currencies keep their stated form in ``amount_original``. Qualifiers follow the evaluation
conventions, where "up to" counts as ``less_than`` and a range as ``about``.
"""

from __future__ import annotations

from decimal import Decimal

from ..model.facts import CandidateFact
from ..model.money import Money, Qualifier

_QUALIFIER = {Qualifier.EXACT: "exact", Qualifier.MORE_THAN: "more_than", Qualifier.LESS_THAN: "less_than",
              Qualifier.UP_TO: "less_than", Qualifier.ABOUT: "about", Qualifier.BETWEEN: "about"}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _usd(money: Money | None) -> int | float | None:
    return _number(money.amount) if money is not None and money.currency == "USD" else None


def to_eval_record(fact: CandidateFact, doc: str | None = None) -> dict:
    """``fact`` as an evaluation record; ``doc`` (the file's base name) is added when given."""
    out: dict = {}
    if doc is not None:
        out["doc"] = doc
    out.update({
        "type": fact.type.value,
        "subject": fact.subject,
        "counterparties": [{"name": p.name, "role": p.role.value} for p in fact.counterparties],
        "people": list(fact.people),
        "amount_usd": _usd(fact.amount) if "amount_usd" not in fact.attributes
        else _number(Decimal(fact.attributes["amount_usd"])),
        "amount_qualifier": _QUALIFIER[Qualifier(fact.attributes["amount_usd_qualifier"])]
        if "amount_usd_qualifier" in fact.attributes else _QUALIFIER[fact.amount.qualifier] if fact.amount else None,
        "valuation_usd": _usd(fact.valuation),
        "valuation_qualifier": _QUALIFIER[fact.valuation.qualifier] if fact.valuation else None,
        "date": fact.time.label() if fact.time else None,
        "status": fact.status.value if fact.status else None,
        "cited_source": fact.cited_source or None,
        "evidence": fact.evidence,
    })
    if fact.amount is not None and fact.amount.currency != "USD":
        out["amount_original"] = fact.amount.text or str(fact.amount)
    if fact.valuation is not None and fact.valuation.currency != "USD":
        out["valuation_original"] = fact.valuation.text or str(fact.valuation)
    if fact.span is not None:
        out["evidence_span"] = list(fact.span)
    out["confidence"] = fact.confidence
    return out
