"""How often reviewers agree: per field, over the facts two or more reviewers judged.

Agreement between people is the ceiling of what extraction can be measured against: a field two
careful reviewers read differently half the time is not one a machine can be held to. For every fact
judged by several reviewers, each pair of them is counted once per field, and agrees when both left
the field with the same value. A reviewer's judgement is the fact as they left it: an acceptance
leaves the fact as read, a correction (or an addition) as they wrote it, and a rejection says only
that the fact should not be kept, so of a rejection only the field ``kept`` counts. Only each
reviewer's latest review of a fact counts. The fact a correction made counts as judged by its
corrector too (as they wrote it), so a second reviewer who accepts or changes it is compared with them.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from ..model import CandidateFact
from .review import Review, ReviewAction
from .store import Snapshot

#: The fields compared, in this order; ``kept`` is "not rejected".
FIELDS = ("type", "subject", "counterparties", "amount", "date", "status", "kept")


def field_agreement(snapshot: Snapshot) -> dict[str, tuple[int, int]]:
    """Per field of :data:`FIELDS`: (pairs of reviewers that agree, pairs of reviewers), as of the snapshot."""
    latest: dict[str, dict[str, Review]] = {}
    for r in snapshot.reviews():  # oldest first: a later review of a reviewer replaces the earlier one
        latest.setdefault(r.fact_id, {})[r.reviewer] = r
        if r.new_fact_id and r.new_fact_id != r.fact_id:
            latest.setdefault(r.new_fact_id, {})[r.reviewer] = r
    counts = {name: [0, 0] for name in FIELDS}
    for fact_id, by_reviewer in latest.items():
        if len(by_reviewer) < 2:
            continue
        read = _values(snapshot.fact(fact_id))
        judged = [_judgement(r, read) for _, r in sorted(by_reviewer.items())]
        for a, b in combinations(judged, 2):
            for name in FIELDS:
                if name in a and name in b:
                    counts[name][1] += 1
                    counts[name][0] += a[name] == b[name]
    return {name: (agree, pairs) for name, (agree, pairs) in counts.items()}


def _judgement(r: Review, read: dict[str, Any]) -> dict[str, Any]:
    """The fields as reviewer ``r`` left them: ``read`` (the fact as read) for an acceptance."""
    if r.action is ReviewAction.REJECT:
        return {"kept": False}
    left = r.candidate() if r.action in (ReviewAction.CORRECT, ReviewAction.ADD) and r.fields else None
    return {**(_values(left) if left is not None else read), "kept": True}


def _values(c: CandidateFact) -> dict[str, Any]:
    """Comparable values of a fact's fields: names without case or surrounding space, figures exact."""
    def name(text: str) -> str:
        return " ".join(text.split()).casefold()

    money = c.amount
    return {
        "type": c.type.value,
        "subject": name(c.subject),
        "counterparties": tuple(sorted((name(p.name), p.role.value) for p in c.counterparties)),
        "amount": (money.amount, money.high, money.currency, money.qualifier.value) if money else None,
        "date": c.time.label() if c.time else None,
        "status": c.status.value if c.status else None,
    }


__all__ = ["FIELDS", "field_agreement"]
