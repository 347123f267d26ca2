"""One event across sources: link a new fact to the event other sources already report.

Facts get an event key from what they state (:func:`infraledger.model.facts.event_key`). Two sources
about one real deal often state different things: a Form D gives the raise with no series label, an
article gives "Series B" and a rounded amount; one report names two investors, another three; an
announcement names the acquirer and a later note only the target. Their keys then differ although
the deal is one. On append, every fact of a type the event-type registry marks ``reconcile`` is
compared with the events the ledger (and the batch so far) holds for the same type and subject,
and takes the key of the one it matches, so the deal stays one event with all its sources; facts
that disagree beyond the type's tolerance remain a conflict of that event or a separate event.

A fact matches an event when nothing they both state tells them apart:

- the event has no fact from the fact's own source (a document's reading already told its deals apart);
- key parties (the acquirer, the investors, the customer) are shared, or one side names none;
- every identity field both state agrees (``Series B`` = ``series b``), for ``people`` one person shared;
- their valid times lie within the type's ``date_window_days`` of each other, where both are dated;
- stated amounts in one currency agree within the type's ``amount_tolerance`` (reported rounding).

Of several matching events, the nearest in time wins, then the closest amount, then the oldest key.
A key resting on a fallback alone (a funding round with no label is keyed by its year) does not join
the event it names when their dates lie further apart than the window: that is another raise.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from ..model import Fact, FactType
from ..model.event_types import EventType, event_type
from ..model.quantity import Range
from .backends.base import in_list
from .rows import FACT_COLUMNS, fact_from_row
from .snapshot import SqlSnapshot

_NOT_LETTERS = re.compile(r"[^0-9a-z]+")
#: Words that say nothing about which deal a label names ("Series B round" = "Series B").
_FILLER = frozenset({"round", "funding", "financing", "raise", "the", "a", "an"})


def _label(value) -> str:
    words = _NOT_LETTERS.sub(" ", str(value).casefold()).split()
    return " ".join(w for w in words if w not in _FILLER)


def _key_parties(f: Fact, entry: EventType) -> set[str]:
    return {p.entity_id or p.name for p in f.counterparties if entry.is_key_party(p.role)}


def _days_apart(a: Fact, b: Fact) -> int | None:
    """Days between two facts' valid times (0 when they overlap); None when either is undated."""
    if a.time is None or b.time is None:
        return None
    if a.time.end < b.time.start:
        return (b.time.start - a.time.end).days
    if b.time.end < a.time.start:
        return (a.time.start - b.time.end).days
    return 0


def _amount_gap(a: Fact, b: Fact, entry: EventType) -> Decimal | None:
    """Relative difference of two stated amounts in one currency; None when not comparable."""
    if a.amount is None or b.amount is None or a.amount.currency != b.amount.currency:
        return None
    big = max(a.amount.amount, b.amount.amount)
    return abs(a.amount.amount - b.amount.amount) / big if big else Decimal(0)


def _amounts_agree(a: Fact, b: Fact, entry: EventType) -> bool:
    if a.amount is None or b.amount is None or a.amount.currency != b.amount.currency:
        return True
    return Range.of_reported(a.amount, entry.rounding).overlaps(Range.of_reported(b.amount, entry.rounding))


def matches(f: Fact, event: list[Fact], entry: EventType) -> bool:
    """True when ``f`` may be the same real deal as the facts of ``event`` (see the module docstring)."""
    if any(g.source_id == f.source_id for g in event):
        return False
    return fits(f, event, entry) and all(_amounts_agree(f, g, entry) for g in event)


def fits(f: Fact, event: list[Fact], entry: EventType) -> bool:
    """True when nothing but the amount could tell ``f`` from ``event``: parties, identity and dates agree."""
    mine, theirs = _key_parties(f, entry), set().union(*(_key_parties(g, entry) for g in event))
    if mine and theirs and not mine & theirs:
        return False
    for name in entry.identity:
        value = entry.field_value(f, name)
        if not value:
            continue
        stated = [v for v in (entry.field_value(g, name) for g in event) if v]
        if name == "people":
            if any(not set(value) & set(v) for v in stated):
                return False
        elif any(_label(v) != _label(value) for v in stated):
            return False
    window = entry.date_window_days
    gaps = [d for d in (_days_apart(f, g) for g in event) if d is not None]
    return not gaps or min(gaps) <= window


def _rank(f: Fact, event: list[Fact], entry: EventType) -> tuple:
    gaps = [d for d in (_days_apart(f, g) for g in event) if d is not None]
    amounts = [a for a in (_amount_gap(f, g, entry) for g in event) if a is not None]
    first = min((g.recorded_at, g.event_key) for g in event)
    return (min(gaps) if gaps else timedelta.max.days, min(amounts) if amounts else Decimal(1), first)


def _own_key(f: Fact) -> str:
    """A key for a deal its stated key confuses with another: the stated key told apart by its date."""
    digest = hashlib.sha256(f"{f.event_key}|{f.time.label() if f.time else ''}".encode()).hexdigest()[:20]
    return f"ev:{digest}"


class Reconciler:
    """Links facts to the events a snapshot (and the facts linked before them) already holds."""

    def __init__(self, snapshot: SqlSnapshot) -> None:
        self.snapshot = snapshot

    def _known(self, facts: list[Fact]) -> dict[tuple[FactType, str], dict[str, list[Fact]]]:
        """Visible facts of the types and subjects of ``facts``, by (type, subject id) and event key."""
        out: dict[tuple[FactType, str], dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
        types = sorted({f.type.value for f in facts})
        subjects = sorted({f.subject_id for f in facts if f.subject_id})
        if not subjects:
            return out
        base, params = self.snapshot._visible()
        rows = self.snapshot.backend.query(
            f"SELECT {', '.join(FACT_COLUMNS)} FROM ({base}) v WHERE {in_list('type')} AND {in_list('subject_id')}",
            params + [types, subjects])
        for row in rows:
            g = fact_from_row(row)
            out[(g.type, g.subject_id)][g.event_key].append(g)
        return out

    def link(self, facts: list[Fact]) -> list[Fact]:
        """``facts`` in order, each with the key of the event it joins (its own key when it joins none)."""
        linkable = [f for f in facts if event_type(f.type).reconcile and f.subject_id]
        if not linkable:
            return facts
        known = self._known(linkable)
        out = []
        for f in facts:
            entry = event_type(f.type)
            if entry.reconcile and f.subject_id:
                events = known[(f.type, f.subject_id)]
                key = f.event_key
                if key in events and not fits(f, events[key], entry):
                    key = None  # a key on the fallback alone (the year) that names another deal
                if key not in events:
                    found = [(_rank(f, ev, entry), k) for k, ev in events.items() if matches(f, ev, entry)]
                    key = min(found)[1] if found else key or _own_key(f)
                f = replace(f, event_key=key) if key != f.event_key else f
                events[f.event_key].append(f)
            out.append(f)
        return out


__all__ = ["Reconciler", "matches"]
