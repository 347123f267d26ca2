"""Reading example sentences through the whole extractor, as the frames' example tests do."""

from __future__ import annotations

from infraledger.extract import extract_events
from infraledger.model.events import DEAL_TYPES, Role
from infraledger.sources.document import document_from_text


def deal_events(text: str, name: str = "example.txt") -> list:
    """The deal events the extractor reads from ``text`` (relations left out)."""
    return [f for f in extract_events(document_from_text(text, name=name)) if f.type in DEAL_TYPES]


def check_positive(frame, example) -> None:
    """``example`` (a frame's positive example) states an event of the frame's type (or the one the
    example names) with the example's subject, roles and people."""
    kind = example.type or frame.type
    events = [e for e in deal_events(example.text) if e.type is kind]
    assert events, f"no {kind} read from: {example.text}"
    if example.subject:
        assert any(e.subject == example.subject for e in events), [e.subject for e in events]
    event = next(e for e in events if example.subject is None or e.subject == example.subject)
    for role, name in example.roles.items():
        assert any(p.name == name and p.role is Role(role) for p in event.counterparties), event.counterparties
    for person in example.people:
        assert person in event.people


def check_negative(frame, text: str) -> None:
    """A frame's negative example states no event of the frame's type."""
    assert not [e for e in deal_events(text) if e.type is frame.type]
