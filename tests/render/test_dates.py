"""The report prints every date at the precision its source gave: a quarter stays a quarter."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from infraledger.model import (
    CandidateFact,
    FactType,
    Participant,
    Role,
    Source,
    Status,
    parse_label,
    parse_money,
)
from infraledger.render import build_report


@pytest.fixture
def vague(make_ledger):
    """An acquisition announced and closed in "2026-Q1", another closed in "2026-03", an IPO in "2025-Q3"."""
    store = make_ledger()
    facts = [
        CandidateFact(type=FactType.ACQUISITION, subject="Tinyco", counterparties=(Participant("Bigco", Role.ACQUIRER),),
                      time=parse_label("2026-Q1"), status=Status.COMPLETED, evidence="Bigco bought Tinyco in Q1"),
        CandidateFact(type=FactType.ACQUISITION, subject="Smallco", counterparties=(Participant("Bigco", Role.ACQUIRER),),
                      time=parse_label("2025-11-19"), status=Status.ANNOUNCED, amount=parse_money("$2 billion"),
                      evidence="Bigco agreed to buy Smallco on Nov 19"),
        CandidateFact(type=FactType.ACQUISITION, subject="Smallco", counterparties=(Participant("Bigco", Role.ACQUIRER),),
                      time=parse_label("2026-03"), status=Status.COMPLETED, evidence="closed in March"),
        CandidateFact(type=FactType.IPO, subject="Listco", time=parse_label("2025-Q3"), status=Status.COMPLETED,
                      amount=parse_money("$500 million"), evidence="Listco listed in the third quarter"),
    ]
    store.append(Source.new("article", content="review", title="Review", recorded_at=datetime(2026, 3, 30)), facts)
    return store


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_dates_known_to_a_quarter_or_month_are_not_printed_as_days(vague, fmt):
    # the charts' time axes have ticks on days of their own; the text must not invent any
    text = re.sub(r"<svg.*?</svg>", "", build_report(vague.snapshot(), as_of="2026-03-30", fmt=fmt), flags=re.DOTALL)
    for invented in ("2026-01-01", "2025-07-01", "2026-03-01"):
        assert invented not in text
    assert "2026-Q1" in text and "2026-03" in text and "2025-Q3" in text
    assert "2025-11-19" in text  # a day the source gave stays a day
