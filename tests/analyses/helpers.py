"""Building small ledgers with known answers for the analysis tests."""

from __future__ import annotations

from datetime import datetime

from infraledger.model import (
    CandidateFact,
    Entity,
    FactType,
    Layer,
    Participant,
    Role,
    Source,
    Status,
    parse_label,
    parse_money,
)


def src(name: str, at: str = "2026-03-01") -> Source:
    return Source.new("article", content=name, title=name, recorded_at=datetime.fromisoformat(at))


def company(name: str, *layers: str, **rest) -> Entity:
    return Entity.new(name, layers=tuple(Layer(x) for x in layers), **rest)


def fact(type_: str, subject: str, *, amount: str | None = None, when: str | None = None, status: str | None = None,
         parties: tuple[tuple[str, str], ...] = (), attrs: dict | None = None, people: tuple[str, ...] = (),
         valuation: str | None = None, evidence: str = "") -> CandidateFact:
    return CandidateFact(type=FactType(type_), subject=subject,
                         counterparties=tuple(Participant(n, Role(r)) for n, r in parties),
                         amount=parse_money(amount) if amount else None,
                         valuation=parse_money(valuation) if valuation else None,
                         time=parse_label(when) if when else None, status=Status(status) if status else None,
                         attributes=attrs or {}, people=people, evidence=evidence)
