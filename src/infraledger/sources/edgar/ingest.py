"""Put read filings into the ledger: one transaction per filing, amendments superseding what they amend.

A Form D amendment (D/A) reports the same offering again with updated figures. Its fact has
the same event identity as the original notice (see :mod:`.facts`), so before appending it the
ledger is searched for visible facts of that event from earlier filings, and the new fact is
recorded as superseding them: the ledger then shows one raise, at the amended figures, while
the original stays in the history (as-of queries before the amendment still see it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ...ledger import LedgerStore
from ...model.events import FactType
from ...model.facts import event_key
from .facts import FilingFacts

__all__ = ["IngestResult", "ingest", "ingest_many"]


@dataclass(frozen=True)
class IngestResult:
    source_id: str
    facts_added: int
    facts_skipped: int
    superseded: int


def _filed(store_source) -> date:
    return store_source.published or date.min


def _offerings(contribution: FilingFacts) -> list[tuple[int, str]]:
    """(position, offering key) of each Form D fact of a filing that can supersede or be superseded."""
    return [(i, event_key(f)) for i, f in enumerate(contribution.facts)
            if f.type is FactType.FUNDING_ROUND and f.attributes.get("form_d") and f.subject_id]


def _known_offerings(store: LedgerStore, contributions: list[FilingFacts]) -> dict[str, list[tuple]]:
    """Visible Form D-able facts of the filings' issuers, by offering key, each with its filing date."""
    issuers = sorted({c.facts[i].subject_id for c in contributions for i, _ in _offerings(c)})
    if not issuers:
        return {}
    snapshot = store.snapshot()
    known = snapshot.facts(types=[FactType.FUNDING_ROUND], subjects=issuers)
    filed = {s.id: _filed(s) for s in snapshot.sources({f.source_id for f in known})}
    out: dict[str, list[tuple]] = {}
    for f in known:
        out.setdefault(event_key(f), []).append((f, filed.get(f.source_id, date.min)))
    return out


def _plan(contribution: FilingFacts, known: dict[str, list[tuple]]) -> tuple[list, dict[int, str], int]:
    """The facts to append, what they supersede, and how many were left out as stale (see :func:`ingest`)."""
    supersedes: dict[int, str] = {}
    stale: set[int] = set()
    filed = contribution.source.published or date.max
    for i, key in _offerings(contribution):
        same = [(f, when) for f, when in known.get(key, ()) if f.source_id != contribution.source.id]
        newer = [f for f, when in same if when > filed]
        older = [(f, when) for f, when in same if when <= filed]
        if newer:
            stale.add(i)
            contribution.notes.append(f"Form D figures of {filed} are older than those already in the ledger "
                                      f"for this offering; fact not added")
        elif older:
            supersedes[i] = max(older, key=lambda fw: (fw[1], fw[0].recorded_at))[0].id
    positions = [i for i in range(len(contribution.facts)) if i not in stale]  # positions shift without the stale
    return ([contribution.facts[i] for i in positions], {positions.index(i): fid for i, fid in supersedes.items()},
            len(stale))


def ingest_many(store: LedgerStore, contributions: list[FilingFacts], *, recorded_at: datetime | None = None,
                resolver=None) -> list[IngestResult]:
    """Append several filings in one transaction (oldest first), with what :func:`ingest` does for each.

    Filings are planned in groups against one look at the ledger; a filing of an offering already in
    the group starts a new group, so an amendment always sees the notice it amends. Results come in the
    order of ``contributions``. ``resolver`` (default: one made from the ledger) maps names to entities.
    """
    order = sorted(range(len(contributions)), key=lambda n: contributions[n].source.published or date.min)
    results: dict[int, IngestResult] = {}
    with store.backend.transaction():
        group: list[int] = []
        keys: set[str] = set()
        for n in order + [None]:
            offer = {k for _, k in _offerings(contributions[n])} if n is not None else set()
            if group and (n is None or offer & keys):
                chosen = [contributions[m] for m in group]
                known = _known_offerings(store, chosen)
                plans = [_plan(c, known) for c in chosen]
                added = store.append_many([(c.source, facts, c.entities) for c, (facts, _s, _n) in zip(chosen, plans)],
                                          recorded_at=recorded_at, supersedes=[sup for _f, sup, _n in plans],
                                          resolver=resolver)
                for m, r, (_f, sup, n_stale) in zip(group, added, plans):
                    results[m] = IngestResult(r.source_id, r.facts_added, r.facts_skipped + n_stale,
                                              len(sup) if r.facts_added else 0)
                group, keys = [], set()
            if n is not None:
                group.append(n)
                keys |= offer
    return [results[n] for n in range(len(contributions))]


def ingest(store: LedgerStore, contribution: FilingFacts, *, recorded_at: datetime | None = None) -> IngestResult:
    """Append one filing's source, entities and facts in one transaction; returns what changed.

    A Form D fact supersedes the visible fact of the same offering from an earlier filing. If a
    later filing of that offering is already in the ledger (files loaded out of order), the
    earlier figures are stale: the source is recorded but its fact is left out, with a note,
    so the ledger still shows one raise at the latest figures. Nothing is written when the
    append fails (the store rolls the transaction back).
    """
    return ingest_many(store, [contribution], recorded_at=recorded_at)[0]
