"""The ledger facts an audit may use as evidence: everything visible at ``as_of`` except the audited text.

Facts are fetched per entity and cached. When a text names many companies, :meth:`EvidencePool.prefetch`
reads the facts of all of them in one pass over the snapshot's Arrow table (filtered column-wise
with pyarrow, then only the matching rows become :class:`Fact` objects) instead of one query per
company: on a ledger of a million facts one pass costs about as much as two single-company queries.
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


class EvidencePool:
    """Facts by entity from one snapshot, without the audited document's own facts."""

    def __init__(self, snapshot: Snapshot, excluded_sources: Iterable[str] = (),
                 sources: Iterable[Source] | None = None, recorded_by: datetime | None = None) -> None:
        self.snapshot = snapshot
        self.excluded = frozenset(excluded_sources)
        self.recorded_by = recorded_by  # a record-time cutoff tighter than the snapshot's own, if any
        self._facts: dict[str, list[Fact]] = {}
        self._sources: dict[str, Source | None] = {s.id: s for s in sources} if sources is not None else {}
        self._entities: list[Entity] | None = None

    def prefetch(self, entity_ids: Iterable[str | None]) -> None:
        """Load the facts of many entities at once (see the module docstring)."""
        ids = sorted({e for e in entity_ids if e and e not in self._facts})
        if len(ids) < BULK_FROM:
            return
        table = self.snapshot.table()
        wanted = pa.array(ids, pa.string())
        mask = pc.is_in(table["subject_id"], value_set=wanted).to_numpy(zero_copy_only=False)
        parties = table["counterparties"].combine_chunks()
        flat = pc.list_flatten(parties)
        if len(flat):
            hit = pc.is_in(pc.struct_field(flat, "entity_id"), value_set=wanted).to_numpy(zero_copy_only=False)
            parents = pc.list_parent_indices(parties).to_numpy(zero_copy_only=False)
            mask[parents[hit]] = True
        rows = table.filter(pa.array(mask))
        columns = [c.to_pylist() for c in rows.columns]
        facts = [fact_from_row(r) for r in zip(*columns)] if rows.num_rows else []
        facts.sort(key=lambda f: (f.time.start if f.time else date.max, f.time.end if f.time else date.max,
                                  f.recorded_at, f.id))
        found: dict[str, list[Fact]] = {i: [] for i in ids}
        for f in facts:
            if not self._usable(f):
                continue
            for eid in {f.subject_id, *(p.entity_id for p in f.counterparties)}:
                if eid in found:
                    found[eid].append(f)
        self._facts.update(found)

    def entities(self) -> list[Entity]:
        if self._entities is None:
            self._entities = self.snapshot.entities()
        return self._entities

    def facts(self, entity_id: str | None, types: Iterable[FactType] = ()) -> list[Fact]:
        """Facts whose subject or a counterparty is ``entity_id``, of ``types`` (all when empty)."""
        if not entity_id:
            return []
        if entity_id not in self._facts:
            try:
                found = self.snapshot.facts(entity=entity_id)
            except NotFoundError:
                found = []
            self._facts[entity_id] = [f for f in found if self._usable(f)]
        wanted = set(types)
        return [f for f in self._facts[entity_id] if not wanted or f.type in wanted]

    def _usable(self, f: Fact) -> bool:
        return f.source_id not in self.excluded and (self.recorded_by is None or f.recorded_at <= self.recorded_by)

    def about(self, entity_id: str | None, types: Iterable[FactType] = ()) -> list[Fact]:
        """Like :meth:`facts`, but only facts whose *subject* is ``entity_id``."""
        return [f for f in self.facts(entity_id, types) if f.subject_id == entity_id]

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
