"""Timeline of a company or of a layer: its facts in valid-time order, as of a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import InputError
from ..ledger.store import Snapshot
from ..model import Fact, Layer
from .frame import frame


@dataclass(frozen=True)
class TimelineEntry:
    when: str
    start: date | None
    type: str
    subject: str
    summary: str
    fact_id: str


@dataclass(frozen=True)
class Timeline:
    as_of: date | None
    of: str
    entries: tuple[TimelineEntry, ...]


def _summary(f: Fact) -> str:
    parts = [p.name + f" ({p.role.value})" for p in f.counterparties]
    bits = [f.type.value.replace("_", " ")]
    if parts:
        bits.append("with " + ", ".join(parts))
    if f.amount is not None:
        bits.append(str(f.amount))
    if f.status is not None:
        bits.append(f.status.value)
    if f.people:
        bits.append("people: " + ", ".join(f.people))
    return "; ".join(bits)


def timeline(snapshot: Snapshot, *, company: str | None = None, layer: str | None = None,
             as_of: date | str | None = None, limit: int | None = None) -> Timeline:
    """Facts about ``company`` (name, alias, ticker or id; as subject or counterparty) or whose subject
    works in ``layer``, oldest first; undated facts last. Raises InputError unless exactly one is given,
    NotFoundError for an unknown company."""
    if (company is None) == (layer is None):
        raise InputError("give a company or a layer for the timeline, not both")
    fr = frame(snapshot, as_of)
    if company is not None:
        eid = fr.entity_id(company)
        where = "(subject_id = ? OR list_contains(list_transform(counterparties, lambda p: p.entity_id), ?))"
        params: list = [eid, eid]
        of = fr.name(eid)
    else:
        try:
            Layer(layer)
        except ValueError:
            raise InputError(f"unknown layer '{layer}'; one of: {', '.join(x.value for x in Layer)}") from None
        where = "subject_id IN (SELECT id FROM entity_layers WHERE list_contains(layers, ?))"
        params = [layer]
        of = f"layer {layer}"
    facts = fr.facts(where, params, limit=limit)
    entries = tuple(TimelineEntry(f.time.label() if f.time else "undated", f.time.start if f.time else None,
                                  f.type.value, fr.name(f.subject_id, f.subject), _summary(f), f.id) for f in facts)
    return Timeline(fr.as_of, of, entries)
