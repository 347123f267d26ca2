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
