"""The ledger facts an audit may use as evidence: everything visible at ``as_of`` except the audited text.

Facts are fetched per entity (one indexed query each, cached), never by scanning the whole ledger,
so an audit against a ledger of millions of facts reads only the facts about the companies the
text names. Facts from sources recognised as the audited document are dropped here, in one place,
so no check can use the text as its own evidence.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import NotFoundError
from ..ledger import Snapshot
from ..model import Entity, EntityKind, Fact, FactType, Source
from .cues import group_words


class EvidencePool:
    """Facts by entity from one snapshot, without the audited document's own facts."""

    def __init__(self, snapshot: Snapshot, excluded_sources: Iterable[str] = ()) -> None:
        self.snapshot = snapshot
        self.excluded = frozenset(excluded_sources)
        self._facts: dict[str, list[Fact]] = {}
        self._sources: dict[str, Source | None] = {}
        self._entities: list[Entity] | None = None

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
            self._facts[entity_id] = [f for f in found if f.source_id not in self.excluded]
        wanted = set(types)
        return [f for f in self._facts[entity_id] if not wanted or f.type in wanted]

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
