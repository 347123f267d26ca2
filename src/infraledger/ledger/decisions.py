"""Resolution decisions kept in the ledger: read the history, undo a merge, merge by hand.

The ledger's ``resolutions`` table is append-only. A merge is undone by appending an ``undo`` row
for the same name and entity; a resolver built with :func:`resolver_for` (or the ledger's own,
which reads the same rows) then no longer maps that name to that entity. Facts recorded before
the undo keep the entity id they were given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config import Settings
from ..errors import InputError, NotFoundError
from ..model import EntityKind
from ..resolve.directory import SecDirectory
from ..resolve.names import match_key

if TYPE_CHECKING:  # pragma: no cover
    from ..resolve.resolver import Resolution, Resolver
    from .store import LedgerStore

#: Methods that did not merge anything (an entity's own id or name, or a new entity): nothing to undo.
NOT_MERGES = frozenset({"id", "name", "new"})


def directory_from(settings: Settings) -> SecDirectory | None:
    """The SEC directory named by ``settings.company_tickers`` (read on first use), or None."""
    if not settings.company_tickers:
        return None
    return SecDirectory(settings.company_tickers, max_bytes=settings.max_input_bytes)


def resolver_for(store: LedgerStore, directory: SecDirectory | None = None) -> Resolver:
    """A resolver over the ledger's current entities that honours its recorded decisions."""
    from ..resolve.resolver import Resolver  # imported on use: it loads rapidfuzz and the fact model

    return Resolver(store.snapshot().entities(), directory=directory, decisions=store.resolutions())


def history(store: LedgerStore, name: str | None = None) -> list[dict]:
    """Recorded decisions, oldest first; with ``name``, those for names with the same matching key."""
    rows = store.resolutions()
    if name is None:
        return rows
    key = match_key(name)
    return [r for r in rows if match_key(r["name"]) == key]


def active_merges(store: LedgerStore) -> list[dict]:
    """Merge decisions not (yet) undone, newest first."""
    undone: set[tuple[str, str]] = set()
    active: list[dict] = []
    for r in reversed(store.resolutions()):
        pair = (match_key(r["name"]), r["entity_id"])
        if r["action"] == "undo":
            undone.add(pair)
        elif pair not in undone and r["method"] not in NOT_MERGES:
            active.append(r)
            undone.add(pair)  # older rows for the same pair are the same merge
    return active


def undo(store: LedgerStore, name: str, *, directory: SecDirectory | None = None,
         entity: str | None = None) -> dict:
    """Undo the merge of ``name`` into an entity; returns the undo row written.

    The merge undone is the latest recorded one for ``name`` (or the one into ``entity``, an id or
    name); if none is recorded, the mapping the resolver makes now (an alias, a ticker, a fuzzy or
    SEC match). Raises NotFoundError when ``name`` is not merged into anything, InputError when it
    is the entity's own name.
    """
    key = match_key(name)
    target = None
    if entity is not None:
        found = resolver_for(store, directory).lookup(entity)
        if found is None:
            raise NotFoundError(f"no entity '{entity}' in the ledger")
        target = found.entity.id
    merges = [r for r in active_merges(store) if match_key(r["name"]) == key
              and (target is None or r["entity_id"] == target)]
    if merges:
        row = merges[0]
        store.record_resolution(name, row["entity_id"], row["method"], row["score"], action="undo",
                                source_id=row["source_id"])
        return {**row, "name": name, "action": "undo"}
    current = explain(store, name, directory=directory)
    if current.created or (target is not None and current.entity.id != target):
        raise NotFoundError(f"'{name}' is not merged into any entity" +
                            (f" called '{entity}'" if entity else ""))
    if current.method in NOT_MERGES:
        raise InputError(f"'{name}' is the own name of entity {current.entity.id}; nothing to undo")
    store.record_resolution(name, current.entity.id, current.method, current.score, action="undo")
    return {"name": name, "entity_id": current.entity.id, "method": current.method,
            "score": current.score, "action": "undo", "source_id": None}


def merge(store: LedgerStore, name: str, entity: str, *, directory: SecDirectory | None = None) -> dict:
    """Record by hand that ``name`` means ``entity`` (an id, name, alias, ticker or CIK); returns the row."""
    found = resolver_for(store, directory).lookup(entity)
    if found is None:
        raise NotFoundError(f"no entity '{entity}' in the ledger")
    if not match_key(name):
        raise InputError(f"'{name}' is not a name")
    store.record_resolution(name, found.entity.id, "manual", None)
    return {"name": name, "entity_id": found.entity.id, "method": "manual", "score": None, "action": "merge"}


def explain(store: LedgerStore, name: str, *, kind: EntityKind = EntityKind.COMPANY,
            directory: SecDirectory | None = None) -> Resolution:
    """What ``name`` would resolve to in this ledger now, without recording anything."""
    return resolver_for(store, directory).resolve(name, kind=kind)
