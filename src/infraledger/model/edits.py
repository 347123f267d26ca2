"""A fact's fields as a person writes them (a review's correction, a fact the machine missed).

Reviewers type amounts and dates the way articles write them ("about $1.2 billion", "Q3 2026"); they
are read by the same parsers the extractor uses, so a corrected fact has the same shape as a
machine-read one. Bad input raises InputError naming the field.
"""

from __future__ import annotations

from dataclasses import fields as fields_of
from dataclasses import replace
from datetime import date
from typing import Any, Mapping

from ..errors import InputError
from .events import FactType, Participant, Role, Status
from .facts import CandidateFact
from .fuzzytime import parse_time
from .money import parse_money

#: Longest text accepted in one field.
MAX_FIELD = 300


def _text(value: Any, name: str) -> str:
    text = "" if value is None else str(value).strip()
    if len(text) > MAX_FIELD:
        raise InputError(f"{name}: longer than {MAX_FIELD} characters")
    return text


def parse_parties(value: Any) -> tuple[Participant, ...]:
    """Parties from a list of ``{"name", "role"}`` or from lines of ``role: name``."""
    if value is None or value == "":
        return ()
    items: list[tuple[str, str]] = []
    if isinstance(value, str):
        for line in value.splitlines():
            if not line.strip():
                continue
            role, sep, name = line.partition(":")
            if not sep:
                raise InputError(f"counterparties: write each as 'role: name', got {line.strip()!r}")
            items.append((role.strip(), name.strip()))
    else:
        for p in value:
            if not isinstance(p, Mapping):
                raise InputError("counterparties: each needs a name and a role")
            items.append((str(p.get("role", "")).strip(), str(p.get("name", "")).strip()))
    parties = []
    roles = {r.value for r in Role}
    for role, name in items:
        if role not in roles:
            raise InputError(f"counterparties: unknown role '{role}' (one of: {', '.join(sorted(roles))})")
        if not name:
            raise InputError("counterparties: a party needs a name")
        parties.append(Participant(_text(name, "counterparty"), Role(role)))
    return tuple(parties)


def edited_fact(fields: Mapping[str, Any], *, base: CandidateFact | None = None,
                anchor: date | None = None) -> CandidateFact:
    """``base`` with the fields a person gave (all of them when there is no base).

    Fields: ``type``, ``subject``, ``counterparties``, ``amount`` (text), ``date`` (text), ``status``
    (empty: none), ``evidence`` and ``span``. A field left out keeps the base's value; an empty
    ``amount`` or ``date`` clears it. Dates like "last March" are read against ``anchor``.
    """
    values: dict[str, Any] = {}
    if "type" in fields or base is None:
        try:
            values["type"] = FactType(_text(fields.get("type"), "type"))
        except ValueError:
            raise InputError(f"type: unknown fact type {fields.get('type')!r}") from None
    if "subject" in fields or base is None:
        subject = _text(fields.get("subject"), "subject")
        if not subject:
            raise InputError("subject: a fact needs a subject")
        values["subject"] = subject
        values["subject_id"] = None
    if "counterparties" in fields:
        values["counterparties"] = parse_parties(fields["counterparties"])
    if "amount" in fields:
        text = _text(fields["amount"], "amount")
        try:
            values["amount"] = parse_money(text) if text else None
        except InputError as exc:
            raise InputError(f"amount: {exc}") from None
    if "date" in fields:
        text = _text(fields["date"], "date")
        try:
            values["time"] = parse_time(text, anchor) if text else None
        except InputError as exc:
            raise InputError(f"date: {exc}") from None
    if "status" in fields:
        text = _text(fields["status"], "status")
        try:
            values["status"] = Status(text) if text else None
        except ValueError:
            raise InputError(f"status: unknown status '{text}' (one of: {', '.join(s.value for s in Status)})") from None
    if "evidence" in fields:
        values["evidence"] = str(fields["evidence"] or "")[:5000]
    if "span" in fields and fields["span"] is not None:
        start, end = (int(x) for x in fields["span"])
        if not 0 <= start < end:
            raise InputError("span: start must come before end")
        values["span"] = (start, end)
    values["confidence"] = 1.0
    if base is None:
        return CandidateFact(**values)
    # A Fact (with its provenance) becomes the plain candidate it was read as, then takes the edits.
    plain = CandidateFact(**{f.name: getattr(base, f.name) for f in fields_of(CandidateFact)})
    return replace(plain, **values)
