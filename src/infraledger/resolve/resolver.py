"""Map names in documents to ledger entities by exact name, alias, ticker or CIK.

Unknown names become new entities with stable ids (see :func:`infraledger.model.entity_id_for`).
Every decision is returned as a :class:`Resolution`, which the ledger records so it can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..model import Entity, EntityKind, normalise_name


@dataclass(frozen=True)
class Resolution:
    """Which entity a name was taken to mean, and why."""

    name: str
    entity: Entity
    created: bool
    method: str  # "id", "cik", "ticker", "name", "alias", "new"
    score: float | None = None


class Resolver:
    """Resolve names against a set of known entities; learns the entities it creates."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._by_id: dict[str, Entity] = {}
        self._by_name: dict[str, str] = {}
        self._by_ticker: dict[str, str] = {}
        self._by_cik: dict[int, str] = {}
        for e in entities:
            self.add(e)

    def add(self, entity: Entity) -> None:
        """Make ``entity`` known (a later version of the same id replaces the earlier one)."""
        self._by_id[entity.id] = entity
        for n in entity.names():
            self._by_name.setdefault(normalise_name(n), entity.id)
        self._by_name[normalise_name(entity.name)] = entity.id
        for t in entity.tickers:
            self._by_ticker[t.upper()] = entity.id
        if entity.cik:
            self._by_cik[int(entity.cik)] = entity.id

    def known(self) -> list[Entity]:
        return list(self._by_id.values())

    def lookup(self, ref: str) -> Resolution | None:
        """An existing entity for ``ref`` (id, CIK, ticker, name or alias), or None."""
        ref = ref.strip()
        if ref in self._by_id:
            return Resolution(ref, self._by_id[ref], False, "id")
        digits = ref.lower().removeprefix("cik").strip(": ")
        if digits.isdigit() and int(digits) in self._by_cik:
            return Resolution(ref, self._by_id[self._by_cik[int(digits)]], False, "cik")
        key = normalise_name(ref)
        if key in self._by_name:
            eid = self._by_name[key]
            entity = self._by_id[eid]
            method = "name" if normalise_name(entity.name) == key else "alias"
            return Resolution(ref, entity, False, method)
        if ref.upper() in self._by_ticker and (ref.isupper() or ref.startswith("$")):
            return Resolution(ref, self._by_id[self._by_ticker[ref.upper()]], False, "ticker")
        return None

    def resolve(self, name: str, *, kind: EntityKind = EntityKind.COMPANY, cik: int | None = None) -> Resolution:
        """The entity ``name`` means; a new entity when nothing known matches."""
        if cik and int(cik) in self._by_cik:
            return Resolution(name, self._by_id[self._by_cik[int(cik)]], False, "cik")
        found = self.lookup(name)
        if found is not None:
            return found
        entity = Entity.new(name.strip(), kind=kind, cik=cik)
        if entity.id in self._by_id:  # same normalised name, e.g. punctuation variants
            return Resolution(name, self._by_id[entity.id], False, "name")
        self.add(entity)
        return Resolution(name, entity, True, "new")
