"""Candidate facts (as read from a document) and facts (resolved, sourced, recorded).

Every reader and extractor returns :class:`CandidateFact`; resolution fills in entity ids;
the ledger stores :class:`Fact`, which adds provenance (source id), record time and a stable
identity, so that loading the same document twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import Any

from .events import FactType, Participant, Status
from .fuzzytime import FuzzyTime
from .money import Money


@dataclass(frozen=True, slots=True, kw_only=True)
class CandidateFact:
    """What a reader or extractor found, before names are resolved to entities.

    ``span`` is the evidence's ``(start, end)`` character offsets in the document's text.
    ``attributes`` holds type-specific figures as JSON-able values; numbers are written as
    decimal strings ("40.00") so nothing is lost to floats.
    """

    type: FactType
    subject: str
    subject_id: str | None = None
    counterparties: tuple[Participant, ...] = ()
    people: tuple[str, ...] = ()
    amount: Money | None = None
    valuation: Money | None = None
    time: FuzzyTime | None = None
    status: Status | None = None
    cited_source: str = ""
    evidence: str = ""
    span: tuple[int, int] | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0

    def with_ids(self, subject_id: str, counterparty_ids: list[str | None]) -> "CandidateFact":
        parts = tuple(replace(p, entity_id=eid) for p, eid in zip(self.counterparties, counterparty_ids))
        return replace(self, subject_id=subject_id, counterparties=parts)

    def to_json(self) -> dict:
        out: dict[str, Any] = {"type": self.type.value, "subject": self.subject}
        if self.subject_id:
            out["subject_id"] = self.subject_id
        out["counterparties"] = [p.to_json() for p in self.counterparties]
        if self.people:
            out["people"] = list(self.people)
        out["amount"] = self.amount.to_json() if self.amount else None
        if self.valuation:
            out["valuation"] = self.valuation.to_json()
        out["time"] = self.time.to_json() if self.time else None
        out["status"] = self.status.value if self.status else None
        for key in ("cited_source", "evidence"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.span:
            out["span"] = list(self.span)
        if self.attributes:
            out["attributes"] = self.attributes
        if self.confidence != 1.0:
            out["confidence"] = self.confidence
        return out

    @staticmethod
    def _fields_from_json(data: dict) -> dict[str, Any]:
        return dict(
            type=FactType(data["type"]),
            subject=data["subject"],
            subject_id=data.get("subject_id"),
            counterparties=tuple(Participant.from_json(p) for p in data.get("counterparties", ())),
            people=tuple(data.get("people", ())),
            amount=Money.from_json(data["amount"]) if data.get("amount") else None,
            valuation=Money.from_json(data["valuation"]) if data.get("valuation") else None,
            time=FuzzyTime.from_json(data["time"]) if data.get("time") else None,
            status=Status(data["status"]) if data.get("status") else None,
            cited_source=data.get("cited_source", ""),
            evidence=data.get("evidence", ""),
            span=tuple(data["span"]) if data.get("span") else None,
            attributes=dict(data.get("attributes", {})),
            confidence=float(data.get("confidence", 1.0)),
        )

    @classmethod
    def from_json(cls, data: dict) -> "CandidateFact":
        return cls(**cls._fields_from_json(data))


def _digest(parts: list[Any]) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:20]


def event_key(c: CandidateFact) -> str:
    """Identity of the real-world event or measure a fact speaks of, independent of its source.

    Two facts with one key are about one deal; if their figures differ, that is a conflict. What
    enters the key is the type's entry in the event-type registry: the subject, the parties in its
    key roles and its identity fields. The amount is deliberately *not* part of the key, so
    disagreeing sources meet.
    """
    from .event_types import event_type  # here: the registry (pydantic, a TOML file) is needed only for keys

    entry = event_type(c.type)
    parties = sorted(p.entity_id or p.name for p in c.counterparties if entry.is_key_party(p.role))
    return "ev:" + _digest([c.type.value, c.subject_id or c.subject, parties, entry.identity_values(c)])


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact(CandidateFact):
    """A resolved candidate fact with provenance, record time and a stable identity."""

    id: str
    source_id: str
    event_key: str
    recorded_at: datetime
    supersedes: str | None = None

    @classmethod
    def from_candidate(cls, c: CandidateFact, *, source_id: str, recorded_at: datetime,
                       supersedes: str | None = None) -> "Fact":
        """Give ``c`` its identity: a hash of type, entities, figures, valid-time bucket, status and source."""
        body = c.to_json()
        body.pop("confidence", None)
        body.pop("evidence", None)
        body.pop("span", None)
        for p in body["counterparties"]:
            p.pop("name", None) if p.get("entity_id") else None
        if body.get("subject_id"):
            body.pop("subject", None)
        if body.get("time"):
            body["time"] = c.time.label() if c.time else None
        fid = "f:" + _digest([body, source_id])
        values = {f.name: getattr(c, f.name) for f in fields(CandidateFact)}
        return cls(**values, id=fid, source_id=source_id, event_key=event_key(c),
                   recorded_at=recorded_at, supersedes=supersedes)

    def to_json(self) -> dict:
        out = CandidateFact.to_json(self)
        out.update(id=self.id, source_id=self.source_id, event_key=self.event_key,
                   recorded_at=self.recorded_at.isoformat())
        if self.supersedes:
            out["supersedes"] = self.supersedes
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Fact":
        return cls(**CandidateFact._fields_from_json(data), id=data["id"], source_id=data["source_id"],
                   event_key=data["event_key"], recorded_at=datetime.fromisoformat(data["recorded_at"]),
                   supersedes=data.get("supersedes"))
