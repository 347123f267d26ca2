"""The ledger facts an audit may use as evidence: everything visible at ``as_of`` except the audited text.

Checks ask for the facts *about* an entity (it is their subject), fetched per entity and cached.
When a text names many companies, :meth:`EvidencePool.prefetch` reads the facts about all of them
in one pass over the snapshot's Arrow table, narrowed to the fact types the claims need (filtered
column-wise with pyarrow; only the matching rows become :class:`Fact` objects) instead of one query
per company: on a ledger of a million facts one pass costs about as much as two single-company queries.
Facts from sources recognised as the audited document are dropped here, in one place, so no check
can use the text as its own evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import pyarrow as pa
import pyarrow.compute as pc

from ..errors import NotFoundError
from ..ledger import Snapshot
from ..ledger.rows import fact_from_row
from ..model import Entity, EntityKind, Fact, FactType, Source
from .cues import group_words

#: From this many companies on, one pass over the table beats one query per company.
BULK_FROM = 4


def _valid_order(f: Fact) -> tuple:
    """The order snapshots return facts in: valid time, then record time."""
    return (f.time.start if f.time else date.max, f.time.end if f.time else date.max, f.recorded_at, f.id)


class EvidencePool:
    """Facts by entity from one snapshot, without the audited document's own facts."""

    def __init__(self, snapshot: Snapshot, excluded_sources: Iterable[str] = (),
                 sources: Iterable[Source] | None = None, recorded_by: datetime | None = None) -> None:
        self.snapshot = snapshot
        self.excluded = frozenset(excluded_sources)
        self.recorded_by = recorded_by  # a record-time cutoff tighter than the snapshot's own, if any
        self._about: dict[str, list[Fact]] = {}             # entity id -> facts about it
        self._types: dict[str, frozenset[FactType]] = {}    # which types a prefetch loaded (empty = all)
        self._sources: dict[str, Source | None] = {s.id: s for s in sources} if sources is not None else {}
        self._entities: list[Entity] | None = None

    def prefetch(self, entity_ids: Iterable[str | None], types: Iterable[FactType] = ()) -> None:
        """Load the facts about many entities at once (see the module docstring).

        ``types`` narrows the read to the fact types the checks will ask for (all when empty).
        """
        ids = sorted({e for e in entity_ids if e and e not in self._about})
        if len(ids) < BULK_FROM:
            return
        types = sorted(set(types))
        table = self.snapshot.table(types=types or None)
        mask = pc.is_in(table["subject_id"], value_set=pa.array(ids, pa.string()))
        rows = table.filter(mask)
        columns = [c.to_pylist() for c in rows.columns]
        found: dict[str, list[Fact]] = {i: [] for i in ids}
        for row in zip(*columns):
            f = fact_from_row(row)
            if self._usable(f):
                found[f.subject_id].append(f)
        for eid, facts in found.items():
            facts.sort(key=_valid_order)
            self._about[eid] = facts
            self._types[eid] = frozenset(types)

    def entities(self) -> list[Entity]:
        if self._entities is None:
            self._entities = self.snapshot.entities()
        return self._entities

    def _usable(self, f: Fact) -> bool:
        return f.source_id not in self.excluded and (self.recorded_by is None or f.recorded_at <= self.recorded_by)

    def about(self, entity_id: str | None, types: Iterable[FactType] = ()) -> list[Fact]:
        """Facts whose subject is ``entity_id``, of ``types`` (all when empty), in valid-time order."""
        if not entity_id:
            return []
        wanted = set(types)
        loaded = self._types.get(entity_id)
        if entity_id not in self._about or (loaded and (not wanted or not wanted <= loaded)):
            try:
                found = self.snapshot.facts(entity=entity_id)
            except NotFoundError:
                found = []
            self._about[entity_id] = [f for f in found if f.subject_id == entity_id and self._usable(f)]
            self._types[entity_id] = frozenset()
        return [f for f in self._about[entity_id] if not wanted or f.type in wanted]

    def source(self, source_id: str) -> Source | None:
        if source_id not in self._sources:
            try:
                self._sources[source_id] = self.snapshot.source(source_id)
            except NotFoundError:
                self._sources[source_id] = None
        return self._sources[source_id]

    def groups(self, name: str, members: Iterable[str] = ()) -> list[Entity]:
        """Group entities the ledger knows that match a group named ``name`` or with these members.

        Groups meet on their content words ("Four top hyperscalers" = "the top four hyperscalers").
        """
        words = group_words(name) if name else frozenset()
        return [e for e in self.entities() if e.kind is EntityKind.GROUP
                and words and any(group_words(n) == words for n in e.names())]

    def group_facts(self, name: str, members: Iterable[str], types: Iterable[FactType]) -> list[Fact]:
        """Facts about a group: by the group's name, else by facts listing the same members."""
        out: list[Fact] = []
        for g in self.groups(name, members):
            out += self.about(g.id, types)
        if out:
            return out
        wanted = {m.casefold() for m in members}
        if len(wanted) < 2:
            return []
        for e in self.entities():
            if e.kind is EntityKind.GROUP:
                for f in self.about(e.id, types):
                    have = {str(m).casefold() for m in f.attributes.get("members", ())}
                    if have and have == wanted:
                        out.append(f)
        return out
